import { describe, expect, it } from 'vitest';
import { xKcCode } from '../../../src/core/rules/x-kc-code.js';
import { expectNone, expectOne, jsonArtifact } from '../helpers/rule-harness.js';
import { runFlow, seed002, SEED_002_CODE, SEED_002_SESSION_STATE, tokenResponse } from './cross-fixtures.js';

const kc = { profile: 'keycloak' };
const SESSION = '66801cef-7746-4dd6-a018-43bda5c7002b';
const GOOD_CODE = `521e89e9-5b3e-49d2-9647-2aeed215c5d7.${SESSION}.0ab47fe7-0373-4b80-b517-065f5a5a3769`;

describe('x-kc-code', () => {
  it('fires on seed 002: the code says user session 66801cef-7746-4391-..., session_state 66801cef-7746-4dd6-...', () => {
    const s = seed002('keycloak');
    const f = expectOne(
      runFlow(xKcCode, s.artifacts),
      'x-kc-code',
      'info',
      `user-session segment "66801cef-7746-4391-a018-43bda5c7002b" of the Keycloak authorization code differs from the token response's session_state "${SEED_002_SESSION_STATE}"`,
      [s.first.resp.id],
    );
    expect(f.claim).toBe('session_state');
    expect(f.message).not.toContain('521e89e9');
  });

  it('does not fire under a profile that is not Keycloak', () => {
    expectNone(runFlow(xKcCode, seed002('oidc').artifacts));
  });

  it('does not fire when the middle segment equals session_state', () => {
    expectNone(runFlow(xKcCode, [tokenResponse({ session_state: SESSION }, [], { grant_type: 'authorization_code', code: GOOD_CODE }, kc)]));
  });

  it("takes the code from the flow's authorization response when the token request form was not captured", () => {
    const authz = jsonArtifact('authorize_response', { code: SEED_002_CODE, state: 's' }, kc);
    const resp = tokenResponse({ session_state: SESSION }, [], {}, kc);
    expectOne(runFlow(xKcCode, [authz, resp]), 'x-kc-code', 'info', 'token response\'s session_state', [resp.id, authz.id]);
  });

  it('does not take the authorization code for a refresh response', () => {
    const authz = jsonArtifact('authorize_response', { code: SEED_002_CODE, state: 's' }, kc);
    expectNone(runFlow(xKcCode, [authz, tokenResponse({ session_state: SESSION }, [], { grant_type: 'refresh_token' }, kc)]));
  });

  it('checks the session_state of a Keycloak authorization response', () => {
    const authz = jsonArtifact('authorize_response', { code: SEED_002_CODE, session_state: SESSION }, kc);
    expectOne(runFlow(xKcCode, [authz]), 'x-kc-code', 'info', "authorization response's session_state", [authz.id]);
    expectNone(runFlow(xKcCode, [jsonArtifact('authorize_response', { code: GOOD_CODE, session_state: SESSION }, kc)]));
  });

  it('reports one mismatch once when the authorization and token responses repeat it', () => {
    const authz = jsonArtifact('authorize_response', { code: SEED_002_CODE, session_state: SESSION }, kc);
    const resp = tokenResponse({ session_state: SESSION }, [], { grant_type: 'authorization_code', code: SEED_002_CODE }, kc);
    expect(runFlow(xKcCode, [authz, resp])).toHaveLength(1);
  });

  it.each([
    ['an opaque code', 'SplxlOBeZQQYbYS6WxSbIA'],
    ['two segments', 'a.b'],
    ['four segments', 'a.b.c.d'],
    ['an empty segment', 'a..c'],
  ])('no finding for %s', (_name, code) => {
    expectNone(runFlow(xKcCode, [tokenResponse({ session_state: SESSION }, [], { grant_type: 'authorization_code', code }, kc)]));
  });

  it.each([
    ['session_state missing', {}],
    ['session_state a number', { session_state: 5 }],
    ['session_state an object', { session_state: { a: 1 } }],
  ])('no finding and no throw: %s', (_name, claims) => {
    expectNone(runFlow(xKcCode, [tokenResponse(claims, [], { grant_type: 'authorization_code', code: SEED_002_CODE }, kc)]));
  });

  it('a non-string code in the authorization response does not throw', () => {
    expectNone(runFlow(xKcCode, [jsonArtifact('authorize_response', { code: ['a.b.c'], session_state: 'b' }, kc), tokenResponse({ session_state: 'b' }, [], {}, kc)]));
  });
});
