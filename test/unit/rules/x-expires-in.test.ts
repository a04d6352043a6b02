import { describe, expect, it } from 'vitest';
import { xExpiresIn } from '../../../src/core/rules/x-expires-in.js';
import { expectNone, expectOne, NOW, tokenArtifact } from '../helpers/rule-harness.js';
import { runFlow, seed002, tokenResponse } from './cross-fixtures.js';

const CODE = { grant_type: 'authorization_code' };

function exchange(expiresIn: unknown, atClaims: Record<string, unknown>) {
  const at = tokenArtifact('access_token', atClaims);
  const resp = tokenResponse({ expires_in: expiresIn }, [at], CODE);
  return { at, resp, artifacts: [resp, at] };
}

describe('x-expires-in', () => {
  it('does not fire on seed 002 (expires_in 300, exp - iat 300)', () => {
    expectNone(runFlow(xExpiresIn, seed002().artifacts));
  });

  it('fires when expires_in and exp - iat differ by more than the skew', () => {
    const { at, resp, artifacts } = exchange(300, { iat: NOW, exp: NOW + 3600 });
    const f = expectOne(runFlow(xExpiresIn, artifacts), 'x-expires-in', 'warning', 'expires_in 300 but the access token lives 3600 s', [resp.id, at.id]);
    expect(f.message).toContain('differ by 3300 s, more than the 60 s skew');
    expect(f.claim).toBe('expires_in');
  });

  it.each([
    [300, NOW + 360, 'at the skew', false],
    [300, NOW + 361, 'one second over', true],
    [300, NOW + 240, 'shorter, at the skew', false],
    [300, NOW + 239, 'shorter, one second over', true],
  ])('expires_in %i, exp %i (%s): fires %s', (expiresIn, exp, _name, fires) => {
    expect(runFlow(xExpiresIn, exchange(expiresIn, { iat: NOW, exp }).artifacts)).toHaveLength(fires ? 1 : 0);
  });

  it('uses the configured skew', () => {
    const { artifacts } = exchange(300, { iat: NOW, exp: NOW + 400 });
    expect(runFlow(xExpiresIn, artifacts, {}, { skew: 120 })).toHaveLength(0);
    expect(runFlow(xExpiresIn, artifacts, {}, { skew: 30 })).toHaveLength(1);
  });

  it('accepts expires_in as a digit string', () => {
    expectOne(runFlow(xExpiresIn, exchange('3600', { iat: NOW, exp: NOW + 300 }).artifacts), 'x-expires-in', 'warning', 'expires_in 3600 but');
  });

  it('does not compare an access token repeated from an earlier response', () => {
    const at = tokenArtifact('access_token', { iat: NOW - 3000, exp: NOW + 600 });
    const r1 = tokenResponse({ expires_in: 3600 }, [at], CODE);
    const r2 = tokenResponse({ expires_in: 600 }, [], { grant_type: 'refresh_token' });
    r2.children = [at.id];
    expectNone(runFlow(xExpiresIn, [r1, at, r2]));
  });

  it.each([
    ['expires_in missing', undefined, { iat: NOW, exp: NOW + 3600 }],
    ['expires_in not numeric', 'soon', { iat: NOW, exp: NOW + 3600 }],
    ['expires_in an object', { s: 300 }, { iat: NOW, exp: NOW + 3600 }],
    ['expires_in NaN-like string', '1e3', { iat: NOW, exp: NOW + 3600 }],
    ['no iat', 300, { exp: NOW + 3600 }],
    ['exp a string', 300, { iat: NOW, exp: String(NOW + 3600) }],
    ['exp an array', 300, { iat: NOW, exp: [NOW] }],
  ])('no finding: %s', (_name, expiresIn, claims) => {
    expectNone(runFlow(xExpiresIn, exchange(expiresIn, claims).artifacts));
  });

  it('no finding without an access token', () => {
    expectNone(runFlow(xExpiresIn, [tokenResponse({ expires_in: 300 }, [], CODE)]));
  });
  describe('iat backdated (Entra ID backdates iat and nbf by 5 minutes)', () => {
    it('accepts expires_in that matches exp minus the arrival of the response', () => {
      // The response arrived at NOW; iat is NOW - 300, so exp - iat is 3899 while expires_in 3599 is right.
      expectNone(runFlow(xExpiresIn, exchange(3599, { iat: NOW - 300, nbf: NOW - 300, exp: NOW + 3599 }).artifacts));
    });

    it('rounds the arrival time to the nearest second', () => {
      const { resp, artifacts } = exchange(3599, { iat: NOW - 300, exp: NOW + 3599 + 60 });
      resp.at = NOW * 1000 - 400;
      expectNone(runFlow(xExpiresIn, artifacts));
      resp.at = NOW * 1000 - 600;
      expect(runFlow(xExpiresIn, artifacts)).toHaveLength(1);
    });

    it('still fires when neither agrees, and says both', () => {
      const f = expectOne(runFlow(xExpiresIn, exchange(600, { iat: NOW - 300, exp: NOW + 3599 }).artifacts), 'x-expires-in', 'warning', 'expires_in 600 but the access token lives 3899 s');
      expect(f.message).toContain("nor 3599 s from the response's arrival to exp (off by 2999 s)");
    });

    it('compares with exp - iat only when the arrival is unknown', () => {
      const { resp, artifacts } = exchange(3599, { iat: NOW - 300, exp: NOW + 3599 });
      resp.at = Number.NaN;
      expectOne(runFlow(xExpiresIn, artifacts), 'x-expires-in', 'warning', 'differ by 300 s');
    });
  });

  it.each([
    [10_000, 'the 300 s skew'],
    [Number.NaN, 'the 60 s skew'],
    [-5, 'the 0 s skew'],
  ])('clamps the skew with skewOf (skew %s)', (skew, fragment) => {
    const { artifacts } = exchange(300, { iat: NOW, exp: NOW + 700 });
    expectOne(runFlow(xExpiresIn, artifacts, {}, { skew }), 'x-expires-in', 'warning', fragment);
  });
});
