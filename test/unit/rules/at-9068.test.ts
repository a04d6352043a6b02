import { describe, expect, it } from 'vitest';
import { at9068 } from '../../../src/core/rules/at-9068.js';
import { check, jsonArtifact, tokenArtifact } from '../helpers/rule-harness.js';

/** Seed 002's first access token, as decoded from the JWT (not the mismatching printed decoding). */
const SEED_002_AT = {
  exp: 1629286357, iat: 1629286057, auth_time: 1629285998, jti: '63193bea-3c07-4a4d-867a-65bcc9704648',
  iss: 'https://auth.current.bankid.no/auth/realms/current', aud: 'tinfo', sub: '2cd7cecd-d444-4685-bb04-8bbfdb45a069',
  typ: 'Bearer', azp: 'oidc-testclient', nonce: 'demoNonce', scope: 'openid profile',
};

const FULL_9068 = { iss: 'https://as.example', exp: 1629286357, aud: 'https://api.example', sub: 'u1', client_id: 'c1', iat: 1629286057, jti: 'j1' };

describe('at-9068', () => {
  it('fires once, listing every missing claim, as a warning under the generic profile', () => {
    const f = check(at9068, [tokenArtifact('access_token', { sub: 'u1', exp: 1 })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'at-9068', severity: 'warning' });
    expect(f[0]!.message).toContain('lacks iss, aud, client_id, iat, jti');
    expect(f[0]!.claim).toBeUndefined();
  });

  it('names the claim when exactly one is missing (seed 002 AT lacks client_id) and is a warning outside Keycloak', () => {
    const f = check(at9068, [tokenArtifact('access_token', SEED_002_AT)]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'at-9068', severity: 'warning', claim: 'client_id' });
    expect(f[0]!.message).toContain('lacks client_id');
  });

  it('is an info under the Keycloak profile and says Keycloak uses azp', () => {
    const f = check(at9068, [tokenArtifact('access_token', SEED_002_AT, undefined, { profile: 'keycloak' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'at-9068', severity: 'info', claim: 'client_id' });
    expect(f[0]!.message).toContain('Keycloak puts the client in azp (azp "oidc-testclient"), not client_id');
  });

  it('is an info under Keycloak also when client_id is not among the missing claims', () => {
    const f = check(at9068, [tokenArtifact('access_token', { ...FULL_9068, jti: undefined }, undefined, { profile: 'keycloak' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', claim: 'jti' });
    expect(f[0]!.message).not.toContain('azp');
  });

  it('does not fire when every RFC 9068 claim is present', () => {
    expect(check(at9068, [tokenArtifact('access_token', FULL_9068)])).toEqual([]);
  });

  it.each([
    ['null claims count as missing', { ...FULL_9068, iss: null }, 'lacks iss'],
    ['wrong types are present (claim-types judges them)', { ...FULL_9068, exp: 'soon', aud: 42, sub: {}, jti: [] }, null],
    ['a claim named like a prototype member is not inherited', { constructor: 1, toString: 2 }, 'lacks iss, exp, aud, sub, client_id, iat, jti'],
    ['huge and nested values', { ...FULL_9068, client_id: { a: { b: { c: 'x'.repeat(100_000) } } } }, null],
  ])('bad input: %s', (_name, payload, fragment) => {
    const f = check(at9068, [tokenArtifact('access_token', payload as Record<string, unknown>)]);
    if (fragment === null) expect(f).toEqual([]);
    else {
      expect(f).toHaveLength(1);
      expect(f[0]!.message).toContain(fragment);
    }
  });

  it('ignores opaque access tokens, JWEs and undecodable payloads', () => {
    const opaque = jsonArtifact('access_token', undefined, { raw: 'abc123' });
    const jwe = tokenArtifact('access_token', {}, undefined, { jwt: { format: 'jwe', segments: ['a', 'b', 'c', 'd', 'e'], problems: [], header: { alg: 'RSA-OAEP' } } });
    const malformed = tokenArtifact('access_token', {}, undefined, { jwt: { format: 'malformed', segments: ['x'], problems: [] } });
    const noPayload = tokenArtifact('access_token', {}, undefined, { jwt: { format: 'jws', segments: ['a', 'b', 'c'], problems: [] } });
    expect(check(at9068, [opaque, jwe, malformed, noPayload])).toEqual([]);
  });
});
