import { describe, expect, it } from 'vitest';
import type { Artifact, SignatureCheck } from '../../../src/core/model.js';
import { algConfusion } from '../../../src/core/rules/alg-confusion.js';
import { SEED_002_REFRESH_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { check, expectOne, jsonArtifact, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const claims = { iss: 'https://op.example', sub: 'u1' };

function token(kind: Artifact['kind'], alg: unknown, signature?: SignatureCheck, extra: Partial<Artifact> = {}): Artifact {
  return tokenArtifact(kind, claims, { alg, kid: 'k1' }, signature ? { signature, ...extra } : extra);
}

describe('alg-confusion', () => {
  it.each<[string, string, string, string]>([
    ['RS256 verified with an EC key', 'RS256', 'EC', 'alg "RS256" needs a key of type RSA, but the key used has kty "EC"'],
    ['PS384 with an oct key', 'PS384', 'oct', 'needs a key of type RSA'],
    ['ES256 with an RSA key', 'ES256', 'RSA', 'alg "ES256" needs a key of type EC, but the key used has kty "RSA"'],
    ['EdDSA with an EC key', 'EdDSA', 'EC', 'needs a key of type OKP'],
    ['HS256 with the RSA public key', 'HS256', 'RSA', 'alg "HS256" needs a key of type oct, but the key used has kty "RSA"'],
  ])('reports %s', (_name, alg, keyType, fragment) => {
    expectOne(check(algConfusion, [token('access_token', alg, { status: 'invalid', keyType })]), 'alg-confusion', 'error', fragment);
  });

  it('reports a key mismatch on an HS256 ID token as an error, not as the client-secret note', () => {
    expectOne(check(algConfusion, [token('id_token', 'HS256', { status: 'invalid', keyType: 'RSA' })]), 'alg-confusion', 'error', 'needs a key of type oct');
  });

  it.each<[string, string, string]>([
    ['RS256 with RSA', 'RS256', 'RSA'],
    ['ES256K with EC', 'ES256K', 'EC'],
    ['Ed25519 with OKP', 'Ed25519', 'OKP'],
    ['a "kty/alg" key type', 'RS256', 'RSA/RS256'],
  ])('accepts %s', (_name, alg, keyType) => {
    expect(check(algConfusion, [token('access_token', alg, { status: 'valid', keyType, issuerHasAsymmetricKeys: true })])).toEqual([]);
  });

  it('calls an HS256 access token from an issuer with asymmetric keys suspect', () => {
    expectOne(check(algConfusion, [token('access_token', 'HS384', { status: 'unverifiable', issuerHasAsymmetricKeys: true })]), 'alg-confusion', 'error', 'access token alg "HS384" (a shared-secret MAC) from an issuer whose JWKS publishes asymmetric keys: suspect');
  });

  it('calls a non-Keycloak HS256 refresh token from such an issuer suspect', () => {
    expectOne(check(algConfusion, [token('refresh_token', 'HS256', { status: 'unverifiable', issuerHasAsymmetricKeys: true })]), 'alg-confusion', 'error', 'suspect');
  });

  it('leaves Keycloak refresh tokens to rt-opaque (seed 002)', () => {
    const rt = rawTokenArtifact('refresh_token', SEED_002_REFRESH_TOKEN, { profile: 'keycloak', signature: { status: 'unverifiable', issuerHasAsymmetricKeys: true, unknownKid: true } });
    expect(check(algConfusion, [rt])).toEqual([]);
  });

  it.each<[string, Artifact]>([
    ['an ID token', token('id_token', 'HS256')],
    ['an ID token from an issuer with RSA keys', token('id_token', 'HS512', { status: 'unverifiable', issuerHasAsymmetricKeys: true })],
    ['signed userinfo', token('userinfo', 'HS256', { status: 'unverifiable', issuerHasAsymmetricKeys: true })],
    ['a client_secret_jwt client assertion', token('jwt', 'HS256', { status: 'unverifiable', issuerHasAsymmetricKeys: true }, { role: 'client_assertion' })],
  ])('notes that HS* on %s is keyed with the client secret (info)', (_name, t) => {
    expectOne(check(algConfusion, [t]), 'alg-confusion', 'info', "keyed with the client secret; it can't be verified in the browser");
  });

  it.each<[string, Artifact]>([
    ['no signature check', token('access_token', 'RS256')],
    ['HS256 from an issuer without asymmetric keys', token('access_token', 'HS256', { status: 'unverifiable', issuerHasAsymmetricKeys: false })],
    ['HS256 with the asymmetric-keys flag unknown', token('access_token', 'HS256', { status: 'not-checked' })],
    ['HS256 bankid_proof JWT from an issuer without asymmetric keys', token('jwt', 'HS256', undefined, { role: 'bankid_proof' })],
    ['alg none', token('access_token', 'none', { status: 'not-checked', keyType: 'RSA' })],
    ['an unknown alg', token('access_token', 'XS256', { status: 'not-checked', keyType: 'RSA' })],
    ['a non-string alg', token('access_token', ['RS256'], { status: 'not-checked', keyType: 'EC' })],
    ['an empty key type', token('access_token', 'RS256', { status: 'valid', keyType: '' })],
    ['an opaque token', jsonArtifact('opaque_token', undefined)],
  ])('says nothing for %s', (_name, t) => {
    expect(check(algConfusion, [t])).toEqual([]);
  });
});
