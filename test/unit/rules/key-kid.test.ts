import { describe, expect, it } from 'vitest';
import type { Artifact, SignatureCheck } from '../../../src/core/model.js';
import { keyKid } from '../../../src/core/rules/key-kid.js';
import { SEED_002_REFRESH_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { check, expectOne, jsonArtifact, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const claims = { iss: 'https://op.example', sub: 'u1' };
const token = (kind: Artifact['kind'], signature: SignatureCheck | undefined, header: Record<string, unknown> = { alg: 'RS256', kid: 'k9' }) =>
  tokenArtifact(kind, claims, header, signature ? { signature } : {});

describe('key-kid', () => {
  it('reports several keys and no kid', () => {
    const t = token('id_token', { status: 'valid', alg: 'RS256', ambiguous: true, keySource: 'jwks_uri of https://op.example' }, { alg: 'RS256' });
    expectOne(check(keyKid, [t]), 'key-kid', 'error', 'ID token header has no kid and jwks_uri of https://op.example has several keys for alg "RS256"');
  });

  it('reports a kid unknown after a refetch', () => {
    const t = token('access_token', { status: 'no-key', alg: 'RS256', kid: 'k9', unknownKid: true });
    expectOne(check(keyKid, [t]), 'key-kid', 'error', `access token kid "k9" is not in the issuer's JWKS, also after refetching it once`);
  });

  it('falls back to the header kid and alg when the check lacks them', () => {
    const t = token('access_token', { status: 'no-key', unknownKid: true });
    expectOne(check(keyKid, [t]), 'key-kid', 'error', 'kid "k9" is not in');
  });

  it('reports both problems when both are flagged', () => {
    const t = token('id_token', { status: 'no-key', ambiguous: true, unknownKid: true });
    expect(check(keyKid, [t]).map((f) => f.rule)).toEqual(['key-kid', 'key-kid']);
  });

  it('reports a non-Keycloak refresh token', () => {
    expectOne(check(keyKid, [token('refresh_token', { status: 'unverifiable', unknownKid: true })]), 'key-kid', 'error', 'refresh token kid "k9"');
  });

  it('leaves Keycloak refresh tokens to rt-opaque (seed 002)', () => {
    const rt = rawTokenArtifact('refresh_token', SEED_002_REFRESH_TOKEN, { profile: 'keycloak', signature: { status: 'unverifiable', unknownKid: true, kid: 'c1bc492c-c460-45eb-a49b-ab01cb2dbd8b' } });
    expect(check(keyKid, [rt])).toEqual([]);
  });

  it.each<[string, Artifact]>([
    ['a valid signature', token('id_token', { status: 'valid', kid: 'k9' })],
    ['no signature check', token('id_token', undefined)],
    ['flags that are not true', token('id_token', { status: 'no-key', ambiguous: 'yes', unknownKid: 1 } as unknown as SignatureCheck)],
    ['an opaque token', jsonArtifact('opaque_token', undefined)],
  ])('says nothing for %s', (_name, t) => {
    expect(check(keyKid, [t])).toEqual([]);
  });
});
