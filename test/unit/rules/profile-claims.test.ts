import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../src/core/jwt/decode.js';
import type { Artifact, ArtifactKind, Finding } from '../../../src/core/model.js';
import { BUILTIN_PROFILES } from '../../../src/core/profiles/registry.js';
import { resolveProfile } from '../../../src/core/profiles/resolve.js';
import type { Profile } from '../../../src/core/profiles/types.js';
import { profileClaims } from '../../../src/core/rules/profile-claims.js';
import { profileRules } from '../../../src/core/rules/registry-profile.js';
import { SEED_002_ACCESS_TOKEN, SEED_002_ID_TOKEN, SEED_002_REFRESH_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { SEED_000_ACCESS_TOKEN as BIRID_AT, SEED_003_INTROSPECTION_ACTIVE as UAE_INTROSPECTION } from '../../fixtures/seed-claims.js';
import { check, jsonArtifact, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const PROFILES: Profile[] = BUILTIN_PROFILES.map((p) => resolveProfile(p, BUILTIN_PROFILES));


/** A userinfo answer shaped as 000's table describes it (000 gives no sample). */
const BIRID_UI = {
  id: 'a716d622-181c-449c-8574-4060b6920dd3',
  username: '994705105514',
  firstName: 'Ali',
  lastName: 'Aliyev',
  patronymic: 'Vali',
  pin: '5ZX7K2L',
  idCardNumber: 'AA1234567',
  profilePicture: 'https://cdn.example.com/p/1.png',
  birthDate: '1990-05-17',
  resident: true,
  active: true,
  verificationStatus: { id: 1, value: 'Verified' },
  gender: { id: 1, value: 'Male' },
};

/** 001's userinfo example values. */
const BANKID_UI = {
  sub: '9578-5999-4-1765512',
  name: 'Nilsen, Frode Beckmann',
  given_name: 'Frode Beckmann',
  family_name: 'Nilsen',
  preferred_username: 'Nilsen, Frode Beckmann',
  birthdate: '1966-12-18',
  phone_number: '95871775',
  phone_number_verified: false,
  address: {
    formatted: 'Lybekkveien 11C\n0772 Oslo\nNorway',
    country: 'Norway',
    street_address: 'Lybekkveien 11C',
    postal_code: '0772',
    locality: 'Oslo',
    house_number: '11',
    house_letter: 'C',
    street_name: 'Lybekkveien',
  },
  all_phone_numbers: [
    { number: '95871775', number_verified: false },
    { number: '46897469', number_verified: false },
    { number: '94782958', number_verified: false },
  ],
};


/** 002's authorization code token response, tokens as printed. */
const BANKID_TR = {
  access_token: SEED_002_ACCESS_TOKEN,
  expires_in: 300,
  refresh_expires_in: 1800,
  refresh_token: SEED_002_REFRESH_TOKEN,
  token_type: 'bearer',
  id_token: SEED_002_ID_TOKEN,
  'not-before-policy': 0,
  session_state: '66801cef-7746-4dd6-a018-43bda5c7002b',
  scope: 'openid profile',
};

function token(kind: ArtifactKind, payload: Record<string, unknown>, profile: string): Artifact {
  return tokenArtifact(kind, payload, undefined, { profile });
}

function run(a: Artifact, profiles: Profile[] = PROFILES): Finding[] {
  return check(profileClaims, [a], { profiles });
}

function without<T extends Record<string, unknown>>(o: T, ...names: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !names.includes(k)));
}

