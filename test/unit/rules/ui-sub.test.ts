import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/core/profiles/types.js';
import { uiSub } from '../../../src/core/rules/ui-sub.js';
import { check, jsonArtifact, tokenArtifact } from '../helpers/rule-harness.js';

/** Seed 004's userinfo body. */
const SEED_004 = {
  birthdate: '1966-12-18', exp: 1495714163, family_name: 'Nilsen', given_name: 'Frode Beckmann', iat: 1495710576,
  iss: 'https://preprod.bankidapis.no', name: 'Frode Beckmann Nilsen', preferred_username: 'Frode Beckmann Nilsen', sub: '9578-6000-4-30799',
};

/** Seed 000's BirID userinfo shape: no `sub`, an `id` instead. */
const BIRID = { id: 'a716d622-181c-449c-8574-4060b6920dd3', username: '994705105514', firstName: 'A', resident: true };

describe('ui-sub', () => {
  it('does not fire for seed 004 (JSON) nor for a signed userinfo with sub', () => {
    expect(check(uiSub, [jsonArtifact('userinfo', SEED_004)])).toEqual([]);
    expect(check(uiSub, [tokenArtifact('userinfo', { sub: 'u1', iss: 'https://as.example' })])).toEqual([]);
  });

  it.each([
    ['BirID userinfo without sub (seed 000)', BIRID, 'userinfo response has no sub'],
    ['empty object', {}, 'has no sub'],
    ['sub null', { sub: null }, 'has sub null'],
    ['sub empty string', { sub: '' }, 'has sub ""'],
  ])('fires an error: %s', (_name, claims, fragment) => {
    const f = check(uiSub, [jsonArtifact('userinfo', claims)]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'ui-sub', severity: 'error', claim: 'sub' });
    expect(f[0]!.message).toContain(fragment);
  });

  it("a profile's severity map lowers it (applied by the runner, not the rule)", () => {
    const birid: Profile = { id: 'birid', name: 'BirID', extends: 'keycloak', keycloak: true, severity: { 'ui-sub': 'info' } };
    const f = check(uiSub, [jsonArtifact('userinfo', BIRID, { profile: 'birid' })], { profiles: [birid] });
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('info');
  });

  it.each([401, 403, 500])('does not fire for an HTTP %i response without an error member', (status) => {
    const ui = jsonArtifact('userinfo', { message: 'Unauthorized' }, { http: { method: 'GET', url: 'https://as.example/userinfo', status, requestHeaders: {}, responseHeaders: {} } });
    expect(check(uiSub, [ui])).toEqual([]);
  });

  it('still fires for a 200 response without sub', () => {
    const ui = jsonArtifact('userinfo', { name: 'x' }, { http: { method: 'GET', url: 'https://as.example/userinfo', status: 200, requestHeaders: {}, responseHeaders: {} } });
    expect(check(uiSub, [ui])).toHaveLength(1);
  });

  it.each([
    ['no claims at all (unreadable body)', undefined],
    ['an error response', { error: 'invalid_token', error_description: 'Token verification failed' }],
    ['sub of a wrong type is present (claim-types judges the type)', { sub: 12345 }],
    ['sub a nested object', { sub: { a: { b: [1, 2, { c: 'x'.repeat(50_000) }] } } }],
    ['a member named like a prototype member', { constructor: 'x', sub: 'u1' }],
  ])('does not fire, does not throw: %s', (_name, claims) => {
    expect(check(uiSub, [jsonArtifact('userinfo', claims as Record<string, unknown> | undefined)])).toEqual([]);
  });
});
