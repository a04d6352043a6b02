import { describe, expect, it } from 'vitest';
import type { ArtifactKind } from '../../../src/core/model.js';
import { xKcTyp } from '../../../src/core/rules/x-kc-typ.js';
import { expectNone, expectOne, tokenArtifact } from '../helpers/rule-harness.js';
import { runFlow, seed002 } from './cross-fixtures.js';

const kc = (kind: ArtifactKind, typ: unknown) => tokenArtifact(kind, { sub: 'u', typ }, undefined, { profile: 'keycloak' });

describe('x-kc-typ', () => {
  it('does not fire on seed 002 (ID, Bearer, Refresh)', () => {
    expectNone(runFlow(xKcTyp, seed002('keycloak').artifacts));
  });

  it.each([
    ['id_token', 'ID'],
    ['access_token', 'Bearer'],
    ['access_token', 'DPoP'],
    ['refresh_token', 'Refresh'],
    ['refresh_token', 'Offline'],
  ] as const)('accepts %s with typ %s', (kind, typ) => {
    expectNone(runFlow(xKcTyp, [kc(kind, typ)]));
  });

  it.each([
    ['id_token', 'Bearer', `the ID token's Keycloak payload typ "Bearer" does not fit its role: expected "ID"`],
    ['access_token', 'Refresh', `the access token's Keycloak payload typ "Refresh" does not fit its role: expected "Bearer" or "DPoP"`],
    ['access_token', 'dpop', 'typ "dpop"'],
    ['id_token', 'DPoP', 'expected "ID"'],
    ['access_token', 'bearer', 'typ "bearer"'],
    ['refresh_token', 'Bearer', 'expected "Refresh" or "Offline"'],
    ['id_token', 42, 'typ 42'],
    ['access_token', ['Bearer'], 'typ ["Bearer"]'],
  ] as const)('fires for %s with typ %j', (kind, typ, fragment) => {
    const t = kc(kind, typ);
    const f = expectOne(runFlow(xKcTyp, [t]), 'x-kc-typ', 'error', fragment, [t.id]);
    expect(f.claim).toBe('typ');
  });

  it('only runs under a Keycloak profile', () => {
    expectNone(runFlow(xKcTyp, [tokenArtifact('access_token', { typ: 'Refresh' })]));
    expectNone(runFlow(xKcTyp, seed002('oidc').artifacts.map((a) => ({ ...a, claims: { ...a.claims, typ: 'Nope' } }))));
  });

  it.each([
    ['missing typ', { sub: 'u' }],
    ['null typ', { typ: null }],
  ])('no finding: %s', (_name, claims) => {
    expectNone(runFlow(xKcTyp, [tokenArtifact('access_token', claims, undefined, { profile: 'keycloak' })]));
  });

  it('ignores other JWTs and opaque tokens', () => {
    expectNone(runFlow(xKcTyp, [kc('jwt', 'Logout'), kc('opaque_token', 'x')]));
  });
});
