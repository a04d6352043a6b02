import { describe, expect, it } from 'vitest';
import { keyEmbedded } from '../../../src/core/rules/key-embedded.js';
import { SEED_002_ID_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { b64, check, expectOne, jsonArtifact, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const claims = { sub: 'u1' };

describe('key-embedded', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['jku', { alg: 'RS256', jku: 'https://attacker.example/jwks' }, 'header has "jku": not fetched or trusted'],
    ['x5u', { alg: 'RS256', x5u: 'https://attacker.example/cert' }, 'header has "x5u"'],
    ['jwk', { alg: 'RS256', jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } }, 'header has "jwk"'],
    ['x5c', { alg: 'RS256', x5c: ['MIIB'] }, 'header has "x5c"'],
    ['jwk and x5c together', { alg: 'ES256', x5c: [], jwk: null }, 'header has "jwk", "x5c": not fetched or trusted; keys come only from the issuer\'s jwks_uri'],
    ['a jku of the wrong type', { alg: 'RS256', jku: 42 }, '"jku"'],
  ])('warns about %s', (_name, header, fragment) => {
    expectOne(check(keyEmbedded, [tokenArtifact('id_token', claims, header)]), 'key-embedded', 'warning', fragment);
  });

  it('warns about a JWE header too', () => {
    const jwe = rawTokenArtifact('access_token', `${b64('{"alg":"ECDH-ES","enc":"A256GCM","jku":"https://x.example"}')}..aXY.Y3Q.dGFn`);
    expectOne(check(keyEmbedded, [jwe]), 'key-embedded', 'warning', 'access token header has "jku"');
  });

  it.each<[string, Record<string, unknown>]>([
    ['a plain header', { alg: 'RS256', kid: 'k1' }],
    ['x5t only (a thumbprint, not a key)', { alg: 'RS256', x5t: 'abc' }],
    ['a key name in the payload only', { alg: 'RS256' }],
  ])('accepts %s', (_name, header) => {
    expect(check(keyEmbedded, [tokenArtifact('access_token', { ...claims, jku: 'x' }, header)])).toEqual([]);
  });

  it('accepts the seed 002 ID token and ignores artifacts without a header', () => {
    expect(check(keyEmbedded, [rawTokenArtifact('id_token', SEED_002_ID_TOKEN), jsonArtifact('opaque_token', undefined), rawTokenArtifact('id_token', 'x.y')])).toEqual([]);
  });
});
