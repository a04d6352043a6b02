import { describe, expect, it } from 'vitest';
import { bankidNoProfile } from '../../../src/core/profiles/bankid-no.js';
import { BUILTIN_PROFILES } from '../../../src/core/profiles/registry.js';
import { resolveProfile } from '../../../src/core/profiles/resolve.js';
import type { Profile } from '../../../src/core/profiles/types.js';

const base: Profile = {
  id: 'base',
  name: 'Base',
  keycloak: true,
  severity: { 'ui-sub': 'warning', 'at-aud': 'info' },
  claims: {
    userinfo: [
      { name: 'a', type: 'string', description: 'base a' },
      { name: 'b', type: 'string', description: 'base b' },
    ],
    introspection: [{ name: 'active', type: 'boolean', description: 'base active' }],
  },
  crossChecks: [{ userinfo: 'id', token: 'access_token', claim: 'sub' }],
  notes: ['base note'],
};
const child: Profile = {
  id: 'child',
  name: 'Child',
  extends: 'base',
  issuers: ['https://child.test'],
  severity: { 'ui-sub': 'info' },
  claims: { userinfo: [{ name: 'b', type: 'integer', description: 'child b' }, { name: 'c', type: 'boolean', description: 'child c' }] },
  crossChecks: [{ userinfo: 'id', token: 'access_token', claim: 'sub', severity: 'error' }],
  notes: ['child note'],
};
const all = [base, child];

describe('resolveProfile', () => {
  it('merges claims per target, the child replacing parent claims of the same name', () => {
    const r = resolveProfile(child, all);
    expect(r.claims?.userinfo?.map((d) => `${d.name}:${d.type}`)).toEqual(['a:string', 'b:integer', 'c:boolean']);
    expect(r.claims?.introspection?.map((d) => d.description)).toEqual(['base active']);
  });

  it('merges severity maps (child wins), inherits keycloak, keeps its own id, name, issuers', () => {
    const r = resolveProfile(child, all);
    expect(r.severity).toEqual({ 'ui-sub': 'info', 'at-aud': 'info' });
    expect(r.keycloak).toBe(true);
    expect(r).toMatchObject({ id: 'child', name: 'Child', extends: 'base', issuers: ['https://child.test'] });
  });

  it('lets the child replace a cross-check of the same pair and adds up notes', () => {
    const r = resolveProfile(child, all);
    expect(r.crossChecks).toEqual([{ userinfo: 'id', token: 'access_token', claim: 'sub', severity: 'error' }]);
    expect(r.notes).toEqual(['base note', 'child note']);
  });

  it('does not change its inputs and is idempotent', () => {
    const before = JSON.stringify(all);
    const once = resolveProfile(child, all);
    expect(JSON.stringify(all)).toBe(before);
    expect(resolveProfile(once, all)).toEqual(once);
  });

  it('resolves BankID through keycloak to oidc', () => {
    const r = resolveProfile(bankidNoProfile, BUILTIN_PROFILES);
    expect(r.keycloak).toBe(true);
    const idt = r.claims?.id_token ?? [];
    expect(idt.find((d) => d.name === 'acr')?.support).toBe('must-be-added'); // BankID's acr replaces oidc's
    expect(idt.filter((d) => d.name === 'acr')).toHaveLength(1);
    expect(idt.find((d) => d.name === 'session_state')?.source).toBe('Keycloak, session_state'); // from keycloak
    expect(idt.find((d) => d.name === 'sid')?.source).toMatch(/^Keycloak/);
    expect(r.claims?.introspection?.find((d) => d.name === 'active')?.source).toBe('RFC 7662 §2.2, active'); // from oidc
  });

  it.each([
    ['a cycle', [{ id: 'x', name: 'X', extends: 'y', notes: [] }, { id: 'y', name: 'Y', extends: 'x', claims: { userinfo: [{ name: 'q', type: 'string', description: 'q' }] } }] as Profile[], /closes a cycle/],
    ['itself as parent', [{ id: 'x', name: 'X', extends: 'x' }] as Profile[], /closes a cycle/],
    ['an unknown parent', [{ id: 'x', name: 'X', extends: 'nowhere' }] as Profile[], /"nowhere", which is not a known profile/],
  ])('handles %s without throwing and says so in the notes', (_what, profiles, note) => {
    const r = resolveProfile(profiles[0]!, profiles);
    expect(r.id).toBe('x');
    expect(r.notes?.some((n) => note.test(n))).toBe(true);
  });

  it('takes the parent claims before stopping at a cycle', () => {
    const x: Profile = { id: 'x', name: 'X', extends: 'y' };
    const y: Profile = { id: 'y', name: 'Y', extends: 'x', claims: { userinfo: [{ name: 'q', type: 'string', description: 'q' }] } };
    expect(resolveProfile(x, [x, y]).claims?.userinfo?.map((d) => d.name)).toEqual(['q']);
  });

  it('tolerates malformed members (user data) without throwing', () => {
    const odd = { id: 'odd', name: 'Odd', extends: 'base', claims: { userinfo: 'nope' }, crossChecks: 3, notes: {}, severity: 'x' } as unknown as Profile;
    const r = resolveProfile(odd, [base, null as unknown as Profile]);
    expect(r.claims?.userinfo?.map((d) => d.name)).toEqual(['a', 'b']);
    expect(r.severity).toEqual(base.severity);
  });
});
