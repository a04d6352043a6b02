import { describe, expect, it } from 'vitest';
import { selectProfile } from '../../../src/core/profiles/select.js';
import { BUILTIN_PROFILES } from '../../../src/core/profiles/registry.js';
import type { Profile } from '../../../src/core/profiles/types.js';

const user: Profile = { id: 'acme', name: 'Acme', extends: 'keycloak', issuers: ['https://id.acme.test/tenants/'], hosts: ['api.acme.test'] };
const exactUser: Profile = { id: 'acme-exact', name: 'Acme exact', issuers: ['https://id.acme.test/tenants/gold'] };

describe('selectProfile', () => {
  it.each([
    // [what, selector, forced, expected id]
    ['BirID by exact issuer', { issuer: 'https://testsso.kapitalbank.az/realms/birid' }, undefined, 'birid'],
    ['BankID current by issuer', { issuer: 'https://auth.current.bankid.no/auth/realms/current' }, undefined, 'bankid-no'],
    ['BankID preprod realm by issuer', { issuer: 'https://oidc-preprod.bankidapis.no/auth/realms/preprod' }, undefined, 'bankid-no'],
    ['BankID TINFO issuer (004)', { issuer: 'https://preprod.bankidapis.no' }, undefined, 'bankid-no'],
    ['BankID preview issuer (001)', { issuer: 'https://preview.bankidapis.no' }, undefined, 'bankid-no'],
    ['UAE PASS issuer with :443 as printed in 003', { issuer: 'https://qa-ids.uaepass.ae:443/oauth2/token' }, undefined, 'uaepass'],
    ['BirID userinfo by host dmzid', { host: 'dmzid.kapitalbank.az' }, undefined, 'birid'],
    ['UAE PASS introspection by host, port and case ignored', { host: 'STG-ID.uaepass.ae:443' }, undefined, 'uaepass'],
    ['BankID by host', { host: 'auth.current.bankid.no' }, undefined, 'bankid-no'],
    ['unknown issuer that is a Keycloak realm', { issuer: 'https://sso.example.org/realms/main' }, undefined, 'keycloak'],
    ['unknown BirID realm on the BirID host is not BirID', { issuer: 'https://testsso.kapitalbank.az/realms/other' }, undefined, 'keycloak'],
    ['unknown issuer, no realm', { issuer: 'https://accounts.example.org' }, undefined, 'oidc'],
    ['"/realms/" only in the query does not make Keycloak', { issuer: 'https://accounts.example.org/?x=/realms/a' }, undefined, 'oidc'],
    ['nothing known', {}, undefined, 'oidc'],
    ['issuer not a URL, realm-like text', { issuer: 'not a url /realms/x' }, undefined, 'keycloak'],
    ['forced id wins over the issuer', { issuer: 'https://testsso.kapitalbank.az/realms/birid' }, 'uaepass', 'uaepass'],
    ['forced unknown id falls back to selection', { issuer: 'https://testsso.kapitalbank.az/realms/birid' }, 'nope', 'birid'],
    ['issuer beats host', { issuer: 'https://preprod.bankidapis.no', host: 'dmzid.kapitalbank.az' }, undefined, 'bankid-no'],
    ['issuer with trailing slash is not the exact issuer', { issuer: 'https://testsso.kapitalbank.az/realms/birid/' }, undefined, 'keycloak'],
  ] as const)('%s', (_what, selector, forced, id) => {
    expect(selectProfile(selector, BUILTIN_PROFILES, forced).id).toBe(id);
  });

  it('matches an issuer prefix ending in "/" and prefers user profiles, exact before prefix', () => {
    const profiles = [user, exactUser];
    expect(selectProfile({ issuer: 'https://id.acme.test/tenants/blue' }, profiles).id).toBe('acme');
    expect(selectProfile({ issuer: 'https://id.acme.test/tenants/gold' }, profiles).id).toBe('acme-exact');
    expect(selectProfile({ issuer: 'https://id.acme.test/tenant' }, profiles).id).toBe('oidc');
    expect(selectProfile({ host: 'api.acme.test' }, profiles).id).toBe('acme');
  });

  it('a user profile with a built-in issuer wins over the built-in', () => {
    const mine: Profile = { id: 'my-birid', name: 'Mine', issuers: ['https://testsso.kapitalbank.az/realms/birid'] };
    expect(selectProfile({ issuer: 'https://testsso.kapitalbank.az/realms/birid' }, [mine]).id).toBe('my-birid');
  });

  it('returns the resolved profile (parents merged in)', () => {
    const p = selectProfile({ issuer: 'https://testsso.kapitalbank.az/realms/birid' }, BUILTIN_PROFILES);
    expect(p.keycloak).toBe(true);
    expect(p.claims?.id_token?.some((d) => d.name === 'nonce')).toBe(true); // from oidc
    expect(p.claims?.access_token?.find((d) => d.name === 'sub')?.format).toBe('uuid'); // BirID's own
    expect(p.severity).toEqual({ 'ui-sub': 'info' });
  });

  it('does not throw on hostile input and falls back to oidc', () => {
    const bad = [{ id: 'x', name: 'x', issuers: [42, null], hosts: {} } as unknown as Profile];
    expect(selectProfile({ issuer: 5, host: [] } as unknown as { issuer: string }, bad).id).toBe('oidc');
    expect(selectProfile(undefined as unknown as { issuer: string }, []).id).toBe('oidc');
  });
});
