import { describe, expect, it } from 'vitest';
import { xClientSub } from '../../../src/core/rules/x-client-sub.js';
import { expectNone, expectOne, jsonArtifact, tokenArtifact } from '../helpers/rule-harness.js';
import { runFlow, seed002, tokenResponse } from './cross-fixtures.js';
import { SEED_003_INTROSPECTION_ACTIVE as SEED_003_ACTIVE } from '../../fixtures/seed-claims.js';


describe('x-client-sub', () => {
  it('fires on seed 003 (sub = client_id = sample_web_stage)', () => {
    const i = jsonArtifact('introspection', SEED_003_ACTIVE);
    const f = expectOne(runFlow(xClientSub, [i], { type: 'unknown' }), 'x-client-sub', 'warning', 'introspection sub "sample_web_stage" equals its client_id where a user id is expected', [i.id]);
    expect(f.claim).toBe('sub');
  });

  it('does not fire on seed 002 (user subjects)', () => {
    expectNone(runFlow(xClientSub, seed002().artifacts));
  });

  it.each([
    ['access token, azp', 'access_token', { sub: 'umico', azp: 'umico' }, 'access token sub "umico" equals its azp'],
    ['ID token, azp', 'id_token', { sub: 'c1', azp: 'c1', aud: 'c1' }, 'ID token sub "c1" equals its azp'],
    ['access token, client_id', 'access_token', { sub: 'svc', client_id: 'svc' }, 'equals its client_id'],
  ] as const)('fires for %s', (_name, kind, claims, fragment) => {
    expectOne(runFlow(xClientSub, [tokenArtifact(kind, claims)]), 'x-client-sub', 'warning', fragment);
  });

  it("fires when sub equals the flow's client id", () => {
    expectOne(runFlow(xClientSub, [tokenArtifact('id_token', { sub: 'c1', aud: 'c1' })], {}, { clientId: 'c1' }), 'x-client-sub', 'warning', 'equals the client id of the flow');
  });

  it('does not fire in client_credentials flows, nor for tokens of a client_credentials grant', () => {
    expectNone(runFlow(xClientSub, [tokenArtifact('access_token', { sub: 'svc', client_id: 'svc' })], { type: 'client_credentials' }));
    const at = tokenArtifact('access_token', { sub: 'svc', client_id: 'svc' });
    expectNone(runFlow(xClientSub, [tokenResponse({}, [at], { grant_type: 'client_credentials' }), at]));
  });

  it('is case-sensitive', () => {
    expectNone(runFlow(xClientSub, [tokenArtifact('access_token', { sub: 'Svc', client_id: 'svc' })]));
  });

  it.each([
    ['no sub', { client_id: 'svc' }],
    ['no client id', { sub: 'svc' }],
    ['empty sub and client id', { sub: '', client_id: '' }],
    ['sub a number', { sub: 5, client_id: '5' }],
    ['client_id an array', { sub: 'svc', client_id: ['svc'] }],
    ['azp an object', { sub: 'svc', azp: { id: 'svc' } }],
  ])('no finding: %s', (_name, claims) => {
    expectNone(runFlow(xClientSub, [tokenArtifact('access_token', claims), jsonArtifact('introspection', claims)]));
  });

  it('ignores refresh tokens and userinfo', () => {
    expectNone(runFlow(xClientSub, [tokenArtifact('refresh_token', { sub: 'c', azp: 'c' }), jsonArtifact('userinfo', { sub: 'c', client_id: 'c' })]));
  });
});
