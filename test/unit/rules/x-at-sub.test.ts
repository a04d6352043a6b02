import { describe, expect, it } from 'vitest';
import { xAtSub } from '../../../src/core/rules/x-at-sub.js';
import { expectNone, expectOne, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';
import { runFlow, seed002, tokenResponse } from './cross-fixtures.js';

const idt = (sub: unknown, extra = {}) => tokenArtifact('id_token', { sub }, undefined, extra);

describe('x-at-sub', () => {
  it('does not fire on seed 002 (same sub everywhere, Keycloak refresh tokens included)', () => {
    expectNone(runFlow(xAtSub, seed002('keycloak').artifacts));
  });

  it('fires for seed 002 printed "decoded Access Token" (another user) next to the real ID token', () => {
    const s = seed002();
    const printed = tokenArtifact('access_token', { sub: 'b3f4d919-8cc5-413c-9e11-3c2c675b2f8f', typ: 'Bearer', azp: 'Postman' }, undefined, { profile: 'keycloak' });
    const resp = tokenResponse({}, [s.first.idToken, printed], { grant_type: 'authorization_code' });
    const f = expectOne(
      runFlow(xAtSub, [resp, s.first.idToken, printed]),
      'x-at-sub',
      'warning',
      'access token sub "b3f4d919-8cc5-413c-9e11-3c2c675b2f8f" differs from the ID token sub "2cd7cecd-d444-4685-bb04-8bbfdb45a069"',
      [printed.id, s.first.idToken.id],
    );
    expect(f.claim).toBe('sub');
  });

  it('checks Keycloak refresh tokens, not refresh tokens of other profiles', () => {
    const id = idt('u');
    const kcRt = tokenArtifact('refresh_token', { sub: 'v' }, { alg: 'HS256' }, { profile: 'keycloak' });
    expectOne(runFlow(xAtSub, [id, kcRt]), 'x-at-sub', 'warning', 'refresh token sub "v"');
    const plainRt = tokenArtifact('refresh_token', { sub: 'v' }, { alg: 'HS256' });
    expectNone(runFlow(xAtSub, [id, plainRt]));
  });

  it('compares with the ID token of the same response before any other', () => {
    const old = idt('old');
    const fresh = idt('new');
    const at = tokenArtifact('access_token', { sub: 'new' });
    const r1 = tokenResponse({}, [old], { grant_type: 'authorization_code' });
    const r2 = tokenResponse({}, [at, fresh], { grant_type: 'refresh_token' });
    expectNone(runFlow(xAtSub, [r1, old, r2, at, fresh]));
  });

  it('falls back to the latest ID token before the access token', () => {
    const id = idt('u');
    const at = tokenArtifact('access_token', { sub: 'v' });
    const r2 = tokenResponse({}, [at], { grant_type: 'refresh_token' });
    expectOne(runFlow(xAtSub, [id, r2, at]), 'x-at-sub', 'warning', 'access token sub "v" differs from the ID token sub "u"', [at.id, id.id]);
  });

  it.each([
    ['access token without sub', [idt('u'), tokenArtifact('access_token', { iss: 'x' })]],
    ['access token sub null', [idt('u'), tokenArtifact('access_token', { sub: null })]],
    ['no ID token', [tokenArtifact('access_token', { sub: 'v' })]],
    ['ID token without sub', [tokenArtifact('id_token', { iss: 'x' }), tokenArtifact('access_token', { sub: 'v' })]],
    ['opaque access token', [idt('u'), rawTokenArtifact('access_token', 'opaque-token-value')]],
    ['malformed JWT', [idt('u'), rawTokenArtifact('access_token', 'eyJhbGciOiJSUzI1NiJ9.!!!.sig')]],
  ])('no finding: %s', (_name, artifacts) => {
    expectNone(runFlow(xAtSub, artifacts));
  });

  it.each([[123], [{ a: 1 }], [['u']], [true]])('hostile sub %j does not throw', (sub) => {
    expectOne(runFlow(xAtSub, [idt('u'), tokenArtifact('access_token', { sub })]), 'x-at-sub', 'warning', 'differs from the ID token sub "u"');
  });

  describe('access tokens for another resource', () => {
    const ISS = 'https://login.example/tenant/v2.0';
    const idToken = () => tokenArtifact('id_token', { iss: ISS, sub: 'pairwise-for-client', aud: 'client-1' }, undefined, { clientId: 'client-1' });

    it('is info when aud names neither the client nor the issuer (per-resource subject)', () => {
      const id = idToken();
      const at = tokenArtifact('access_token', { iss: 'https://sts.example/tenant/', sub: 'pairwise-for-graph', aud: '00000003-0000-0000-c000-000000000000' });
      const f = expectOne(runFlow(xAtSub, [tokenResponse({}, [id, at], { grant_type: 'authorization_code' }), id, at]), 'x-at-sub', 'info', 'names neither the client nor the issuer: it is for another resource');
      expect(f.message).toContain('sub "pairwise-for-graph" differs from the ID token sub "pairwise-for-client"');
    });

    it.each([
      ['aud is the client id', 'client-1'],
      ['aud contains the client id', ['https://api.example', 'client-1']],
      ['aud is the issuer', ISS],
      ['no aud', undefined],
      ['aud not a string', 42],
    ])('stays a warning when %s', (_name, aud) => {
      const id = idToken();
      const at = tokenArtifact('access_token', { sub: 'other', ...(aud === undefined ? {} : { aud }) });
      expectOne(runFlow(xAtSub, [tokenResponse({}, [id, at], { grant_type: 'authorization_code' }), id, at]), 'x-at-sub', 'warning', 'both should name the same user');
    });

    it('uses the user-given client id', () => {
      const id = idToken();
      const at = tokenArtifact('access_token', { sub: 'other', aud: 'my-api' });
      expectOne(runFlow(xAtSub, [id, at], {}, { clientId: 'my-api' }), 'x-at-sub', 'warning', 'both should name the same user');
    });
  });
});
