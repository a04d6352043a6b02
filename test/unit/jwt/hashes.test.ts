import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashAlgFor, leftHalfHash } from '../../../src/core/jwt/hashes.js';

/** An independent reference: node's hash, left half, base64url. */
function reference(value: string, digest: 'sha256' | 'sha384' | 'sha512'): string {
  const full = createHash(digest).update(value, 'ascii').digest();
  return full.subarray(0, full.length / 2).toString('base64url');
}

describe('leftHalfHash', () => {
  // OpenID Connect Core 1.0, Appendix A.3 (response_type=id_token token): the RS256 ID token's at_hash for this
  // access_token. (The access token is the spec's "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y".)
  it('reproduces the at_hash example of OIDC Core Appendix A.3', async () => {
    expect(await leftHalfHash('jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y', 'RS256')).toBe('77QmUPtjPfzWtF2AnpK9RQ');
  });

  // OpenID Connect Core 1.0, Appendix A.4/A.6 (response_type=code id_token[ token]): the c_hash for this code.
  it('reproduces the c_hash example of OIDC Core Appendix A.4', async () => {
    expect(await leftHalfHash('Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk', 'RS256')).toBe('LDktKdoQak3Pk0cnXxCltA');
  });

  it('does not give the A.3 at_hash for a different access token', async () => {
    expect(await leftHalfHash('jHkWEdUXMU1BwAsC4vtUsZwnNNoN2Q5X2gFwvJpf', 'RS256')).not.toBe('77QmUPtjPfzWtF2AnpK9RQ');
  });

  it.each<[string, 'sha256' | 'sha384' | 'sha512', number]>([
    ['HS256', 'sha256', 22],
    ['RS256', 'sha256', 22],
    ['PS256', 'sha256', 22],
    ['ES256', 'sha256', 22],
    ['ES256K', 'sha256', 22],
    ['RS384', 'sha384', 32],
    ['ES384', 'sha384', 32],
    ['PS512', 'sha512', 43],
    ['ES512', 'sha512', 43],
    ['EdDSA', 'sha512', 43],
    ['Ed25519', 'sha512', 43],
  ])('%s hashes with %s and keeps the left half (%i base64url chars)', async (alg, digest, length) => {
    const value = 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y';
    const hash = await leftHalfHash(value, alg);
    expect(hash).toBe(reference(value, digest));
    expect(hash).toHaveLength(length);
  });

  it('hashes the empty string', async () => {
    expect(await leftHalfHash('', 'RS256')).toBe(reference('', 'sha256'));
  });

  it.each(['none', 'RS1', 'Ed448', 'HS128', 'A256GCM', '', 'rs256'])('resolves undefined for alg %j', async (alg) => {
    expect(await leftHalfHash('abc', alg)).toBeUndefined();
  });
});

describe('hashAlgFor', () => {
  it.each([
    ['RS384', 'SHA-384'],
    ['ES512', 'SHA-512'],
    ['EdDSA', 'SHA-512'],
    ['Ed25519', 'SHA-512'],
    ['HS256', 'SHA-256'],
    ['PS512', 'SHA-512'],
    ['ES256K', 'SHA-256'],
  ])('%s -> %s', (alg, digest) => {
    expect(hashAlgFor(alg)).toBe(digest);
  });

  it.each(['none', 'unknown', 'RS1', 'Ed448', 'HS128', 'RS256 ', 'xRS256'])('%j -> undefined', (alg) => {
    expect(hashAlgFor(alg)).toBeUndefined();
  });

  it.each(['RS256K', 'HS512K', 'PS384K', 'ES384K'])('%j (not a JWS alg) -> undefined', (alg) => {
    expect(hashAlgFor(alg)).toBeUndefined();
  });
});
