import { describe, expect, it } from 'vitest';
import type { Artifact, SignatureStatus } from '../../../src/core/model.js';
import { rtOpaque } from '../../../src/core/rules/rt-opaque.js';
import { SEED_002_REFRESH_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { check, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

function seedRt(profile: string, status?: SignatureStatus): Artifact {
  return rawTokenArtifact('refresh_token', SEED_002_REFRESH_TOKEN, {
    id: `rt-${profile}-${status ?? 'none'}`,
    profile,
    ...(status ? { signature: { status, alg: 'HS256' } } : {}),
  });
}

describe('rt-opaque', () => {
  it.each<[string, SignatureStatus | undefined]>([
    ['unverifiable', 'unverifiable'],
    ['no-key', 'no-key'],
    ['not-checked', 'not-checked'],
    ['no signature check at all', undefined],
  ])('fires as info for seed 002 refresh token under Keycloak: %s', (_name, status) => {
    const f = check(rtOpaque, [seedRt('keycloak', status)]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'rt-opaque', severity: 'info' });
    expect(f[0]!.message).toContain(`Keycloak refresh token signed with the realm's own secret (HS256, kid "c1bc492c-c460-45eb-a49b-ab01cb2dbd8b"): unverifiable here, not an error`);
  });

  it('fires for HS512 without a kid', () => {
    const rt = tokenArtifact('refresh_token', { typ: 'Refresh' }, { alg: 'HS512' }, { profile: 'keycloak' });
    const f = check(rtOpaque, [rt]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('(HS512, no kid)');
  });

  it.each([
    ['generic OIDC profile', seedRt('oidc', 'unverifiable')],
    ['signature verified', seedRt('keycloak', 'valid')],
    ['signature invalid (a key was found: not the realm-secret case)', seedRt('keycloak', 'invalid')],
    ['RS256 refresh token', tokenArtifact('refresh_token', { typ: 'Refresh' }, { alg: 'RS256', kid: 'k' }, { profile: 'keycloak' })],
    ['HS384 is not what Keycloak uses', tokenArtifact('refresh_token', {}, { alg: 'HS384' }, { profile: 'keycloak' })],
    ['alg in lower case', tokenArtifact('refresh_token', {}, { alg: 'hs256' }, { profile: 'keycloak' })],
  ])('does not fire: %s', (_name, rt) => {
    expect(check(rtOpaque, [rt])).toEqual([]);
  });

  it.each([
    ['alg a number', { alg: 256 }],
    ['alg an array', { alg: ['HS256'] }],
    ['no alg', { kid: 'x' }],
  ])('bad input does not throw and gives no finding: %s', (_name, header) => {
    expect(check(rtOpaque, [tokenArtifact('refresh_token', {}, header as Record<string, unknown>, { profile: 'keycloak' })])).toEqual([]);
  });

  it('bad input: an opaque refresh token (no jwt) and an odd kid are handled', () => {
    const opaque = tokenArtifact('refresh_token', {}, undefined, { profile: 'keycloak' });
    delete opaque.jwt;
    expect(check(rtOpaque, [opaque])).toEqual([]);
    const oddKid = tokenArtifact('refresh_token', {}, { alg: 'HS256', kid: { nested: [1, 2] } }, { profile: 'keycloak' });
    const f = check(rtOpaque, [oddKid]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('kid {"nested":[1,2]}');
  });
});
