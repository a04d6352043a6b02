/**
 * Which member, parameter or claim names hold what, for redaction. Names are compared without case, `_`, `-`
 * and other punctuation, so `given_name`, `givenName` and `GIVEN-NAME` are one name.
 *
 * Personal names: OIDC Core §5.1 standard claims; RFC 7662 `username`; the provider profiles in src/core/profiles
 * (BirID: `username`, `firstName`, `lastName`, `patronymic`, `pin`, `idCardNumber`, `birthDate`, `profilePicture`;
 * BankID Norway: `bankid_altsub` (the PID), `all_phone_numbers`, `additionalCertInfo.subjectName` and
 * `serialNumber` (the certificate names the person); UAE PASS: `username`, `user_claims`) and the national ids
 * and user fields those providers send (`pinfl`, `nnin`, `idn`, `uuid`, `spuuid`, `fullnameEN`, `firstnameAR`,
 * `mobile`, ...).
 */

/** What a name holds: a secret (masked), a token (stripped or hashed), a personal value (hashed), or other. */
export type NameClass = 'secret' | 'token' | 'personal' | 'keep' | 'other';

const KEEP = new Set([
  // Single-use, and the PKCE and c_hash checks need the real values.
  'code',
  'codeverifier',
]);

const SECRET = new Set(['clientsecret', 'secret', 'apikey', 'privatekey', 'pwd', 'passcode']);

const TOKEN = new Set([
  'token',
  'idtokenhint',
  'devicecode',
  'assertion',
  'clientassertion',
  'bankidproof',
  'samlresponse',
]);

const PERSONAL = new Set([
  'sub',
  'name',
  'nickname',
  'username',
  'preferredusername',
  'loginhint',
  'patronymic',
  'surname',
  'upn',
  'mail',
  'msisdn',
  'pin',
  'pinfl',
  'nnin',
  'idn',
  'ssn',
  'idcardnumber',
  'idnumber',
  'nationalid',
  'nationalidnumber',
  'personalnumber',
  'personnummer',
  'fodselsnummer',
  'dob',
  'bankidaltsub',
  'subjectname',
  'serialnumber',
  'uuid',
  'spuuid',
  'userid',
  'userclaims',
  'picture',
  'profilepicture',
  // OIDC Core §5.1 claims that point at or describe the person.
  'website',
  'profile',
  'gender',
  'distinguishedname',
  'nationalidentitynumber',
]);

const PERSONAL_PATTERNS = [
  /^(?:first|last|given|family|middle|full|sur|nick|display|maiden|father)name/,
  /^e?mail/,
  /phone|mobile/,
  /birth/,
  /address/,
];

/** A name with its case and punctuation removed. */
export function normalName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Names recur in every body of a capture: their classes are memoised (bounded). */
const cache = new Map<string, NameClass>();

/**
 * The class of a member, parameter or claim name. Verification flags (`email_verified`) are not personal.
 * Does not look at the value.
 */
export function nameClass(name: string): NameClass {
  let c = cache.get(name);
  if (c === undefined) {
    c = classify(name);
    if (cache.size >= 4096) cache.clear();
    cache.set(name, c);
  }
  return c;
}

function classify(name: string): NameClass {
  const n = normalName(name);
  if (n.length === 0) return 'other';
  if (KEEP.has(n)) return 'keep';
  if (SECRET.has(n) || n.includes('password') || n.includes('passwd')) return 'secret';
  if (TOKEN.has(n) || n.endsWith('token')) return 'token';
  if (n.endsWith('verified')) return 'other';
  if (PERSONAL.has(n) || PERSONAL_PATTERNS.some((p) => p.test(n))) return 'personal';
  return 'other';
}
