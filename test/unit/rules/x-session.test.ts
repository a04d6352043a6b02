import { describe, expect, it } from 'vitest';
import { xSession } from '../../../src/core/rules/x-session.js';
import { expectNone, expectOne, jsonArtifact, tokenArtifact } from '../helpers/rule-harness.js';
import { runFlow, seed002, SEED_002_SESSION_STATE, tokenResponse } from './cross-fixtures.js';

const CODE = { grant_type: 'authorization_code' };
const KC = { profile: 'keycloak' };

describe('x-session', () => {
  it('does not fire on seed 002 (session_state everywhere the same)', () => {
    expectNone(runFlow(xSession, seed002().artifacts));
  });

  it('fires for seed 002 printed "decoded Access Token" (another session) and says which has which', () => {
    const s = seed002();
    const printed = tokenArtifact('access_token', { session_state: 'bf0a4c9f-2d00-43d8-8288-01b83ab1e580' }, undefined, KC);
    const resp = tokenResponse({ session_state: SEED_002_SESSION_STATE }, [s.first.idToken, printed], CODE, KC);
    const f = expectOne(
      runFlow(xSession, [resp, s.first.idToken, printed]),
      'x-session',
      'warning',
      `token response session_state "${SEED_002_SESSION_STATE}", ID token session_state "${SEED_002_SESSION_STATE}", access token session_state "bf0a4c9f-2d00-43d8-8288-01b83ab1e580"`,
    );
    expect(f.artifacts).toEqual([resp.id, s.first.idToken.id, printed.id]);
  });

  it('compares sid with the legacy session_state under a Keycloak profile', () => {
    const idt = tokenArtifact('id_token', { sid: 'A', session_state: 'A' }, undefined, KC);
    const at = tokenArtifact('access_token', { sid: 'B' }, undefined, KC);
    expectOne(runFlow(xSession, [tokenResponse({ session_state: 'A' }, [idt, at], CODE, KC), idt, at]), 'x-session', 'warning', 'access token sid "B"');
  });

  it('fires when only the response differs from its tokens (Keycloak)', () => {
    const idt = tokenArtifact('id_token', { sid: 'A' }, undefined, KC);
    expectOne(runFlow(xSession, [tokenResponse({ session_state: 'B' }, [idt], CODE, KC), idt]), 'x-session', 'warning', 'token response session_state "B", ID token sid "A"');
  });

  it('ignores session_state outside Keycloak (OIDC Session Management salted hash), but compares sid', () => {
    const hash = '3b4f1a2c9d.8f0e7c6b';
    const idt = tokenArtifact('id_token', { sid: 'A' });
    const authz = jsonArtifact('authorize_response', { code: 'c', session_state: hash }, { children: [idt.id] });
    expectNone(runFlow(xSession, [authz, idt]));
    expectNone(runFlow(xSession, [tokenResponse({ session_state: hash }, [idt], CODE), idt]));
    const at = tokenArtifact('access_token', { sid: 'B', session_state: 'A' });
    expectOne(runFlow(xSession, [tokenResponse({ session_state: hash }, [idt, at], CODE), idt, at]), 'x-session', 'warning', 'ID token sid "A", access token sid "B"');
  });

  it('does not compare sessions of different responses', () => {
    const a = tokenArtifact('id_token', { sid: 'A' });
    const b = tokenArtifact('id_token', { sid: 'B' });
    expectNone(runFlow(xSession, [tokenResponse({ session_state: 'A' }, [a], CODE), a, tokenResponse({ session_state: 'B' }, [b], CODE), b]));
  });

  it.each([
    ['no session members', () => { const t = tokenArtifact('id_token', { sub: 'u' }); return [tokenResponse({}, [t], CODE), t]; }],
    ['null members', () => { const t = tokenArtifact('id_token', { sid: null }); return [tokenResponse({ session_state: 'A' }, [t], CODE), t]; }],
    ['response without claims', () => [jsonArtifact('token_response', undefined)]],
    ['opaque tokens', () => { const t = jsonArtifact('opaque_token', undefined); return [tokenResponse({ session_state: 'A' }, [t], CODE), t]; }],
  ])('no finding: %s', (_name, make) => {
    expectNone(runFlow(xSession, make()));
  });

  it('hostile values do not throw', () => {
    const t = tokenArtifact('id_token', { sid: ['A'], session_state: { x: 'A' } }, undefined, KC);
    expectOne(runFlow(xSession, [tokenResponse({ session_state: 'A' }, [t], CODE, KC), t]), 'x-session', 'warning', 'ID token sid ["A"], ID token session_state {"x":"A"}');
  });
});
