import { describe, expect, it } from 'vitest';
import { xRefreshExpiresIn } from '../../../src/core/rules/x-refresh-expires-in.js';
import { expectNone, expectOne, NOW, tokenArtifact } from '../helpers/rule-harness.js';
import { runFlow, seed002, tokenResponse } from './cross-fixtures.js';

const CODE = { grant_type: 'authorization_code' };

function exchange(refreshExpiresIn: unknown, rtClaims: Record<string, unknown>) {
  const rt = tokenArtifact('refresh_token', rtClaims, { alg: 'HS256' });
  const resp = tokenResponse({ refresh_expires_in: refreshExpiresIn }, [rt], CODE);
  return { rt, resp, artifacts: [resp, rt] };
}

describe('x-refresh-expires-in', () => {
  it('does not fire on seed 002 (refresh_expires_in 1800, exp - iat 1800)', () => {
    expectNone(runFlow(xRefreshExpiresIn, seed002().artifacts));
  });

  it('fires when refresh_expires_in and exp - iat differ by more than the skew', () => {
    const { rt, resp, artifacts } = exchange(1800, { iat: NOW, exp: NOW + 36000 });
    const f = expectOne(runFlow(xRefreshExpiresIn, artifacts), 'x-refresh-expires-in', 'warning', 'refresh_expires_in 1800 but the refresh token lives 36000 s', [resp.id, rt.id]);
    expect(f.claim).toBe('refresh_expires_in');
  });

  it.each([
    [1860, false],
    [1861, true],
    [1740, false],
    [1739, true],
  ])('refresh_expires_in %i against a 1800 s token: fires %s', (value, fires) => {
    expect(runFlow(xRefreshExpiresIn, exchange(value, { iat: NOW, exp: NOW + 1800 }).artifacts)).toHaveLength(fires ? 1 : 0);
  });

  it('uses the configured skew', () => {
    const { artifacts } = exchange(1800, { iat: NOW, exp: NOW + 1900 });
    expect(runFlow(xRefreshExpiresIn, artifacts, {}, { skew: 120 })).toHaveLength(0);
    expectOne(runFlow(xRefreshExpiresIn, artifacts, {}, { skew: 30 }), 'x-refresh-expires-in', 'warning', 'differ by 100 s, more than the 30 s skew');
  });

  it('refresh_expires_in 0 is an offline token: only an info when the token has an exp', () => {
    expectOne(runFlow(xRefreshExpiresIn, exchange(0, { iat: NOW, exp: NOW + 1800 }).artifacts), 'x-refresh-expires-in', 'info', 'refresh_expires_in 0 marks an offline token, yet the refresh token has exp');
    expectNone(runFlow(xRefreshExpiresIn, exchange(0, { iat: NOW, typ: 'Offline' }).artifacts));
  });

  it.each([
    ['refresh_expires_in missing', undefined, { iat: NOW, exp: NOW + 60000 }],
    ['refresh_expires_in a boolean', true, { iat: NOW, exp: NOW + 60000 }],
    ['refresh_expires_in null', null, { iat: NOW, exp: NOW + 60000 }],
    ['no exp', 1800, { iat: NOW }],
    ['no iat', 1800, { exp: NOW + 60000 }],
    ['exp an object', 1800, { iat: NOW, exp: { v: 1 } }],
  ])('no finding: %s', (_name, value, claims) => {
    expectNone(runFlow(xRefreshExpiresIn, exchange(value, claims).artifacts));
  });
  it('skips a Keycloak offline token with exp 0 (no "has exp 0" message)', () => {
    expectNone(runFlow(xRefreshExpiresIn, exchange(0, { iat: NOW, exp: 0, typ: 'Offline' }).artifacts));
    expectNone(runFlow(xRefreshExpiresIn, exchange(1800, { iat: NOW, exp: 0, typ: 'Offline' }).artifacts));
  });

  it('clamps the skew with skewOf', () => {
    const { artifacts } = exchange(1800, { iat: NOW, exp: NOW + 2200 });
    expectOne(runFlow(xRefreshExpiresIn, artifacts, {}, { skew: 10_000 }), 'x-refresh-expires-in', 'warning', 'differ by 400 s, more than the 300 s skew');
  });

  it('accepts refresh_expires_in that matches exp minus the arrival of the response (backdated iat)', () => {
    expectNone(runFlow(xRefreshExpiresIn, exchange(1800, { iat: NOW - 300, exp: NOW + 1800 }).artifacts));
  });
});
