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

/**
 * What a name holds: a secret (masked), a token (stripped or hashed), a personal value (pseudonymised), a value to
 * keep as it is (`code`, PKCE), a known-safe protocol field (kept once the carriers in it are redacted), or
 * `unknown`: anything else, which redaction pseudonymises unless its value is a carrier to look into.
 */
export type NameClass = 'secret' | 'token' | 'personal' | 'keep' | 'safe' | 'unknown';

const KEEP = new Set([
  // Single-use, and the PKCE and c_hash checks need the real values.
  'code',
  'codeverifier',
  'codechallenge',
]);

const SECRET = new Set(['secret', 'apikey', 'privatekey', 'pwd', 'pass', 'passcode', 'otp', 'totp', 'pincode']);

const TOKEN = new Set([
  'token',
  'idtokenhint',
  'devicecode',
  'usercode',
  'assertion',
  'clientassertion',
  'bankidproof',
  'samlresponse',
  'samlrequest',
  'ticket',
  'sessionid',
  'jsessionid',
  'phpsessid',
]);

/**
 * Protocol fields whose values are public protocol data (RFC 6749, RFC 7519 and the JOSE RFCs, OIDC Core and
 * Discovery, RFC 7662, RFC 9449 DPoP, RFC 8628): the analysis needs them as they were. Their values are still
 * searched for carriers (a `state` that is base64url JSON, a `redirect_uri` with a query), and only what is left
 * is kept.
 */
const SAFE = new Set([
  // JWT registered claims and OIDC ID token claims that name no person.
  'iss', 'issuer', 'aud', 'audience', 'exp', 'iat', 'nbf', 'authtime', 'acr', 'amr', 'azp', 'jti', 'nonce',
  'athash', 'chash', 'shash', 'sid', 'sessionstate', 'tid', 'ver', 'version', 'tokenuse', 'typ', 'cnf', 'jkt', 'htm', 'htu', 'ath',
  'updatedat', 'locale', 'zoneinfo', 'appid', 'clientid', 'tenant', 'realm', 'idp', 'origin',
  // JOSE headers and public JWK members (private ones are masked by the JSON redaction).
  'alg', 'enc', 'kid', 'cty', 'crit', 'zip', 'b64', 'kty', 'use', 'keyops', 'crv', 'n', 'e', 'x', 'y', 'x5t',
  'x5ts256', 'x5c', 'jku', 'x5u', 'jwk', 'keys', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c',
  // Authorization and token requests and responses.
  'state', 'scope', 'scp', 'scopes', 'granttype', 'responsetype', 'responsemode', 'tokentype', 'tokentypehint',
  'expiresin', 'refreshexpiresin', 'extexpiresin', 'notbeforepolicy', 'codechallengemethod', 'redirecturi',
  'postlogoutredirecturi', 'prompt', 'maxage', 'uilocales', 'claimslocales', 'display', 'acrvalues', 'claims',
  'resource', 'requesturi', 'error', 'errordescription', 'erroruri', 'active', 'interval', 'dpopjkt',
  'authorizationdetails', 'issuedtokentype', 'requestedtokentype', 'subjecttokentype', 'actortokentype',
  'codechallengemethodssupported', 'status', 'statustext', 'type',
]);

/** Discovery and registration metadata: endpoints, URIs and the `*_supported` lists. */
const SAFE_PATTERNS = [/expires(?:in|at)$/, /issuedat$/, /endpoint$/, /supported$/, /uris?$/, /required$/, /verified$/, /^(?:op|service)(?:policy|tos|documentation)/];

const PERSONAL = new Set([
  'sub',
  'oid',
  'passport',
  'passportnumber',
  'passportno',
  'documentnumber',
  'documentno',
  'docnumber',
  'document',
  'fin',
  'tin',
  'inn',
  'contacts',
  'contact',
  'emiratesid',
  'emiratesidnumber',
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
 * The class of a member, parameter or claim name. Verification flags (`email_verified`) are safe, not personal.
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
  if (n.length === 0) return 'unknown';
  if (KEEP.has(n)) return 'keep';
  if (SECRET.has(n) || /secret|passw|passphrase/.test(n)) return 'secret';
  if (TOKEN.has(n) || n.endsWith('token') || n.endsWith('cookie')) return 'token';
  if (SAFE.has(n) || SAFE_PATTERNS.some((p) => p.test(n))) return 'safe';
  if (PERSONAL.has(n) || PERSONAL_PATTERNS.some((p) => p.test(n))) return 'personal';
  return 'unknown';
}
