import { describe, expect, it } from 'vitest';
import { xUiSub } from '../../../src/core/rules/x-ui-sub.js';
import { expectNone, expectOne, jsonArtifact, tokenArtifact } from '../helpers/rule-harness.js';
import { runFlow, seed002, SEED_002_SUB } from './cross-fixtures.js';

/** Seed 004's TINFO userinfo (a signed JWS in the seed; here its payload as the claims). */
const SEED_004_USERINFO = {
  birthdate: '1966-12-18',
  exp: 1495714163,
  family_name: 'Nilsen',
  given_name: 'Frode Beckmann',
  iat: 1495710576,
  iss: 'https://preprod.bankidapis.no',
  name: 'Frode Beckmann Nilsen',
  preferred_username: 'Frode Beckmann Nilsen',
  sub: '9578-6000-4-30799',
};

describe('x-ui-sub', () => {
  it('fires between seed 004 userinfo and seed 002 ID token (the catalogue example)', () => {
    const s = seed002();
    const ui = jsonArtifact('userinfo', SEED_004_USERINFO);
    const f = expectOne(runFlow(xUiSub, [...s.artifacts, ui]), 'x-ui-sub', 'error', `userinfo sub "9578-6000-4-30799" differs from the ID token sub "${SEED_002_SUB}"`);
    expect(f.message).toContain('must not be used (token substitution)');
    expect(f.claim).toBe('sub');
    // Compared with the ID token issued last before the userinfo: the refreshed one.
    expect(f.artifacts).toEqual([ui.id, s.refresh.idToken.id]);
  });

  it('does not fire when the subs are equal', () => {
    const s = seed002();
    expectNone(runFlow(xUiSub, [...s.artifacts, jsonArtifact('userinfo', { sub: SEED_002_SUB, name: 'Test User BankID' })]));
  });

  it('compares exactly: case matters', () => {
    const idt = tokenArtifact('id_token', { sub: 'User-1' });
    const ui = jsonArtifact('userinfo', { sub: 'user-1' });
    expectOne(runFlow(xUiSub, [idt, ui]), 'x-ui-sub', 'error', 'userinfo sub "user-1" differs from the ID token sub "User-1"', [ui.id, idt.id]);
  });

  it('uses the ID token issued last before the userinfo, else one issued after', () => {
    const old = tokenArtifact('id_token', { sub: 'old' });
    const ui = jsonArtifact('userinfo', { sub: 'new' });
    const fresh = tokenArtifact('id_token', { sub: 'new' });
    expectOne(runFlow(xUiSub, [old, ui, fresh]), 'x-ui-sub', 'error', 'ID token sub "old"');
    expectNone(runFlow(xUiSub, [ui, fresh]));
    expectOne(runFlow(xUiSub, [jsonArtifact('userinfo', { sub: 'x' }), old]), 'x-ui-sub', 'error', 'ID token sub "old"');
  });

  it('checks every userinfo of the flow', () => {
    const idt = tokenArtifact('id_token', { sub: 'u' });
    const findings = runFlow(xUiSub, [idt, jsonArtifact('userinfo', { sub: 'a' }), jsonArtifact('userinfo', { sub: 'u' }), jsonArtifact('userinfo', { sub: 'b' })]);
    expect(findings.map((f) => f.message.slice(0, 18))).toEqual(['userinfo sub "a" d', 'userinfo sub "b" d']);
  });

  it.each([
    ['userinfo without sub', [tokenArtifact('id_token', { sub: 'u' }), jsonArtifact('userinfo', { name: 'x' })]],
    ['userinfo sub null', [tokenArtifact('id_token', { sub: 'u' }), jsonArtifact('userinfo', { sub: null })]],
    ['userinfo without claims', [tokenArtifact('id_token', { sub: 'u' }), jsonArtifact('userinfo', undefined)]],
    ['no ID token', [tokenArtifact('access_token', { sub: 'u' }), jsonArtifact('userinfo', { sub: 'x' })]],
    ['ID token without sub', [tokenArtifact('id_token', { iss: 'i' }), jsonArtifact('userinfo', { sub: 'x' })]],
    ['empty flow', []],
  ])('no finding: %s', (_name, artifacts) => {
    expectNone(runFlow(xUiSub, artifacts));
  });

  it.each([
    [42, 'userinfo sub 42 differs from the ID token sub "42"'],
    [{ id: 'u' }, 'userinfo sub {"id":"u"}'],
    [['u'], 'userinfo sub ["u"]'],
    ['x'.repeat(5000), '...'],
  ])('hostile sub %j does not throw and is reported as different', (uiSub, fragment) => {
    const idt = tokenArtifact('id_token', { sub: typeof uiSub === 'number' ? '42' : 'u' });
    const f = expectOne(runFlow(xUiSub, [idt, jsonArtifact('userinfo', { sub: uiSub })]), 'x-ui-sub', 'error', fragment);
    expect(f.message.length).toBeLessThan(400);
  });

  it('skips flow ids it does not know', () => {
    const idt = tokenArtifact('id_token', { sub: 'u' });
    const ui = jsonArtifact('userinfo', { sub: 'v' });
    const findings = runFlow(xUiSub, [idt, ui], { artifacts: ['ghost', idt.id, ui.id] });
    expectOne(findings, 'x-ui-sub', 'error', 'userinfo sub "v"');
  });
});
