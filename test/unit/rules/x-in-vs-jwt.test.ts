import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../../src/core/model.js';
import { xInVsJwt } from '../../../src/core/rules/x-in-vs-jwt.js';
import { expectNone, expectOne, jsonArtifact, NOW, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';
import { runFlow } from './cross-fixtures.js';

const AT_CLAIMS = { sub: 'u1', client_id: 'c1', scope: 'openid profile', exp: NOW + 300, iat: NOW };

function introspection(claims: Record<string, unknown> | undefined, token?: string, atSeconds = NOW): Artifact {
  return jsonArtifact('introspection', claims, {
    at: atSeconds * 1000,
    http: { method: 'POST', url: 'https://op.example/introspect', status: 200, requestHeaders: {}, responseHeaders: {}, ...(token === undefined ? {} : { requestForm: { token } }) },
  });
}

describe('x-in-vs-jwt', () => {
  it('does not fire when the answer agrees with the token (scope in another order)', () => {
    const at = tokenArtifact('access_token', AT_CLAIMS);
    expectNone(runFlow(xInVsJwt, [at, introspection({ active: true, ...AT_CLAIMS, scope: 'profile openid' }, at.raw)]));
  });

  it('fires an error when active:true after exp + skew, at the time of the introspection', () => {
    const at = tokenArtifact('access_token', AT_CLAIMS);
    const late = introspection({ active: true }, at.raw, NOW + 360);
    const f = expectOne(runFlow(xInVsJwt, [at, late]), 'x-in-vs-jwt', 'error', 'introspection at 2021-08-18T11:33:37Z says active:true, but the access token expired at 2021-08-18T11:32:37Z', [late.id, at.id]);
    expect(f.message).toContain(`exp ${NOW + 300}, skew 60 s`);
    expectNone(runFlow(xInVsJwt, [at, introspection({ active: true }, at.raw, NOW + 359)]));
  });

  it('an old capture analysed later does not make a then-valid token look expired', () => {
    const at = tokenArtifact('access_token', AT_CLAIMS);
    expectNone(runFlow(xInVsJwt, [at, introspection({ active: true }, at.raw)], {}, { now: NOW + 86400 }));
  });

  it('uses ctx.now when the introspection time is unknown', () => {
    const at = tokenArtifact('access_token', AT_CLAIMS);
    const i = introspection({ active: true }, at.raw, 0);
    expectOne(runFlow(xInVsJwt, [at, i], {}, { now: NOW + 1000 }), 'x-in-vs-jwt', 'error', 'says active:true');
  });

  it.each([
    ['sub', { sub: 'u2' }, 'introspection sub "u2" differs from the observed access token\'s sub "u1"'],
    ['client_id', { client_id: 'c2' }, 'introspection client_id "c2" differs from the observed access token\'s client_id "c1"'],
    ['scope', { scope: 'openid' }, 'introspection scope "openid" differs from the observed access token\'s scope "openid profile"'],
    ['exp', { exp: NOW + 600 }, `introspection exp ${NOW + 600} differs`],
  ])('warns when %s differs', (claim, change, fragment) => {
    const at = tokenArtifact('access_token', AT_CLAIMS);
    const f = expectOne(runFlow(xInVsJwt, [at, introspection({ active: true, ...AT_CLAIMS, ...change }, at.raw)]), 'x-in-vs-jwt', 'warning', fragment);
    expect(f.claim).toBe(claim);
  });

  it('compares client_id with azp when the JWT has no client_id', () => {
    const at = tokenArtifact('access_token', { sub: 'u1', azp: 'umico' });
    expectOne(runFlow(xInVsJwt, [at, introspection({ active: true, client_id: 'other' }, at.raw)]), 'x-in-vs-jwt', 'warning', 'client_id "other" differs from the observed access token\'s azp "umico"');
  });

  it('matches the introspected token by raw value, across flows and kinds', () => {
    const rt = tokenArtifact('refresh_token', { sub: 'u9' }, { alg: 'HS256' });
    const at = tokenArtifact('access_token', AT_CLAIMS);
    const i = introspection({ active: true, sub: 'u1' }, rt.raw);
    // The refresh token is in another flow; only the context knows it.
    expectOne(runFlow(xInVsJwt, [at, i], {}, { artifacts: [rt] }), 'x-in-vs-jwt', 'warning', 'refresh token\'s sub "u9"');
  });

  it('falls back to the flow access token when the request body was not captured', () => {
    const at = tokenArtifact('access_token', AT_CLAIMS);
    expectOne(runFlow(xInVsJwt, [at, introspection({ active: true, sub: 'x' })]), 'x-in-vs-jwt', 'warning', 'sub "x"');
  });

  it.each([
    ['active:false', () => { const at = tokenArtifact('access_token', AT_CLAIMS); return [at, introspection({ active: false, sub: 'x' }, at.raw, NOW + 9999)]; }],
    ['introspected token is opaque', () => { const o = rawTokenArtifact('opaque_token', 'abc'); return [tokenArtifact('access_token', AT_CLAIMS), o, introspection({ active: true, sub: 'x' }, 'abc')]; }],
    ['introspected token unknown', () => [tokenArtifact('access_token', AT_CLAIMS), introspection({ active: true, sub: 'x' }, 'never-seen')]],
    ['no JWT at all', () => [introspection({ active: true, sub: 'x' })]],
    ['members missing', () => { const at = tokenArtifact('access_token', AT_CLAIMS); return [at, introspection({ active: true }, at.raw)]; }],
    ['no claims', () => { const at = tokenArtifact('access_token', AT_CLAIMS); return [at, introspection(undefined, at.raw)]; }],
    ['JWT exp not a number', () => { const at = tokenArtifact('access_token', { exp: 'soon' }); return [at, introspection({ active: true }, at.raw, NOW + 99999)]; }],
  ])('no finding: %s', (_name, make) => {
    expectNone(runFlow(xInVsJwt, make()));
  });

  it('hostile member types do not throw', () => {
    const at = tokenArtifact('access_token', { ...AT_CLAIMS, scope: ['openid'] });
    const findings = runFlow(xInVsJwt, [at, introspection({ active: 'yes', sub: 7, scope: 'openid', exp: { v: 1 } }, at.raw)]);
    expect(findings.map((f) => [f.claim, f.severity])).toEqual([
      ['sub', 'warning'],
      ['scope', 'warning'],
      ['exp', 'warning'],
    ]);
  });
  it('clamps the skew with skewOf (at most 300 s)', () => {
    const at = tokenArtifact('access_token', AT_CLAIMS);
    const late = introspection({ active: true }, at.raw, NOW + 300 + 301);
    const f = expectOne(runFlow(xInVsJwt, [at, late], {}, { skew: 100_000 }), 'x-in-vs-jwt', 'error', 'says active:true');
    expect(f.message).toContain('skew 300 s');
  });
});
