import { describe, expect, it } from 'vitest';
import { iatFuture } from '../../../src/core/rules/iat-future.js';
import { SEED_002_ID_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { check, expectOne, jsonArtifact, NOW, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const idt = (iat: unknown) => tokenArtifact('id_token', { sub: 'u1', iat, exp: NOW + 3600 });

describe('iat-future', () => {
  it('warns about a token issued in the future', () => {
    const f = expectOne(check(iatFuture, [idt(NOW + 3600)]), 'iat-future', 'warning', 'ID token issued in the future: iat 1629289657 (2021-08-18T12:27:37Z) is in 1 h (now 2021-08-18T11:27:37Z, skew 60 s); check the clocks');
    expect(f.claim).toBe('iat');
  });

  it.each<[string, number, number, boolean]>([
    ['iat = now', NOW, 60, false],
    ['iat in the past', NOW - 3600, 60, false],
    ['iat at the edge of the skew', NOW + 60, 60, false],
    ['iat past the skew', NOW + 61, 60, true],
    ['iat 1 s ahead without skew', NOW + 1, 0, true],
    ['a skew above 300 s is clamped', NOW + 301, 900, true],
  ])('%s', (_name, iat, skew, fires) => {
    const findings = check(iatFuture, [idt(iat)], { skew });
    if (fires) expectOne(findings, 'iat-future', 'warning', 'issued in the future');
    else expect(findings).toEqual([]);
  });

  it('reads a millisecond iat as milliseconds', () => {
    expect(check(iatFuture, [idt(NOW * 1000)])).toEqual([]);
    expectOne(check(iatFuture, [idt((NOW + 600) * 1000)]), 'iat-future', 'warning', 'read as milliseconds');
  });

  it('accepts the seed 002 ID token at its issue time, and flags it for a clock an hour behind', () => {
    const t = rawTokenArtifact('id_token', SEED_002_ID_TOKEN);
    expect(check(iatFuture, [t])).toEqual([]);
    expectOne(check(iatFuture, [t], { now: NOW - 3600 }), 'iat-future', 'warning', 'is in 1 h');
  });

  it.each<[string, unknown]>([
    ['a string iat', String(NOW + 3600)],
    ['an array iat', [NOW + 3600]],
    ['a missing iat', undefined],
  ])('leaves %s alone', (_name, iat) => {
    expect(check(iatFuture, [idt(iat)])).toEqual([]);
  });

  it('ignores plain userinfo and introspection', () => {
    expect(check(iatFuture, [jsonArtifact('userinfo', { iat: NOW + 3600 }), jsonArtifact('introspection', { iat: NOW + 3600 })])).toEqual([]);
  });
});
