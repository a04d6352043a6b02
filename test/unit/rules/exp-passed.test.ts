import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../../src/core/model.js';
import { expPassed } from '../../../src/core/rules/exp-passed.js';
import { SEED_002_ID_TOKEN, SEED_002_REFRESH_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { check, expectOne, flowOf, jsonArtifact, NOW, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const at = (exp: unknown, extra: Partial<Artifact> = {}) => tokenArtifact('access_token', { sub: 'u1', iat: NOW - 600, exp }, undefined, extra);

describe('exp-passed', () => {
  it('reports an expired token with the time in UTC and relative', () => {
    const f = expectOne(check(expPassed, [at(NOW - 720)]), 'exp-passed', 'error', 'access token expired: exp 1629285337 (2021-08-18T11:15:37Z), expired 12 min ago (now 2021-08-18T11:27:37Z, skew 60 s)');
    expect(f.claim).toBe('exp');
  });

  it.each<[string, number, number, boolean]>([
    ['just inside the skew', NOW - 59, 60, false],
    ['exactly at exp + skew', NOW - 60, 60, true],
    ['past the skew', NOW - 61, 60, true],
    ['valid for 5 more minutes', NOW + 300, 60, false],
    ['exp = now without skew', NOW, 0, true],
    ['negative skew is read as 0', NOW, -30, true],
    ['a skew above 300 s is clamped to 300 (inside)', NOW - 299, 10_000, false],
    ['a skew above 300 s is clamped to 300 (outside)', NOW - 301, 10_000, true],
    ['a NaN skew falls back to 60 s (inside)', NOW - 59, Number.NaN, false],
    ['a NaN skew falls back to 60 s (outside)', NOW - 61, Number.NaN, true],
  ])('%s', (_name, exp, skew, fires) => {
    const findings = check(expPassed, [at(exp)], { skew });
    if (fires) expectOne(findings, 'exp-passed', 'error', 'expired');
    else expect(findings).toEqual([]);
  });

  it('reads a millisecond exp as milliseconds and says so', () => {
    expectOne(check(expPassed, [at((NOW - 720) * 1000)]), 'exp-passed', 'error', 'exp 1629285337000 (read as milliseconds: 2021-08-18T11:15:37Z), expired 12 min ago');
    expect(check(expPassed, [at((NOW + 300) * 1000)])).toEqual([]);
  });

  it('accepts the seed 002 ID token at its issue time and reports it an hour later', () => {
    const t = rawTokenArtifact('id_token', SEED_002_ID_TOKEN);
    expect(check(expPassed, [t])).toEqual([]);
    expectOne(check(expPassed, [t], { now: NOW + 3600 }), 'exp-passed', 'error', 'ID token expired: exp 1629286357 (2021-08-18T11:32:37Z), expired 55 min ago');
  });

  it('reports exp 0 as expired, except on a Keycloak refresh token (offline token: info)', () => {
    expectOne(check(expPassed, [tokenArtifact('refresh_token', { exp: 0 })]), 'exp-passed', 'error', 'exp 0 (1970-01-01T00:00:00Z)');
    expectOne(check(expPassed, [tokenArtifact('refresh_token', { exp: 0 }, undefined, { profile: 'keycloak' })]), 'exp-passed', 'info', 'Keycloak offline token without expiry');
  });

  it('judges the seed 002 Keycloak refresh token normally', () => {
    const rt = rawTokenArtifact('refresh_token', SEED_002_REFRESH_TOKEN, { profile: 'keycloak' });
    expect(check(expPassed, [rt], { now: NOW + 1800 })).toEqual([]);
    expectOne(check(expPassed, [rt], { now: NOW + 1860 }), 'exp-passed', 'error', 'refresh token expired');
  });

  it('judges signed userinfo, not plain JSON userinfo or introspection', () => {
    const signed = tokenArtifact('userinfo', { sub: 'u1', exp: NOW - 3600 });
    const plain = jsonArtifact('userinfo', { sub: 'u1', exp: NOW - 3600 });
    const intro = jsonArtifact('introspection', { active: true, exp: NOW - 3600 });
    expectOne(check(expPassed, [signed, plain, intro]), 'exp-passed', 'error', 'signed userinfo expired');
  });

  it.each<[string, unknown]>([
    ['a string exp', String(NOW - 3600)],
    ['a null exp', null],
    ['an array exp', [NOW - 3600]],
    ['an object exp', { value: 1 }],
  ])('leaves %s to numericdate', (_name, exp) => {
    expect(check(expPassed, [at(exp)])).toEqual([]);
  });

  it('says nothing without exp or without claims', () => {
    expect(check(expPassed, [tokenArtifact('id_token', { sub: 'u1' }), jsonArtifact('opaque_token', undefined), jsonArtifact('access_token', undefined)])).toEqual([]);
  });
});

describe('exp-passed: tokens superseded by a refresh', () => {
  it('is info for an expired token that a later token of the same kind in the flow replaced, error otherwise', () => {
    const issuedAt = (t: number) => ({ occurrences: [{ location: 'response.json.access_token', at: t * 1000 }], at: t * 1000 });
    const old = tokenArtifact('access_token', { iss: 'https://op.example', exp: NOW - 600 }, undefined, issuedAt(NOW - 900));
    const newer = tokenArtifact('access_token', { iss: 'https://op.example', exp: NOW - 120 }, undefined, issuedAt(NOW - 400));
    const flow = flowOf([old, newer]);
    const findings = check(expPassed, [old, newer], { flows: [flow] });
    expect(findings.map((f) => [f.artifacts[0], f.severity])).toEqual([[old.id, 'info'], [newer.id, 'error']]);
    expect(findings[0]!.message).toContain(`superseded by ${newer.id}`);
  });
});

describe('exp-passed on captured traffic: judged when the token counted', () => {
  const T = NOW;
  const token = (kind: 'access_token' | 'id_token', occurrences: { location: string; at: number; url?: string }[]) =>
    tokenArtifact(kind, { iss: 'https://op.example', exp: T + 300 }, undefined, { occurrences: occurrences.map((o) => ({ exchangeId: `x${o.at}`, ...o, at: o.at * 1000 })) });

  it('used before it expired, expired by now: info, no defect of the traffic', () => {
    const a = token('access_token', [{ location: 'response.json.access_token', at: T }, { location: 'request.header.authorization', at: T + 100, url: 'https://api.example/me' }]);
    const f = expectOne(check(expPassed, [a], { now: T + 5000 }), 'exp-passed', 'info', 'it was not used after it expired');
    expect(f.claim).toBe('exp');
  });

  it('sent as a bearer after it expired: error naming when and where, without the query', () => {
    const a = token('access_token', [{ location: 'response.json.access_token', at: T }, { location: 'request.header.authorization', at: T + 400, url: 'https://api.example/me?session=SECRET' }]);
    const f = expectOne(check(expPassed, [a], { now: T + 5000 }), 'exp-passed', 'error', 'was sent at');
    expect(f.message).toContain('https://api.example/me');
    expect(f.message).not.toContain('SECRET');
    expect(f.message).toContain('1 min 40 s after it expired');
  });

  it('an ID token received already expired: error', () => {
    const a = token('id_token', [{ location: 'response.json.id_token', at: T + 400 }]);
    expectOne(check(expPassed, [a], { now: T + 400 }), 'exp-passed', 'error', 'was received at');
  });

  it('an expired ID token sent as id_token_hint is no use of it (RP-Initiated Logout §2): info', () => {
    const a = token('id_token', [{ location: 'response.json.id_token', at: T }, { location: 'url.query.id_token_hint', at: T + 4000, url: 'https://op.example/logout' }]);
    expectOne(check(expPassed, [a], { now: T + 5000 }), 'exp-passed', 'info', 'not used after it expired');
  });

  it('still valid at now: nothing', () => {
    const a = token('access_token', [{ location: 'response.json.access_token', at: T }]);
    expect(check(expPassed, [a], { now: T + 10 })).toEqual([]);
  });
});
