import { describe, expect, it } from 'vitest';
import { timeOrder } from '../../../src/core/rules/time-order.js';
import { SEED_002_ACCESS_TOKEN, SEED_002_ID_TOKEN, SEED_002_REFRESH_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { check, expectOne, jsonArtifact, NOW, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

describe('time-order', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['exp before iat', { iat: NOW, exp: NOW - 300 }, 'exp', 'access token exp 1629285757 (2021-08-18T11:22:37Z) is not after iat 1629286057 (2021-08-18T11:27:37Z): it was never valid'],
    ['exp equal to iat', { iat: NOW, exp: NOW }, 'exp', 'is not after iat'],
    ['nbf after exp', { iat: NOW, nbf: NOW + 600, exp: NOW + 300 }, 'nbf', 'nbf 1629286657 (2021-08-18T11:37:37Z) is after exp 1629286357 (2021-08-18T11:32:37Z): it can never be valid'],
    ['exp 0 on a generic refresh token', { iat: NOW, exp: 0 }, 'exp', 'exp 0 (1970-01-01T00:00:00Z) is not after iat'],
    ['exp in seconds, iat in milliseconds', { iat: NOW * 1000, exp: NOW - 1 }, 'exp', 'is not after iat 1629286057000 (read as milliseconds'],
  ])('reports %s', (_name, claims, claim, fragment) => {
    const f = expectOne(check(timeOrder, [tokenArtifact(claims.exp === 0 ? 'refresh_token' : 'access_token', claims)]), 'time-order', 'error', fragment);
    expect(f.claim).toBe(claim);
  });

  it('reports both problems at once', () => {
    const findings = check(timeOrder, [tokenArtifact('id_token', { iat: NOW, nbf: NOW, exp: NOW - 1 })]);
    expect(findings.map((f) => f.claim)).toEqual(['exp', 'nbf']);
  });

  it.each<[string, Record<string, unknown>]>([
    ['iat < nbf < exp', { iat: NOW, nbf: NOW + 1, exp: NOW + 300 }],
    ['nbf equal to exp', { nbf: NOW + 300, exp: NOW + 300 }],
    ['nbf 0 (legacy KC)', { iat: NOW, nbf: 0, exp: NOW + 300 }],
    ['exp in milliseconds, iat in seconds', { iat: NOW, exp: (NOW + 300) * 1000 }],
    ['no exp', { iat: NOW, nbf: NOW + 600 }],
    ['a string exp', { iat: NOW, exp: String(NOW - 300) }],
    ['a string iat', { iat: String(NOW + 900), exp: NOW + 300 }],
    ['an object nbf', { nbf: { t: NOW + 900 }, exp: NOW + 300 }],
  ])('accepts %s', (_name, claims) => {
    expect(check(timeOrder, [tokenArtifact('access_token', claims)])).toEqual([]);
  });

  it('treats exp 0 on a Keycloak refresh token (offline) as no exp', () => {
    expect(check(timeOrder, [tokenArtifact('refresh_token', { iat: NOW, exp: 0 }, undefined, { profile: 'keycloak' })])).toEqual([]);
  });

  it('accepts the seed 002 tokens', () => {
    const tokens = [rawTokenArtifact('id_token', SEED_002_ID_TOKEN), rawTokenArtifact('access_token', SEED_002_ACCESS_TOKEN), rawTokenArtifact('refresh_token', SEED_002_REFRESH_TOKEN, { profile: 'keycloak' })];
    expect(check(timeOrder, tokens)).toEqual([]);
  });

  it('ignores plain userinfo and artifacts without claims', () => {
    expect(check(timeOrder, [jsonArtifact('userinfo', { iat: NOW, exp: NOW - 1 }), jsonArtifact('opaque_token', undefined)])).toEqual([]);
  });
});
