import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../../src/core/model.js';
import { authTime } from '../../../src/core/rules/auth-time.js';
import { SEED_002_ID_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { check, expectOne, flowOf, jsonArtifact, NOW, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const idt = (claims: Record<string, unknown>, extra: Partial<Artifact> = {}) => tokenArtifact('id_token', { sub: 'u1', iat: NOW, exp: NOW + 300, ...claims }, undefined, extra);

/** Runs auth-time on a token in a flow that starts with an authorize request of the given parameters. */
function withAuthorize(params: Record<string, unknown>, token: Artifact, more: Artifact[] = []) {
  const request = jsonArtifact('authorize_request', params);
  const flow = flowOf([request, ...more, token]);
  return check(authTime, [token], { flows: [flow], artifacts: [request, ...more] });
}

describe('auth-time', () => {
  it('reports auth_time after iat', () => {
    const f = expectOne(check(authTime, [idt({ iat: NOW - 600, auth_time: NOW - 100 })]), 'auth-time', 'error', 'ID token auth_time 1629285957 (2021-08-18T11:25:57Z) is after iat 1629285457 (2021-08-18T11:17:37Z): the user cannot have authenticated after the token was issued (skew 60 s)');
    expect(f.claim).toBe('auth_time');
  });

  it('reports auth_time in the future', () => {
    expectOne(check(authTime, [idt({ iat: NOW + 3600, exp: NOW + 4000, auth_time: NOW + 600 })]), 'auth-time', 'error', 'auth_time 1629286657 (2021-08-18T11:37:37Z) is in the future, in 10 min (now 2021-08-18T11:27:37Z, skew 60 s)');
  });

  it('reports both when auth_time is after iat and in the future', () => {
    expect(check(authTime, [idt({ auth_time: NOW + 600 })]).map((f) => f.severity)).toEqual(['error', 'error']);
  });

  it.each<[string, Record<string, unknown>]>([
    ['auth_time before iat', { auth_time: NOW - 60 }],
    ['auth_time inside the skew after iat', { auth_time: NOW + 60 }],
    ['no auth_time', {}],
    ['a string auth_time', { auth_time: String(NOW + 9999) }],
    ['a null auth_time', { auth_time: null }],
    ['a string iat', { iat: 'x', auth_time: NOW }],
    ['auth_time in milliseconds', { auth_time: (NOW - 60) * 1000 }],
  ])('accepts %s', (_name, claims) => {
    expect(check(authTime, [idt(claims)])).toEqual([]);
  });

  it('accepts the seed 002 ID token (auth_time 59 s before iat)', () => {
    expect(check(authTime, [rawTokenArtifact('id_token', SEED_002_ID_TOKEN)])).toEqual([]);
  });

  it('requires auth_time when the authorize request sent max_age', () => {
    const f = expectOne(withAuthorize({ max_age: '300' }, idt({})), 'auth-time', 'error', 'ID token has no auth_time, but the authorize request sent max_age=300, which makes it required');
    expect(f.claim).toBe('auth_time');
  });

  it('warns when the authentication was older than max_age at issue time', () => {
    const f = expectOne(withAuthorize({ max_age: '300' }, idt({ auth_time: NOW - 1000 })), 'auth-time', 'warning', 'was 1000 s before it was issued, more than the requested max_age=300 (skew 60 s)');
    expect(f.claim).toBe('auth_time');
  });

  it('compares the seed 002 ID token (authenticated 59 s before issue) with max_age', () => {
    const t = rawTokenArtifact('id_token', SEED_002_ID_TOKEN);
    const request = jsonArtifact('authorize_request', { max_age: '0', nonce: 'demoNonce' });
    const opts = { flows: [flowOf([request, t])], artifacts: [request] };
    expect(check(authTime, [t], opts)).toEqual([]);
    expectOne(check(authTime, [t], { ...opts, skew: 0 }), 'auth-time', 'warning', 'was 59 s before it was issued, more than the requested max_age=0 (skew 0 s)');
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['auth_time within max_age', { max_age: '300' }, { auth_time: NOW - 200 }],
    ['auth_time within max_age + skew', { max_age: '300' }, { auth_time: NOW - 360 }],
    ['no max_age', { nonce: 'n' }, {}],
    ['max_age not a number', { max_age: 'soon' }, {}],
    ['max_age negative', { max_age: '-1' }, {}],
    ['max_age an array', { max_age: ['300'] }, {}],
    ['auth_time not a number (numericdate reports it)', { max_age: '300' }, { auth_time: 'yesterday' }],
  ])('says nothing about max_age for %s', (_name, params, claims) => {
    expect(withAuthorize(params, idt(claims))).toEqual([]);
  });

  it('accepts max_age as a number too', () => {
    expectOne(withAuthorize({ max_age: 60 }, idt({ auth_time: NOW - 600 })), 'auth-time', 'warning', 'max_age=60');
  });

  it('uses the latest authorize request before the token', () => {
    const first = jsonArtifact('authorize_request', { max_age: '10' });
    const second = jsonArtifact('authorize_request', { prompt: 'none' });
    const token = idt({ auth_time: NOW - 600 });
    const flow = flowOf([first, second, token]);
    expect(check(authTime, [token], { flows: [flow], artifacts: [first, second] })).toEqual([]);
  });

  it('skips the max_age comparison for a refreshed ID token, which keeps the original auth_time', () => {
    const refresh = jsonArtifact('token_response', { id_token: '...' }, { http: { method: 'POST', url: 'https://op.example/token', requestHeaders: {}, responseHeaders: {}, requestForm: { grant_type: 'refresh_token' } } });
    const token = idt({ auth_time: NOW - 7200 }, { parent: refresh.id });
    expect(withAuthorize({ max_age: '300' }, token, [refresh])).toEqual([]);
  });

  it('applies max_age to ID tokens only', () => {
    const access = tokenArtifact('access_token', { sub: 'u1', iat: NOW, exp: NOW + 300 });
    expect(withAuthorize({ max_age: '300' }, access)).toEqual([]);
  });

  it('checks auth_time order on access tokens too', () => {
    expectOne(check(authTime, [tokenArtifact('access_token', { iat: NOW - 600, auth_time: NOW })]), 'auth-time', 'error', 'access token auth_time');
  });

  it('ignores plain userinfo', () => {
    expect(check(authTime, [jsonArtifact('userinfo', { iat: NOW - 600, auth_time: NOW + 600 })])).toEqual([]);
  });
});
