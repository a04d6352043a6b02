import { describe, expect, it } from 'vitest';
import { jwsParse } from '../../../src/core/rules/jws-parse.js';
import { SEED_002_ACCESS_TOKEN, SEED_002_ID_TOKEN, SEED_002_REFRESH_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { b64, check, expectOne, jsonArtifact, jws, rawTokenArtifact } from '../helpers/rule-harness.js';

const H = b64('{"alg":"RS256","kid":"k1"}');
const P = b64('{"sub":"u1","iss":"https://op.example"}');
const JWE_HEADER = b64('{"alg":"RSA-OAEP","enc":"A256GCM"}');

describe('jws-parse', () => {
  it.each<[string, string, string]>([
    ['two segments', `${H}.${P}`, 'this token has 2'],
    ['four segments', `${H}.${P}.c2ln.eA`, 'this token has 4'],
    ['base64 padding', `${b64('{"alg":"RS256"}')}=.${P}.c2ln`, 'padding'],
    ['base64 alphabet', `${H}.${P}.ab+/cd`, '"+" or "/"'],
    ['whitespace inside', `${H}.${P}.c2\nln`, 'whitespace'],
    ['empty header', `.${P}.c2ln`, 'the header segment is empty'],
    ['header not JSON', `${b64('{alg:RS256}')}.${P}.c2ln`, 'the header is not valid JSON'],
    ['payload a JSON array', `${H}.${b64('["sub"]')}.c2ln`, 'the payload is JSON but not an object'],
    ['payload a JSON string', `${H}.${b64('"sub"')}.c2ln`, 'not an object'],
    ['payload not UTF-8', `${H}.wygA.c2ln`, 'the payload is not valid UTF-8'],
  ])('reports %s', (_name, raw, fragment) => {
    const f = expectOne(check(jwsParse, [rawTokenArtifact('access_token', raw)]), 'jws-parse', 'error', fragment);
    expect(f.message).toMatch(/^malformed access token \((token|header|payload|signature)\)/);
  });

  it('reports every problem, one finding each', () => {
    const findings = check(jwsParse, [rawTokenArtifact('id_token', `${b64('[1]')}.${b64('null')}.c2ln`)]);
    expect(findings.map((f) => f.message)).toEqual([
      'malformed ID token (header): the header is JSON but not an object',
      'malformed ID token (payload): the payload is JSON but not an object',
    ]);
  });

  it.each<[string, string]>([
    ['seed 002 ID token (KC spaces inside the header JSON)', SEED_002_ID_TOKEN],
    ['seed 002 access token', SEED_002_ACCESS_TOKEN],
    ['seed 002 refresh token', SEED_002_REFRESH_TOKEN],
    ['a built JWS', jws({ sub: 'u1' })],
  ])('accepts %s', (_name, raw) => {
    expect(check(jwsParse, [rawTokenArtifact('id_token', raw)])).toEqual([]);
  });

  it('reports a JWE once, as info, with alg and enc', () => {
    const raw = `${JWE_HEADER}.ZWs.aXY.Y3Q.dGFn`;
    const f = expectOne(check(jwsParse, [rawTokenArtifact('access_token', raw)]), 'jws-parse', 'info', 'encrypted (JWE): header shown, payload not readable here');
    expect(f.message).toContain('alg "RSA-OAEP", enc "A256GCM"');
  });

  it('keeps a JWE with a broken header at one info finding', () => {
    const raw = `${b64('not json')}.ZWs.aXY.Y3Q.dGFn`;
    const f = expectOne(check(jwsParse, [rawTokenArtifact('id_token', raw)]), 'jws-parse', 'info', 'its header could not be decoded');
    expect(f.message).toContain('not valid JSON');
  });

  it('says nothing about opaque tokens and plain JSON userinfo', () => {
    const opaque = jsonArtifact('opaque_token', undefined, { raw: 'abc.def' });
    const userinfo = jsonArtifact('userinfo', { sub: 'u1' });
    expect(check(jwsParse, [opaque, userinfo])).toEqual([]);
  });

  it('checks signed userinfo', () => {
    expectOne(check(jwsParse, [rawTokenArtifact('userinfo', `${H}.${b64('[]')}.c2ln`)]), 'jws-parse', 'error', 'malformed signed userinfo (payload)');
  });

  it('does not throw on a decoded JWT without a problems list', () => {
    const a = rawTokenArtifact('access_token', jws({ sub: 'u1' }));
    (a.jwt as unknown as Record<string, unknown>).problems = 'broken';
    expect(check(jwsParse, [a])).toEqual([]);
  });
});