describe('profile-claims: seed artifacts that match their profile give no finding', () => {
  it.each<[string, Artifact]>([
    ['BirID access token (000)', token('access_token', BIRID_AT, 'birid')],
    ['BirID access token with the text\'s scope "openid email profile"', token('access_token', { ...BIRID_AT, scope: 'openid email profile' }, 'birid')],
    ['BirID access token with aud as an array holding "account"', token('access_token', { ...BIRID_AT, aud: ['umico', 'account'] }, 'birid')],
    ['BirID userinfo (000 table)', jsonArtifact('userinfo', BIRID_UI, { profile: 'birid' })],
    ['BankID userinfo (001 example)', jsonArtifact('userinfo', BANKID_UI, { profile: 'bankid-no' })],
    ['BankID 002 ID token (ms updated_at is the numericdate rule\'s, string amr documented)', rawTokenArtifact('id_token', SEED_002_ID_TOKEN, { profile: 'bankid-no' })],
    ['BankID 002 access token', rawTokenArtifact('access_token', SEED_002_ACCESS_TOKEN, { profile: 'bankid-no' })],
    ['BankID 002 refresh token', rawTokenArtifact('refresh_token', SEED_002_REFRESH_TOKEN, { profile: 'bankid-no' })],
    ['BankID 002 token response (token_type "bearer" is tr-token-type\'s)', jsonArtifact('token_response', BANKID_TR, { profile: 'bankid-no' })],
    ['BankID 004 TINFO userinfo', jsonArtifact('userinfo', { birthdate: '1966-12-18', exp: 1495714163, family_name: 'Nilsen', given_name: 'Frode Beckmann', iat: 1495710576, iss: 'https://preprod.bankidapis.no', name: 'Frode Beckmann Nilsen', preferred_username: 'Frode Beckmann Nilsen', sub: '9578-6000-4-30799' }, { profile: 'bankid-no' })],
    ['UAE PASS introspection (003)', jsonArtifact('introspection', UAE_INTROSPECTION, { profile: 'uaepass' })],
    ['UAE PASS inactive introspection', jsonArtifact('introspection', { active: false }, { profile: 'uaepass' })],
    ['UAE PASS times_verified 0', jsonArtifact('introspection', { ...UAE_INTROSPECTION, times_verified: 0 }, { profile: 'uaepass' })],
    ['BankID ID token without the must-be-added acr and at_hash', token('id_token', without(decodeJwt(SEED_002_ID_TOKEN).payload ?? {}, 'acr', 'at_hash'), 'bankid-no')],
    ['BankID ID token without iss and sub (idt-required reports those)', token('id_token', without(decodeJwt(SEED_002_ID_TOKEN).payload ?? {}, 'iss', 'sub'), 'bankid-no')],
    ['BirID access token without iss (at-9068 reports it)', token('access_token', without(BIRID_AT, 'iss'), 'birid')],
    ['BirID userinfo without the standard sub (ui-sub reports it)', jsonArtifact('userinfo', BIRID_UI, { profile: 'birid' })],
    ['generic OIDC access token with exp and sub of wrong types (numericdate, claim-types report those)', token('access_token', { exp: 'soon', sub: 5 }, 'oidc')],
    ['generic OIDC introspection with a string exp (numericdate reports it)', jsonArtifact('introspection', { active: true, exp: '1633265776' }, { profile: 'oidc' })],
    ['undocumented claims are not reported', jsonArtifact('userinfo', { sub: 'x', favourite_colour: 7 }, { profile: 'oidc' })],
    ['a token response with an error', jsonArtifact('token_response', { error: 'invalid_grant', expires_in: 'never' }, { profile: 'bankid-no' })],
    ['no claims at all (undecodable body)', jsonArtifact('userinfo', undefined, { profile: 'birid', jsonError: 'Unexpected token' })],
    ['introspection active of a wrong type (in-basics reports it)', jsonArtifact('introspection', { ...UAE_INTROSPECTION, active: 'yes' }, { profile: 'uaepass' })],
    ['an unknown profile id falls back to generic OIDC in the context', jsonArtifact('userinfo', { sub: 'x', email_verified: true }, { profile: 'no-such-profile' })],
  ])('%s', (_what, artifact) => {
    expect(run(artifact)).toEqual([]);
  });
});

interface Case {
  what: string;
  artifact: Artifact;
  severity: Finding['severity'];
  claim: string;
  message: RegExp;
}

