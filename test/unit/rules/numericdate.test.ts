import { describe, expect, it } from 'vitest';
import { numericdate } from '../../../src/core/rules/numericdate.js';
import { SEED_002_ACCESS_TOKEN, SEED_002_ID_TOKEN, SEED_002_REFRESH_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { check, expectOne, jsonArtifact, NOW, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const base = { iss: 'https://op.example', sub: 'u1', exp: NOW + 300, iat: NOW, nbf: NOW, auth_time: NOW - 60, updated_at: NOW - 3600 };

describe('numericdate', () => {
  it.each<[string, string, unknown, string]>([
    ['exp as a string', 'exp', '1629286357', 'ID token exp is a string "1629286357"; expected a JSON number of seconds since 1970'],
    ['iat null', 'iat', null, 'ID token iat is null; expected a JSON number'],
    ['nbf an array', 'nbf', [NOW], 'nbf is an array [1629286057]'],
    ['auth_time an object', 'auth_time', { t: 1 }, 'auth_time is an object {"t":1}'],
    ['updated_at a boolean', 'updated_at', true, 'updated_at is a boolean true'],
    ['exp an ISO date', 'exp', '2021-08-18T11:32:37Z', 'exp is a string "2021-08-18T11:32:37Z"'],
    ['exp infinite (1e400 in JSON)', 'exp', Number.POSITIVE_INFINITY, 'exp is Infinity, not a finite number'],
    ['iat negative', 'iat', -1, 'ID token iat -1 is negative; expected seconds since 1970'],
  ])('reports %s as an error', (_name, claim, value, fragment) => {
    // Claims set directly: JSON.stringify would turn Infinity into null, as JSON.parse('1e400') would not.
    const t = tokenArtifact('id_token', base, undefined, { claims: { ...base, [claim]: value } });
    const f = expectOne(check(numericdate, [t]), 'numericdate', 'error', fragment);
    expect(f.claim).toBe(claim);
  });

  it('warns about milliseconds, naming the date they would mean', () => {
    const f = expectOne(check(numericdate, [tokenArtifact('access_token', { ...base, exp: (NOW + 300) * 1000 })]), 'numericdate', 'warning', 'access token exp 1629286357000 is probably milliseconds (2021-08-18T11:32:37Z if read as milliseconds); NumericDate is seconds since 1970');
    expect(f.claim).toBe('exp');
  });

  it('warns about a huge value without inventing a date', () => {
    const f = expectOne(check(numericdate, [tokenArtifact('id_token', { ...base, iat: 1e300 })]), 'numericdate', 'warning', 'is probably milliseconds; NumericDate');
    expect(f.message).not.toContain('invalid time');
  });

  it("warns about seed 002's updated_at in milliseconds, and nothing else", () => {
    const f = expectOne(check(numericdate, [rawTokenArtifact('id_token', SEED_002_ID_TOKEN)]), 'numericdate', 'warning', 'updated_at 1629280620000 is probably milliseconds (2021-08-18T09:57:00Z');
    expect(f.claim).toBe('updated_at');
  });

  it('accepts the seed 002 access and refresh tokens', () => {
    expect(check(numericdate, [rawTokenArtifact('access_token', SEED_002_ACCESS_TOKEN), rawTokenArtifact('refresh_token', SEED_002_REFRESH_TOKEN)])).toEqual([]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['all five as numbers', base],
    ['none of them', { sub: 'u1' }],
    ['zero (legacy KC nbf)', { nbf: 0 }],
    ['fractional seconds', { iat: NOW + 0.5 }],
    ['exactly 10^11', { exp: 1e11 }],
    ['other claims with odd types', { expires: 'soon', iat_ms: 'x', certValidFrom: 1629280620000 }],
    ['a nested updated_at', { address: { updated_at: 'x' } }],
  ])('accepts %s', (_name, claims) => {
    expect(check(numericdate, [tokenArtifact('id_token', claims)])).toEqual([]);
  });

  it('checks plain userinfo and introspection responses too', () => {
    const ui = jsonArtifact('userinfo', { sub: 'u1', updated_at: '2021-08-18' });
    const intro = jsonArtifact('introspection', { active: true, exp: 1629286357000 });
    const findings = check(numericdate, [ui, intro]);
    expect(findings.map((f) => [f.severity, f.claim, f.artifacts[0]])).toEqual([
      ['error', 'updated_at', ui.id],
      ['warning', 'exp', intro.id],
    ]);
    expect(findings[0]!.message).toContain('userinfo updated_at is a string "2021-08-18"');
    expect(findings[1]!.message).toContain('introspection response exp 1629286357000 is probably milliseconds');
  });

  it('reports each bad claim', () => {
    const findings = check(numericdate, [tokenArtifact('jwt', { exp: 'x', iat: -5, nbf: 2e12 }, undefined, { role: 'logout_token' })]);
    expect(findings.map((f) => [f.claim, f.severity])).toEqual([['exp', 'error'], ['nbf', 'warning'], ['iat', 'error']]);
    expect(findings[0]!.message).toContain('logout_token JWT exp');
  });

  it('says nothing without claims', () => {
    expect(check(numericdate, [jsonArtifact('introspection', undefined), jsonArtifact('opaque_token', undefined)])).toEqual([]);
  });
});
