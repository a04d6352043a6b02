import { describe, expect, it } from 'vitest';
import { nbfFuture } from '../../../src/core/rules/nbf-future.js';
import { SEED_002_ACCESS_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { check, expectOne, jsonArtifact, NOW, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const at = (nbf: unknown) => tokenArtifact('access_token', { sub: 'u1', iat: NOW, exp: NOW + 3600, nbf });

describe('nbf-future', () => {
  it('reports a token that is not valid yet', () => {
    const f = expectOne(check(nbfFuture, [at(NOW + 600)]), 'nbf-future', 'error', 'access token not valid yet: nbf 1629286657 (2021-08-18T11:37:37Z) is in 10 min (now 2021-08-18T11:27:37Z, skew 60 s)');
    expect(f.claim).toBe('nbf');
  });

  it.each<[string, number, number, boolean]>([
    ['nbf = now', NOW, 60, false],
    ['nbf in the past', NOW - 600, 60, false],
    ['nbf inside the skew', NOW + 60, 60, false],
    ['nbf just past the skew', NOW + 61, 60, true],
    ['nbf 1 s ahead without skew', NOW + 1, 0, true],
    ['a skew above 300 s is clamped', NOW + 301, 3600, true],
  ])('%s', (_name, nbf, skew, fires) => {
    const findings = check(nbfFuture, [at(nbf)], { skew });
    if (fires) expectOne(findings, 'nbf-future', 'error', 'not valid yet');
    else expect(findings).toEqual([]);
  });

  it('reads a millisecond nbf as milliseconds', () => {
    expectOne(check(nbfFuture, [at((NOW + 600) * 1000)]), 'nbf-future', 'error', 'nbf 1629286657000 (read as milliseconds: 2021-08-18T11:37:37Z) is in 10 min');
    expect(check(nbfFuture, [at((NOW - 600) * 1000)])).toEqual([]);
  });

  it('treats nbf 0 as the legacy Keycloak "no nbf" (info) under a Keycloak profile', () => {
    const kc = tokenArtifact('access_token', { sub: 'u1', iat: NOW, exp: NOW + 3600, nbf: 0 }, undefined, { profile: 'keycloak' });
    expectOne(check(nbfFuture, [kc]), 'nbf-future', 'info', 'access token has legacy Keycloak nbf: 0, treated as no nbf');
  });

  it('does not name Keycloak for nbf 0 elsewhere', () => {
    const f = expectOne(check(nbfFuture, [at(0)]), 'nbf-future', 'info', 'access token has nbf: 0, treated as no nbf');
    expect(f.message).not.toContain('Keycloak');
  });

  it.each<[string, unknown]>([
    ['a string nbf', String(NOW + 600)],
    ['a null nbf', null],
    ['a boolean nbf', true],
  ])('leaves %s to numericdate', (_name, nbf) => {
    expect(check(nbfFuture, [at(nbf)])).toEqual([]);
  });

  it('says nothing without nbf (seed 002), or for plain userinfo', () => {
    expect(check(nbfFuture, [rawTokenArtifact('access_token', SEED_002_ACCESS_TOKEN), jsonArtifact('userinfo', { nbf: NOW + 600 })])).toEqual([]);
  });
});