const fires: Case[] = [
  // BirID access token (000)
  { what: 'BirID preferred_username is a name, not digits', artifact: token('access_token', { ...BIRID_AT, preferred_username: 'Ali Aliyev' }, 'birid'), severity: 'warning', claim: 'preferred_username', message: /^access token preferred_username "Ali Aliyev" is not digits only; documented as "Login phone number.*" \(Kapitalbank BirID profile, 000 Token Structure, preferred_username\)$/ },
  { what: 'BirID preferred_username is a number', artifact: token('access_token', { ...BIRID_AT, preferred_username: 994705105514 }, 'birid'), severity: 'warning', claim: 'preferred_username', message: /preferred_username is an integer 994705105514, expected a string \(Kapitalbank BirID profile, 000 Token Structure, preferred_username\)/ },
  { what: 'BirID preferred_username missing', artifact: token('access_token', without(BIRID_AT, 'preferred_username'), 'birid'), severity: 'warning', claim: 'preferred_username', message: /^access token has no preferred_username, which the Kapitalbank BirID profile requires: "Login phone number.*" \(000 Token Structure, preferred_username\)$/ },
  { what: 'BirID sub is not a UUID', artifact: token('access_token', { ...BIRID_AT, sub: 'user-17' }, 'birid'), severity: 'warning', claim: 'sub', message: /sub "user-17" is not a UUID/ },
  { what: 'BirID sid is not a UUID', artifact: token('access_token', { ...BIRID_AT, sid: '80ca83b6' }, 'birid'), severity: 'warning', claim: 'sid', message: /sid "80ca83b6" is not a UUID/ },
  { what: 'BirID typ is Refresh', artifact: token('access_token', { ...BIRID_AT, typ: 'Refresh' }, 'birid'), severity: 'warning', claim: 'typ', message: /^access token typ "Refresh" is not the expected "Bearer" \(Kapitalbank BirID profile, 000 Token Structure, typ\)$/ },
  { what: 'BirID aud is another service', artifact: token('access_token', { ...BIRID_AT, aud: 'umico' }, 'birid'), severity: 'warning', claim: 'aud', message: /aud "umico" is not the expected "account"/ },
  { what: 'BirID aud array without account', artifact: token('access_token', { ...BIRID_AT, aud: ['umico'] }, 'birid'), severity: 'warning', claim: 'aud', message: /aud \["umico"\] does not contain the expected "account"/ },
  { what: 'BirID scope without openid', artifact: token('access_token', { ...BIRID_AT, scope: 'email profile' }, 'birid'), severity: 'warning', claim: 'scope', message: /scope "email profile" does not contain the expected "openid" \(Kapitalbank BirID profile, 000 Token Structure, scope \(text vs sample\)\)/ },
  // BirID userinfo (000 table)
  { what: 'BirID userinfo id missing', artifact: jsonArtifact('userinfo', without(BIRID_UI, 'id'), { profile: 'birid' }), severity: 'warning', claim: 'id', message: /^userinfo has no id, which the Kapitalbank BirID profile requires.*\(000 Userinfo Response Parameters, row id\)$/ },
  { what: 'BirID birthDate not YYYY-MM-DD', artifact: jsonArtifact('userinfo', { ...BIRID_UI, birthDate: '17.05.1990' }, { profile: 'birid' }), severity: 'warning', claim: 'birthDate', message: /birthDate "17.05.1990" is not a date YYYY-MM-DD/ },
  { what: 'BirID profilePicture not a URL', artifact: jsonArtifact('userinfo', { ...BIRID_UI, profilePicture: 'p/1.png' }, { profile: 'birid' }), severity: 'warning', claim: 'profilePicture', message: /profilePicture "p\/1.png" is not an absolute http\(s\) URL/ },
  { what: 'BirID resident as a string', artifact: jsonArtifact('userinfo', { ...BIRID_UI, resident: 'true' }, { profile: 'birid' }), severity: 'warning', claim: 'resident', message: /^userinfo resident is a string "true", expected a boolean \(Kapitalbank BirID profile, 000 Userinfo Response Parameters, row resident\)$/ },
  { what: 'BirID verificationStatus.id as a string', artifact: jsonArtifact('userinfo', { ...BIRID_UI, verificationStatus: { id: '1', value: 'Verified' } }, { profile: 'birid' }), severity: 'warning', claim: 'verificationStatus.id', message: /verificationStatus.id is a string "1", expected an integer \(Kapitalbank BirID profile, 000 Userinfo Response Parameters, row verificationStatus.id\)/ },
  { what: 'BirID gender as the standard string', artifact: jsonArtifact('userinfo', { ...BIRID_UI, gender: 'male' }, { profile: 'birid' }), severity: 'warning', claim: 'gender', message: /gender is a string "male", expected an object/ },
  { what: 'BirID userinfo null member', artifact: jsonArtifact('userinfo', { ...BIRID_UI, firstName: null }, { profile: 'birid' }), severity: 'warning', claim: 'firstName', message: /^userinfo firstName is null, expected a string \(Kapitalbank BirID profile/ },
  { what: 'BankID all_phone_numbers entry null', artifact: jsonArtifact('userinfo', { ...BANKID_UI, all_phone_numbers: [null] }, { profile: 'bankid-no' }), severity: 'warning', claim: 'all_phone_numbers[0]', message: /all_phone_numbers\[0\] is null, expected an object/ },
  // BankID Norway (001, 002)
  { what: 'BankID userinfo nickname (not supported)', artifact: jsonArtifact('userinfo', { ...BANKID_UI, nickname: 'Frode' }, { profile: 'bankid-no' }), severity: 'info', claim: 'nickname', message: /^userinfo nickname is present, but documented as not supported by BankID Norway \(001 Userinfo claims, row nickname\)$/ },
  { what: 'BankID userinfo locale (not supported), even of a wrong type', artifact: jsonArtifact('userinfo', { ...BANKID_UI, locale: 5 }, { profile: 'bankid-no' }), severity: 'info', claim: 'locale', message: /locale is present, but documented as not supported by BankID Norway \(001 Userinfo claims, row locale\)/ },
  { what: 'BankID address member of a wrong type', artifact: jsonArtifact('userinfo', { ...BANKID_UI, address: { ...BANKID_UI.address, house_number: 11 } }, { profile: 'bankid-no' }), severity: 'warning', claim: 'address.house_number', message: /address.house_number is an integer 11, expected a string \(BankID Norway profile, 001 Userinfo claims, address members, row house_numer/ },
  { what: 'BankID address as an array', artifact: jsonArtifact('userinfo', { ...BANKID_UI, address: ['Lybekkveien 11C'] }, { profile: 'bankid-no' }), severity: 'warning', claim: 'address', message: /address is an array \["Lybekkveien 11C"\], expected an object/ },
  { what: 'BankID all_phone_numbers entry not an object', artifact: jsonArtifact('userinfo', { ...BANKID_UI, all_phone_numbers: [{ number: '95871775', number_verified: false }, '46897469'] }, { profile: 'bankid-no' }), severity: 'warning', claim: 'all_phone_numbers[1]', message: /all_phone_numbers\[1\] is a string "46897469", expected an object/ },
  { what: 'BankID all_phone_numbers member of a wrong type', artifact: jsonArtifact('userinfo', { ...BANKID_UI, all_phone_numbers: [{ number: '95871775', number_verified: 'no' }] }, { profile: 'bankid-no' }), severity: 'warning', claim: 'all_phone_numbers[0].number_verified', message: /all_phone_numbers\[0\].number_verified is a string "no", expected a boolean/ },
  { what: 'BankID phone_number_verified as a string', artifact: jsonArtifact('userinfo', { ...BANKID_UI, phone_number_verified: 'false' }, { profile: 'bankid-no' }), severity: 'warning', claim: 'phone_number_verified', message: /phone_number_verified is a string "false", expected a boolean \(BankID Norway profile, 001 Userinfo claims, row phone_number_verified\)/ },
  { what: 'BankID ID token auth_time missing (required by the minimum ID token)', artifact: token('id_token', without(decodeJwt(SEED_002_ID_TOKEN).payload ?? {}, 'auth_time'), 'bankid-no'), severity: 'warning', claim: 'auth_time', message: /^ID token has no auth_time, which the BankID Norway profile requires.*\(001 Minimum ID token, row auth_time\)$/ },
  { what: 'BankID ID token typ Bearer', artifact: token('id_token', { ...decodeJwt(SEED_002_ID_TOKEN).payload, typ: 'Bearer' }, 'bankid-no'), severity: 'warning', claim: 'typ', message: /ID token typ "Bearer" is not the expected "ID" \(BankID Norway profile, 002 decoded ID Token, typ\)/ },
  { what: 'BankID ID token amr a number', artifact: token('id_token', { ...decodeJwt(SEED_002_ID_TOKEN).payload, amr: 4 }, 'bankid-no'), severity: 'warning', claim: 'amr', message: /amr is an integer 4, expected a string or an array of strings/ },
  { what: 'BankID bankid_altsub not a PID', artifact: token('id_token', { ...decodeJwt(SEED_002_ID_TOKEN).payload, bankid_altsub: '01017012345' }, 'bankid-no'), severity: 'warning', claim: 'bankid_altsub', message: /bankid_altsub "01017012345" is not a BankID PID/ },
  { what: 'BankID additionalCertInfo.certQualified a string', artifact: token('id_token', { ...decodeJwt(SEED_002_ID_TOKEN).payload, additionalCertInfo: { certQualified: 'true' } }, 'bankid-no'), severity: 'warning', claim: 'additionalCertInfo.certQualified', message: /additionalCertInfo.certQualified is a string "true", expected a boolean/ },
  { what: 'BankID access token aud account', artifact: token('access_token', { ...decodeJwt(SEED_002_ACCESS_TOKEN).payload, aud: 'account' }, 'bankid-no'), severity: 'warning', claim: 'aud', message: /access token aud "account" is not the expected "tinfo"/ },
  { what: 'BankID refresh token typ Offline', artifact: token('refresh_token', { ...decodeJwt(SEED_002_REFRESH_TOKEN).payload, typ: 'Offline' }, 'bankid-no'), severity: 'warning', claim: 'typ', message: /refresh token typ "Offline" is not the expected "Refresh" \(BankID Norway profile, 002 decoded Refresh Token, typ\)/ },
  { what: 'BankID token response expires_in as a string', artifact: jsonArtifact('token_response', { ...BANKID_TR, expires_in: '300' }, { profile: 'bankid-no' }), severity: 'warning', claim: 'expires_in', message: /^token response expires_in is a string "300", expected an integer \(BankID Norway profile, 002 Response elements, row expires_in\)$/ },
  { what: 'BankID token response not-before-policy as a string', artifact: jsonArtifact('token_response', { ...BANKID_TR, 'not-before-policy': 'TBD' }, { profile: 'bankid-no' }), severity: 'warning', claim: 'not-before-policy', message: /not-before-policy is a string "TBD", expected an integer/ },
  // UAE PASS (003)
  { what: 'UAE PASS times_verified -1', artifact: jsonArtifact('introspection', { ...UAE_INTROSPECTION, times_verified: -1 }, { profile: 'uaepass' }), severity: 'warning', claim: 'times_verified', message: /^introspection response times_verified -1 is not a non-negative integer; documented as "Times the token was verified before.*" \(UAE PASS profile, 003 Response Parameter Details, row times_verified\)$/ },
  { what: 'UAE PASS times_verified 1.5', artifact: jsonArtifact('introspection', { ...UAE_INTROSPECTION, times_verified: 1.5 }, { profile: 'uaepass' }), severity: 'warning', claim: 'times_verified', message: /times_verified is a number 1.5, expected an integer/ },
  { what: 'UAE PASS token_type lower case', artifact: jsonArtifact('introspection', { ...UAE_INTROSPECTION, token_type: 'bearer' }, { profile: 'uaepass' }), severity: 'warning', claim: 'token_type', message: /token_type "bearer" is not the expected "Bearer" \(UAE PASS profile, 003 Response Parameter Details, row token_type\)/ },
  { what: 'UAE PASS client_claims.acr a number', artifact: jsonArtifact('introspection', { ...UAE_INTROSPECTION, client_claims: { ...UAE_INTROSPECTION.client_claims, acr: 2 } }, { profile: 'uaepass' }), severity: 'warning', claim: 'client_claims.acr', message: /client_claims.acr is an integer 2, expected a string \(UAE PASS profile, 003 200 OK sample, client_claims.acr\)/ },
  { what: 'UAE PASS user_claims a string', artifact: jsonArtifact('introspection', { ...UAE_INTROSPECTION, user_claims: 'none' }, { profile: 'uaepass' }), severity: 'warning', claim: 'user_claims', message: /user_claims is a string "none", expected an object/ },
  // Generic OIDC
  { what: 'OIDC email_verified as a string', artifact: jsonArtifact('userinfo', { sub: 'x', email_verified: 'true' }, { profile: 'oidc' }), severity: 'warning', claim: 'email_verified', message: /^userinfo email_verified is a string "true", expected a boolean \(Generic OpenID Connect profile, Core §5.1, email_verified\)$/ },
  { what: 'OIDC email without @', artifact: jsonArtifact('userinfo', { sub: 'x', email: 'frode' }, { profile: 'oidc' }), severity: 'warning', claim: 'email', message: /email "frode" is not an e-mail address/ },
  { what: 'OIDC address.country a number', artifact: jsonArtifact('userinfo', { sub: 'x', address: { country: 578 } }, { profile: 'oidc' }), severity: 'warning', claim: 'address.country', message: /address.country is an integer 578, expected a string \(Generic OpenID Connect profile, Core §5.1.1, country\)/ },
  { what: 'OIDC token response expires_in as a string', artifact: jsonArtifact('token_response', { access_token: 'x', token_type: 'Bearer', expires_in: '3600' }, { profile: 'oidc' }), severity: 'warning', claim: 'expires_in', message: /expires_in is a string "3600", expected an integer \(Generic OpenID Connect profile, RFC 6749 §5.1, expires_in\)/ },
  { what: 'OIDC introspection username a number', artifact: jsonArtifact('introspection', { active: true, username: 42 }, { profile: 'oidc' }), severity: 'warning', claim: 'username', message: /^introspection response username is an integer 42, expected a string \(Generic OpenID Connect profile, RFC 7662 §2.2, username\)$/ },
  { what: 'Keycloak (unresolved in the context) still inherits the OIDC userinfo claims', artifact: jsonArtifact('userinfo', { sub: 'x', phone_number_verified: 1 }, { profile: 'keycloak' }), severity: 'warning', claim: 'phone_number_verified', message: /phone_number_verified is an integer 1, expected a boolean \(Keycloak profile, Core §5.1, phone_number_verified\)/ },
];

describe('profile-claims fires', () => {
  it.each(fires.map((c) => [c.what, c] as const))('%s', (_what, c) => {
    // The Keycloak case uses the harness's own (unresolved) keycloak profile.
    const profiles = c.artifact.profile === 'keycloak' ? [] : PROFILES;
    const findings = run(c.artifact, profiles);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.rule).toBe('profile-claims');
    expect(f.severity).toBe(c.severity);
    expect(f.claim).toBe(c.claim);
    expect(f.message).toMatch(c.message);
    expect(f.source).toBe('provider profile');
    expect(f.artifacts).toEqual([c.artifact.id]);
  });
});

describe('profile-claims: not repeating the catalogue rules', () => {
  it.each<[string, Artifact]>([
    ['a null userinfo sub (ui-sub and claim-types report it)', jsonArtifact('userinfo', { sub: null }, { profile: 'oidc' })],
    ['a numeric userinfo sub (claim-types reports it)', jsonArtifact('userinfo', { sub: 5 }, { profile: 'bankid-no' })],
    ['an introspection sub of a wrong type (claim-types reports it)', jsonArtifact('introspection', { active: true, sub: 5 }, { profile: 'oidc' })],
    ['an introspection scope array (claim-types reports it)', jsonArtifact('introspection', { active: true, scope: ['a'] }, { profile: 'oidc' })],
  ])('does not report %s', (_what, artifact) => {
    expect(run(artifact)).toEqual([]);
  });
});

describe('profile-claims: service-account tokens (client_credentials)', () => {
  const serviceAccount = { ...without(BIRID_AT, 'sid'), preferred_username: 'service-account-umico', sub: 'svc-umico' };
  function issued(grant: string, payload: Record<string, unknown>): { at: Artifact; resp: Artifact } {
    const at = token('access_token', payload, 'birid');
    const resp = jsonArtifact('token_response', { access_token: at.raw, token_type: 'Bearer', expires_in: 300 }, {
      profile: 'birid',
      children: [at.id],
      http: { method: 'POST', url: 'https://testsso.kapitalbank.az/realms/birid/protocol/openid-connect/token', status: 200, requestHeaders: {}, responseHeaders: {}, requestForm: { grant_type: grant } },
    });
    at.parent = resp.id;
    return { at, resp };
  }

  it('skips the BirID required claims and formats for a client_credentials token', () => {
    const { at, resp } = issued('client_credentials', serviceAccount);
    expect(check(profileClaims, [at], { profiles: PROFILES, artifacts: [resp] })).toEqual([]);
  });

  it('still checks types and expected values of a client_credentials token', () => {
    const { at, resp } = issued('client_credentials', { ...serviceAccount, typ: 'Refresh', azp: 7 });
    expect(check(profileClaims, [at], { profiles: PROFILES, artifacts: [resp] }).map((f) => f.claim).sort()).toEqual(['azp', 'typ']);
  });

  it('keeps the checks for a user token (authorization_code)', () => {
    const { at, resp } = issued('authorization_code', serviceAccount);
    expect(check(profileClaims, [at], { profiles: PROFILES, artifacts: [resp] }).map((f) => f.claim).sort()).toEqual(['preferred_username', 'sid', 'sub']);
  });
});

describe('profile-claims: odd input', () => {
  it('reports several problems of one artifact, each once', () => {
    const a = token('access_token', { ...BIRID_AT, typ: 'ID', sub: 'x', preferred_username: '+994' }, 'birid');
    expect(run(a).map((f) => f.claim).sort()).toEqual(['preferred_username', 'sub', 'typ']);
  });

  it('looks at no more than 20 elements of a huge array', () => {
    const a = jsonArtifact('userinfo', { ...BANKID_UI, all_phone_numbers: Array.from({ length: 10_000 }, () => 'x') }, { profile: 'bankid-no' });
    expect(run(a)).toHaveLength(20);
  });

  it.each<[string, unknown]>([
    ['a deeply nested object', JSON.parse('{"a":'.repeat(500) + '1' + '}'.repeat(500))],
    ['a huge string', 'x'.repeat(1_000_000)],
    ['an array of arrays', [[[[]]]]],
    ['a number', 1e308],
  ])('does not throw on %s in any documented claim', (_what, value) => {
    const names = ['address', 'all_phone_numbers', 'birthdate', 'sub', 'email', 'phone_number', 'nickname'];
    const a = jsonArtifact('userinfo', Object.fromEntries(names.map((n) => [n, value])), { profile: 'bankid-no' });
    const findings = run(a);
    expect(findings.every((f) => f.rule === 'profile-claims' && !/internal error/.test(f.message))).toBe(true);
    expect(findings.length).toBeGreaterThan(0);
  });

  it('does not read claims through a __proto__ member', () => {
    const a = jsonArtifact('userinfo', JSON.parse('{"sub":"x","__proto__":{"email":5}}') as Record<string, unknown>, { profile: 'oidc' });
    expect(run(a)).toEqual([]);
  });

  it('copes with a malformed profile (user data) without throwing', () => {
    const odd = { id: 'odd', name: 'Odd', claims: { userinfo: [null, { name: 'x', type: 'strange', description: 'x' }, { name: 'y', type: 'string', format: 'weird', description: 'y' }] } } as unknown as Profile;
    const a = jsonArtifact('userinfo', { x: 1, y: 'z' }, { profile: 'odd' });
    expect(run(a, [odd])).toEqual([]);
  });

  it('applies the profile severity override to warnings, not to the explicit info', () => {
    const strict: Profile = { ...resolveProfile(PROFILES.find((p) => p.id === 'bankid-no')!, BUILTIN_PROFILES), id: 'strict', severity: { 'profile-claims': 'error' } };
    const a = jsonArtifact('userinfo', { ...BANKID_UI, nickname: 'F', birthdate: '18.12.1966' }, { profile: 'strict' });
    const bySeverity = Object.fromEntries(run(a, [strict]).map((f) => [f.claim, f.severity]));
    expect(bySeverity).toEqual({ nickname: 'info', birthdate: 'error' });
  });

  it('is registered in the profile rule group', () => {
    expect(profileRules).toContain(profileClaims);
  });
});
