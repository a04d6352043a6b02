import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../src/core/model.js';
import { claimTypes } from '../../../src/core/rules/claim-types.js';
import { SEED_002_ACCESS_TOKEN, SEED_002_ID_TOKEN, SEED_002_REFRESH_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { check, expectOne, jsonArtifact, NOW, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const base = { iss: 'https://op.example', sub: 'u1', aud: 'c1', iat: NOW, exp: NOW + 300 };

describe('claim-types', () => {
  it.each<[string, Record<string, unknown>, string, Severity, string]>([
    ['sub a number', { sub: 42 }, 'sub', 'error', 'access token sub is 42, expected a string'],
    ['sub null', { sub: null }, 'sub', 'error', 'sub is null, expected a string'],
    ['sub an object', { sub: { id: 'u1' } }, 'sub', 'error', 'sub is {"id":"u1"}, expected a string'],
    ['sub empty', { sub: '' }, 'sub', 'error', 'sub is empty'],
    ['sub of 256 characters', { sub: 'a'.repeat(256) }, 'sub', 'error', 'sub is 256 characters long, more than the 255 allowed'],
    ['sub with a non-ASCII letter', { sub: 'jürgen' }, 'sub', 'error', 'sub "jürgen" has the non-ASCII character "ü"; sub is ASCII'],
    ['sub with an emoji', { sub: 'user-😀' }, 'sub', 'error', 'the non-ASCII character "😀"'],
    ['aud a number', { aud: 7 }, 'aud', 'error', 'aud is 7, expected a string or an array of strings'],
    ['aud with a non-string entry', { aud: ['c1', 2] }, 'aud', 'error', 'aud is ["c1",2]'],
    ['aud an object', { aud: { c1: true } }, 'aud', 'error', 'aud is {"c1":true}'],
    ['aud null', { aud: null }, 'aud', 'error', 'aud is null'],
    ['amr a string', { amr: 'BID' }, 'amr', 'warning', 'amr is "BID", expected an array of strings; write it as ["BID"]'],
    ['amr with a number', { amr: ['pwd', 1] }, 'amr', 'warning', 'amr is ["pwd",1], expected an array of strings'],
    ['amr an object', { amr: { pwd: true } }, 'amr', 'warning', 'amr is {"pwd":true}'],
    ['scope an array', { scope: ['openid', 'profile'] }, 'scope', 'warning', 'scope is ["openid","profile"], expected one space-delimited string; expected "openid profile"'],
    ['scope a number', { scope: 1 }, 'scope', 'warning', 'scope is 1, expected one space-delimited string'],
    ['scope with a double space', { scope: 'openid  profile' }, 'scope', 'warning', 'scope "openid  profile" is not a list of scope tokens separated by single spaces'],
    ['scope with a leading space', { scope: ' openid' }, 'scope', 'warning', 'separated by single spaces'],
    ['scope with a trailing space', { scope: 'openid ' }, 'scope', 'warning', 'separated by single spaces'],
    ['scope empty', { scope: '' }, 'scope', 'warning', 'scope "" is not a list'],
    ['scope with a tab', { scope: 'openid\tprofile' }, 'scope', 'warning', 'has the character "\\t", which scope tokens may not contain'],
    ['scope with a quote', { scope: 'openid "x"' }, 'scope', 'warning', 'has the character "\\""'],
  ])('reports %s', (_name, claims, claim, severity, fragment) => {
    const f = expectOne(check(claimTypes, [tokenArtifact('access_token', { ...base, ...claims })]), 'claim-types', severity, fragment);
    expect(f.claim).toBe(claim);
  });

  it.each<[string, Record<string, unknown>]>([
    ['the basics', base],
    ['sub of 255 characters', { sub: 'a'.repeat(255) }],
    ['sub a PID with dashes', { sub: '9578-5999-4-1765512' }],
    ['aud an array of strings', { aud: ['c1', 'api'] }],
    ['aud an empty array', { aud: [] }],
    ['amr an array of strings', { amr: ['BID', 'mfa'] }],
    ['amr empty', { amr: [] }],
    ['scope with URL tokens', { scope: 'openid https://api.example/read profile' }],
    ['no sub, aud, amr or scope', { iss: 'x' }],
  ])('accepts %s', (_name, claims) => {
    expect(check(claimTypes, [tokenArtifact('id_token', { ...base, ...claims })])).toEqual([]);
  });

  it("warns about seed 002's amr \"BID\" in the ID and access tokens, and nothing else", () => {
    const findings = check(claimTypes, [rawTokenArtifact('id_token', SEED_002_ID_TOKEN), rawTokenArtifact('access_token', SEED_002_ACCESS_TOKEN), rawTokenArtifact('refresh_token', SEED_002_REFRESH_TOKEN)]);
    expect(findings.map((f) => [f.severity, f.claim, f.message])).toEqual([
      ['warning', 'amr', 'ID token amr is "BID", expected an array of strings; write it as ["BID"]'],
      ['warning', 'amr', 'access token amr is "BID", expected an array of strings; write it as ["BID"]'],
    ]);
  });

  it('reports every bad claim of one token', () => {
    const findings = check(claimTypes, [tokenArtifact('id_token', { sub: 1, aud: 2, amr: 3, scope: 4 })]);
    expect(findings.map((f) => [f.claim, f.severity])).toEqual([['sub', 'error'], ['aud', 'error'], ['amr', 'warning'], ['scope', 'warning']]);
  });

  it('reports a long non-ASCII sub twice (length and characters)', () => {
    expect(check(claimTypes, [tokenArtifact('id_token', { sub: 'é'.repeat(300) })]).map((f) => f.claim)).toEqual(['sub', 'sub']);
  });

  it('checks userinfo and introspection responses', () => {
    const ui = jsonArtifact('userinfo', { sub: 1234 });
    const intro = jsonArtifact('introspection', { active: true, scope: ['read'] });
    const findings = check(claimTypes, [ui, intro]);
    expect(findings.map((f) => [f.artifacts[0], f.claim, f.severity])).toEqual([[ui.id, 'sub', 'error'], [intro.id, 'scope', 'warning']]);
    expect(findings[0]!.message).toContain('userinfo sub is 1234');
    expect(findings[1]!.message).toContain('introspection response scope is ["read"]');
  });

  it('says nothing without claims', () => {
    expect(check(claimTypes, [jsonArtifact('userinfo', undefined), jsonArtifact('opaque_token', undefined)])).toEqual([]);
  });
});
