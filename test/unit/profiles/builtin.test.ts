import { describe, expect, it } from 'vitest';
import { bankidNoProfile } from '../../../src/core/profiles/bankid-no.js';
import { biridProfile } from '../../../src/core/profiles/birid.js';
import { BUILTIN_PROFILES } from '../../../src/core/profiles/registry.js';
import type { ClaimDoc, Profile, ProfileTarget } from '../../../src/core/profiles/types.js';
import { uaepassProfile } from '../../../src/core/profiles/uaepass.js';
import { parseUserProfile } from '../../../src/core/profiles/user-profile.js';

function allDocs(docs: readonly ClaimDoc[] | undefined, path = ''): [string, ClaimDoc][] {
  return (docs ?? []).flatMap((d) => [[`${path}${d.name}`, d] as [string, ClaimDoc], ...allDocs(d.members, `${path}${d.name}.`)]);
}

function doc(p: Profile, target: ProfileTarget, path: string): ClaimDoc | undefined {
  return allDocs(p.claims?.[target]).find(([name]) => name === path)?.[1];
}

describe('built-in profiles', () => {
  it('have unique ids and every parent exists', () => {
    const ids = BUILTIN_PROFILES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of BUILTIN_PROFILES) if (p.extends) expect(ids).toContain(p.extends);
  });

  it.each(BUILTIN_PROFILES.map((p) => [p.id, p] as const))('%s: valid as user JSON, unchanged by the round trip', (_id, p) => {
    const r = parseUserProfile(JSON.stringify(p));
    expect('errors' in r ? r.errors : []).toEqual([]);
    if ('profile' in r) expect(r.profile).toEqual(p);
  });

  it.each(BUILTIN_PROFILES.map((p) => [p.id, p] as const))('%s: every claim has a one-line description and a source', (_id, p) => {
    for (const docs of Object.values(p.claims ?? {})) {
      for (const [name, d] of allDocs(docs)) {
        expect(d.description.trim(), name).not.toBe('');
        expect(d.description, name).not.toMatch(/\n/);
        expect(d.source?.trim(), name).toBeTruthy();
      }
    }
  });

  it('seed sources name the seed document', () => {
    for (const p of [biridProfile, bankidNoProfile, uaepassProfile]) {
      for (const docs of Object.values(p.claims ?? {})) for (const [name, d] of allDocs(docs)) expect(d.source, `${p.id} ${name}`).toMatch(/^00[0-4] /);
    }
  });
});

describe('BankID Norway support statuses follow 001', () => {
  it.each([
    ['id_token', 'iss', 'supported'],
    ['id_token', 'acr', 'must-be-added'],
    ['id_token', 'at_hash', 'must-be-added'],
    ['id_token', 'c_hash', 'supported'],
    ['id_token', 'gender', 'must-be-added'],
    ['id_token', 'birthdate', 'supported'],
    ['userinfo', 'middle_name', 'under-review'],
    ['userinfo', 'email', 'under-review'],
    ['userinfo', 'email_verified', 'under-review'],
    ['userinfo', 'gender', 'under-review'],
    ['userinfo', 'preferred_username', 'supported'],
    ['userinfo', 'nickname', 'not-supported'],
    ['userinfo', 'profile', 'not-supported'],
    ['userinfo', 'picture', 'not-supported'],
    ['userinfo', 'website', 'not-supported'],
    ['userinfo', 'zoneinfo', 'not-supported'],
    ['userinfo', 'locale', 'not-supported'],
    ['userinfo', 'phone_number_verified', 'supported'],
    ['userinfo', 'address', 'supported'],
  ] as const)('%s %s: %s', (target, name, support) => {
    expect(doc(bankidNoProfile, target, name)?.support).toBe(support);
  });

  it('documents the address members and all_phone_numbers', () => {
    for (const m of ['formatted', 'country', 'street_address', 'postal_code', 'locality', 'house_number', 'house_letter', 'street_name']) {
      expect(doc(bankidNoProfile, 'userinfo', `address.${m}`), m).toBeDefined();
    }
    expect(doc(bankidNoProfile, 'userinfo', 'all_phone_numbers.number_verified')?.type).toBe('boolean');
  });

  it('documents 002 token claims and the token response', () => {
    expect(doc(bankidNoProfile, 'id_token', 'typ')?.expected).toBe('ID');
    expect(doc(bankidNoProfile, 'access_token', 'typ')?.expected).toBe('Bearer');
    expect(doc(bankidNoProfile, 'access_token', 'aud')?.expected).toBe('tinfo');
    expect(doc(bankidNoProfile, 'refresh_token', 'typ')?.expected).toBe('Refresh');
    for (const n of ['additionalCertInfo', 'bankid_altsub', 'originator', 'tid', 'updated_at']) expect(doc(bankidNoProfile, 'id_token', n), n).toBeDefined();
    const members = bankidNoProfile.claims?.token_response?.map((d) => d.name);
    expect(members).toEqual(['id_token', 'access_token', 'token_type', 'expires_in', 'refresh_token', 'refresh_expires_in', 'bankid_proof', 'not-before-policy', 'session_state', 'sid', 'scope']);
  });
});

describe('BirID and UAE PASS follow 000 and 003', () => {
  it('BirID userinfo table', () => {
    const types = Object.fromEntries(allDocs(biridProfile.claims?.userinfo).map(([n, d]) => [n, `${d.type}${d.format ? `/${d.format}` : ''}`]));
    expect(types).toEqual({
      id: 'string/uuid',
      username: 'string',
      firstName: 'string',
      lastName: 'string',
      patronymic: 'string',
      pin: 'string',
      idCardNumber: 'string',
      profilePicture: 'string/url',
      birthDate: 'string/date',
      resident: 'boolean',
      active: 'boolean',
      verificationStatus: 'object',
      'verificationStatus.id': 'integer',
      'verificationStatus.value': 'string',
      gender: 'object',
      'gender.id': 'integer',
      'gender.value': 'string',
    });
    expect(biridProfile.severity).toEqual({ 'ui-sub': 'info' });
    expect(biridProfile.crossChecks?.map((c) => `${c.userinfo}=${c.token}.${c.claim}`)).toEqual(['id=access_token.sub', 'username=access_token.preferred_username']);
  });

  it('UAE PASS introspection members', () => {
    expect(uaepassProfile.claims?.introspection?.map((d) => d.name)).toEqual([
      'active', 'token_type', 'scope', 'exp', 'iat', 'iss', 'client_id', 'client_claims', 'sub', 'user_claims', 'times_verified', 'nbf', 'username',
    ]);
    expect(doc(uaepassProfile, 'introspection', 'active')?.required).toBe(true);
    expect(doc(uaepassProfile, 'introspection', 'client_claims.distinguished_name')?.type).toBe('string');
    expect(uaepassProfile.severity).toEqual({ 'x-in-inactive-only': 'error' });
  });
});
