import { describe, expect, it } from 'vitest';
import { jwsDupNames } from '../../../src/core/rules/jws-dup-names.js';
import { SEED_002_ID_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { b64, check, expectOne, jsonArtifact, rawTokenArtifact } from '../helpers/rule-harness.js';

const H = b64('{"alg":"RS256"}');
const P = b64('{"sub":"u1"}');

describe('jws-dup-names', () => {
  it.each<[string, string, string, string]>([
    ['a duplicated header name', `${b64('{"alg":"RS256","alg":"none"}')}.${P}.c2ln`, 'alg', 'the header has the name "alg" more than once'],
    ['a duplicated claim', `${H}.${b64('{"sub":"u1","aud":"a","sub":"admin"}')}.c2ln`, 'sub', 'the payload has the name "sub" more than once'],
    ['a duplicated nested name', `${H}.${b64('{"address":{"country":"NO","country":"SE"}}')}.c2ln`, 'address.country', '"address.country" more than once'],
    ['a duplicate in a JWE header', `${b64('{"alg":"dir","enc":"A128GCM","enc":"A256GCM"}')}..aXY.Y3Q.dGFn`, 'enc', '"enc" more than once'],
  ])('reports %s', (_name, raw, claim, fragment) => {
    const f = expectOne(check(jwsDupNames, [rawTokenArtifact('id_token', raw)]), 'jws-dup-names', 'error', fragment);
    expect(f.claim).toBe(claim);
    expect(f.message).toContain('must be unique');
  });

  it('reports each duplicated name', () => {
    const raw = `${H}.${b64('{"sub":"a","sub":"b","iss":"x","iss":"y"}')}.c2ln`;
    expect(check(jwsDupNames, [rawTokenArtifact('access_token', raw)]).map((f) => f.claim)).toEqual(['sub', 'iss']);
  });

  it.each<[string, string]>([
    ['the seed 002 ID token', SEED_002_ID_TOKEN],
    ['the same name in different objects', `${H}.${b64('{"name":"a","address":{"name":"b"}}')}.c2ln`],
    ['a name repeated only as a value', `${H}.${b64('{"sub":"sub","aud":["sub","sub"]}')}.c2ln`],
  ])('accepts %s', (_name, raw) => {
    expect(check(jwsDupNames, [rawTokenArtifact('id_token', raw)])).toEqual([]);
  });

  it('ignores artifacts without a JWT and malformed tokens', () => {
    expect(check(jwsDupNames, [jsonArtifact('opaque_token', undefined), rawTokenArtifact('access_token', 'a.b')])).toEqual([]);
  });

  it('still reports, without a claim, when the decoder message has no name', () => {
    const a = rawTokenArtifact('access_token', `${H}.${P}.c2ln`);
    a.jwt!.problems.push({ rule: 'jws-dup-names', part: 'payload', message: 'duplicate names' });
    const f = expectOne(check(jwsDupNames, [a]), 'jws-dup-names', 'error', 'duplicate names');
    expect(f.claim).toBeUndefined();
  });
});
