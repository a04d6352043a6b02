import { describe, expect, it } from 'vitest';
import { xInInactiveOnly } from '../../../src/core/rules/x-in-inactive-only.js';
import { expectNone, expectOne, jsonArtifact } from '../helpers/rule-harness.js';
import { runFlow } from './cross-fixtures.js';

const intro = (claims: Record<string, unknown> | undefined, extra = {}) => jsonArtifact('introspection', claims, extra);

describe('x-in-inactive-only', () => {
  it('does not fire for seed 003 inactive answer once repaired ({"active":false})', () => {
    expectNone(runFlow(xInInactiveOnly, [intro({ active: false }, { jsonError: 'Expected double-quoted property name' })]));
  });

  it('fires when active:false comes with other members, naming them', () => {
    const a = intro({ active: false, sub: 'u', exp: 1 });
    const f = expectOne(runFlow(xInInactiveOnly, [a]), 'x-in-inactive-only', 'warning', 'active:false but also returns 2 members ["sub","exp"]', [a.id]);
    expect(f.message).toContain('an inactive answer must contain only "active"');
    expect(f.claim).toBe('active');
  });

  it('says "the member" for one extra member', () => {
    expectOne(runFlow(xInInactiveOnly, [intro({ active: false, error: 'x' })]), 'x-in-inactive-only', 'warning', 'the member ["error"]');
  });

  it('takes the profile severity (UAE PASS raises it to error)', () => {
    const profiles = [{ id: 'uaepass-test', name: 'UAE PASS', severity: { 'x-in-inactive-only': 'error' as const } }];
    expectOne(runFlow(xInInactiveOnly, [intro({ active: false, scope: 's' }, { profile: 'uaepass-test' })], {}, { profiles }), 'x-in-inactive-only', 'error', 'active:false');
  });

  it.each([
    ['active true with members', { active: true, sub: 'u' }],
    ['active "false" (a string; in-basics reports it)', { active: 'false', sub: 'u' }],
    ['active 0', { active: 0, sub: 'u' }],
    ['no active', { sub: 'u' }],
    ['empty', {}],
    ['no claims', undefined],
  ])('no finding: %s', (_name, claims) => {
    expectNone(runFlow(xInInactiveOnly, [intro(claims)]));
  });

  it('a huge list of members is cut in the message', () => {
    const claims: Record<string, unknown> = { active: false };
    for (let i = 0; i < 500; i++) claims[`m${i}`] = i;
    const f = expectOne(runFlow(xInInactiveOnly, [intro(claims)]), 'x-in-inactive-only', 'warning', '500 members');
    expect(f.message.length).toBeLessThan(300);
  });
});
