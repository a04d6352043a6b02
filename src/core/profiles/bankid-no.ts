import type { ClaimDoc, Profile } from './types.js';

const MIN = '001 Minimum ID token';
const MAX = '001 Maximum ID token';
const UI = '001 Userinfo claims';
const TR = '002 Response elements';
const IDT = '002 decoded ID Token';
const AT = '002 decoded Access Token';
const RT = '002 decoded Refresh Token';

const idToken: ClaimDoc[] = [
  { name: 'iss', type: 'string', required: true, support: 'supported', description: 'Issuer Identifier (001: https://preview.bankidapis.no; 002: the realm URL)', source: `${MIN}, row iss` },
  { name: 'sub', type: 'string', required: true, support: 'supported', description: 'Subject: the BankID PID such as 9578-5999-4-1765512 (001); a UUID in the 002 sample', source: `${MIN}, row sub` },
  { name: 'aud', type: 'string-or-array', required: true, support: 'supported', description: 'Audience; always includes the client_id', source: `${MIN}, row aud` },
  { name: 'exp', type: 'numericdate', required: true, support: 'supported', description: 'Expiration time (epoch seconds)', source: `${MIN}, row exp` },
  { name: 'iat', type: 'numericdate', required: true, support: 'supported', description: 'Issuing time (epoch seconds)', source: `${MIN}, row iat` },
  { name: 'auth_time', type: 'numericdate', required: true, support: 'supported', description: 'Authentication time (epoch seconds)', source: `${MIN}, row auth_time` },
  { name: 'nonce', type: 'string', support: 'supported', description: 'The nonce of the authorize request', source: `${MIN}, row nonce` },
  { name: 'acr', type: 'string', support: 'must-be-added', description: 'Level of Assurance of the IDP option: "4" (001), "urn:bankid:bid;LOA=4" (002)', source: `${MIN}, row acr` },
  { name: 'amr', type: 'string-or-array', required: true, support: 'supported', description: 'Name of the IDP option: "BankID" (001), "BID" (002); a string, not the array Core asks for', source: `${MIN}, row amr` },
  { name: 'azp', type: 'string', required: true, support: 'supported', description: 'Authorized party; equals the client_id', source: `${MIN}, row azp` },
  { name: 'at_hash', type: 'string', support: 'must-be-added', description: 'Access token hash; required for the hybrid and implicit flows', source: `${MIN}, row at_hash` },
  { name: 'c_hash', type: 'string', support: 'supported', description: 'Code hash (hybrid flow)', source: `${MIN}, row c_hash` },
  { name: 'name', type: 'string', support: 'supported', description: 'Full name: CommonName of the BankID certificate', source: `${MAX}, row name` },
  { name: 'gender', type: 'string', support: 'must-be-added', description: 'Gender', source: `${MAX}, row gender` },
  { name: 'birthdate', type: 'string', format: 'date', support: 'supported', description: 'Birthdate YYYY-MM-DD', source: `${MAX}, row birthdate` },
  { name: 'given_name', type: 'string', description: 'Given name', source: `${IDT}, given_name` },
  { name: 'family_name', type: 'string', description: 'Surname', source: `${IDT}, family_name` },
  { name: 'typ', type: 'string', expected: 'ID', description: 'Keycloak token type of an ID token (001\'s typ row is the header typ "JWT")', source: `${IDT}, typ` },
  { name: 'jti', type: 'string', format: 'uuid', description: 'Identifier of the token', source: `${IDT}, jti` },
  { name: 'updated_at', type: 'numericdate', description: 'Last update; 002 sends milliseconds (1629280620000) where Core §5.1 asks for seconds', source: `${IDT}, updated_at` },
  { name: 'bankid_altsub', type: 'string', format: 'no-pid', description: 'The BankID PID (serial number of the certificate), e.g. 9578-6000-4-634582', source: `${IDT}, bankid_altsub` },
  { name: 'originator', type: 'string', description: 'Distinguished name and id of the bank that issued the BankID', source: `${IDT}, originator` },
  {
    name: 'additionalCertInfo',
    type: 'object',
    description: 'Details of the BankID certificate used',
    source: `${IDT}, additionalCertInfo`,
    members: [
      { name: 'certValidFrom', type: 'number', description: 'Certificate validity start, epoch milliseconds', source: `${IDT}, additionalCertInfo.certValidFrom` },
      { name: 'certValidTo', type: 'number', description: 'Certificate validity end, epoch milliseconds', source: `${IDT}, additionalCertInfo.certValidTo` },
      { name: 'serialNumber', type: 'string', description: 'Certificate serial number', source: `${IDT}, additionalCertInfo.serialNumber` },
      { name: 'keyAlgorithm', type: 'string', description: 'Key algorithm, e.g. RSA', source: `${IDT}, additionalCertInfo.keyAlgorithm` },
      { name: 'keySize', type: 'string', description: 'Key size in bits, as a string', source: `${IDT}, additionalCertInfo.keySize` },
      { name: 'policyOid', type: 'string', description: 'Certificate policy OID', source: `${IDT}, additionalCertInfo.policyOid` },
      { name: 'monetaryLimitAmount', type: 'string', description: 'Monetary limit of the certificate, as a string', source: `${IDT}, additionalCertInfo.monetaryLimitAmount` },
      { name: 'monetaryLimitCurrency', type: 'string', description: 'Currency of the monetary limit, e.g. NOK', source: `${IDT}, additionalCertInfo.monetaryLimitCurrency` },
      { name: 'certQualified', type: 'boolean', description: 'Whether the certificate is qualified', source: `${IDT}, additionalCertInfo.certQualified` },
      { name: 'versionNumber', type: 'string', description: 'Certificate version, as a string', source: `${IDT}, additionalCertInfo.versionNumber` },
      { name: 'subjectName', type: 'string', description: 'Certificate subject distinguished name', source: `${IDT}, additionalCertInfo.subjectName` },
    ],
  },
  { name: 'tid', type: 'string', format: 'uuid', description: 'Transaction id', source: `${IDT}, tid` },
];

const userinfo: ClaimDoc[] = [
  { name: 'sub', type: 'string', required: true, support: 'supported', description: 'Subject Identifier; must equal the ID token sub exactly (004)', source: `${UI}, row sub` },
  { name: 'name', type: 'string', support: 'supported', description: 'Full name', source: `${UI}, row name` },
  { name: 'given_name', type: 'string', support: 'supported', description: 'Given name (first name)', source: `${UI}, row given_name` },
  { name: 'family_name', type: 'string', support: 'supported', description: 'Surname (last name)', source: `${UI}, row family_name` },
  { name: 'middle_name', type: 'string', support: 'under-review', description: 'Middle name', source: `${UI}, row middle_name` },
  { name: 'nickname', type: 'string', support: 'not-supported', description: 'Casual name', source: `${UI}, row nickname` },
  { name: 'preferred_username', type: 'string', support: 'supported', description: 'Shorthand name (the full name in the example; marked REV in the comment)', source: `${UI}, row preferred_username` },
  { name: 'profile', type: 'string', support: 'not-supported', description: 'Profile page URL', source: `${UI}, row profile` },
  { name: 'picture', type: 'string', support: 'not-supported', description: 'Picture URL', source: `${UI}, row picture` },
  { name: 'website', type: 'string', support: 'not-supported', description: 'Homepage URL', source: `${UI}, row website` },
  { name: 'email', type: 'string', format: 'email', support: 'under-review', description: 'Preferred e-mail', source: `${UI}, row email` },
  { name: 'email_verified', type: 'boolean', support: 'under-review', description: 'E-mail verification status', source: `${UI}, row email_verified` },
  { name: 'gender', type: 'string', support: 'under-review', description: 'Gender', source: `${UI}, row gender` },
  { name: 'birthdate', type: 'string', format: 'date', support: 'supported', description: 'Birthdate YYYY-MM-DD', source: `${UI}, row birthdate` },
  { name: 'zoneinfo', type: 'string', support: 'not-supported', description: 'Time zone', source: `${UI}, row zoneinfo` },
  { name: 'locale', type: 'string', support: 'not-supported', description: 'Locale', source: `${UI}, row locale` },
  { name: 'phone_number', type: 'string', format: 'phone', support: 'supported', description: 'Preferred phone number (e.g. 95871775)', source: `${UI}, row phone_number` },
  { name: 'phone_number_verified', type: 'boolean', support: 'supported', description: 'Phone number verification status', source: `${UI}, row phone_number_verified` },
  {
    name: 'address',
    type: 'object',
    support: 'supported',
    description: 'Postal address with Norwegian street details',
    source: `${UI}, row address`,
    members: [
      { name: 'formatted', type: 'string', description: 'Full address, lines separated by newlines', source: `${UI}, row address (example)` },
      { name: 'country', type: 'string', description: 'Country, e.g. Norway', source: `${UI}, address members, row country` },
      { name: 'street_address', type: 'string', description: 'Street and number, e.g. Lybekkveien 11C', source: `${UI}, address members, row street_address` },
      { name: 'postal_code', type: 'string', description: 'Postal code, e.g. 0772', source: `${UI}, address members, row postal_code` },
      { name: 'locality', type: 'string', description: 'City, e.g. Oslo', source: `${UI}, address members, row locality` },
      { name: 'house_number', type: 'string', description: 'House number, e.g. 11 (the member table misspells it house_numer)', source: `${UI}, address members, row house_numer; row address (example)` },
      { name: 'house_letter', type: 'string', description: 'House letter, e.g. C', source: `${UI}, address members, row house_letter` },
      { name: 'street_name', type: 'string', description: 'Street name, e.g. Lybekkveien', source: `${UI}, address members, row street_name` },
    ],
  },
  {
    name: 'all_phone_numbers',
    type: 'array',
    support: 'supported',
    description: 'Custom: every phone number of the user, [{ number, number_verified }]',
    source: `${UI}, row all_phone_numbers`,
    members: [
      { name: 'number', type: 'string', format: 'phone', description: 'A phone number, e.g. 95871775', source: `${UI}, row all_phone_numbers (example)` },
      { name: 'number_verified', type: 'boolean', description: 'Whether that number was verified', source: `${UI}, row all_phone_numbers (example)` },
    ],
  },
  { name: 'iss', type: 'string', description: 'Issuer of the signed userinfo (e.g. https://preprod.bankidapis.no)', source: '004 Userinfo example, iss' },
  { name: 'exp', type: 'numericdate', description: 'Expiration time of the signed userinfo', source: '004 Userinfo example, exp' },
  { name: 'iat', type: 'numericdate', description: 'Issuing time of the signed userinfo', source: '004 Userinfo example, iat' },
];

const accessToken: ClaimDoc[] = [
  { name: 'iss', type: 'string', required: true, description: 'The realm URL', source: `${AT}, iss` },
  { name: 'sub', type: 'string', required: true, description: 'The user id; equals the ID token sub', source: `${AT}, sub` },
  { name: 'exp', type: 'numericdate', required: true, description: 'Expiration time; expires_in after iat', source: `${AT}, exp` },
  { name: 'iat', type: 'numericdate', required: true, description: 'Issuing time', source: `${AT}, iat` },
  { name: 'aud', type: 'string-or-array', required: true, expected: 'tinfo', description: 'Audience: the TINFO resource server', source: `${AT}, aud` },
  { name: 'typ', type: 'string', required: true, expected: 'Bearer', description: 'Keycloak token type of an access token', source: `${AT}, typ` },
  { name: 'azp', type: 'string', required: true, description: 'The client the token was issued to', source: `${AT}, azp` },
  { name: 'jti', type: 'string', format: 'uuid', description: 'Identifier of the token', source: `${AT}, jti` },
  { name: 'auth_time', type: 'numericdate', description: 'Authentication time', source: `${AT}, auth_time` },
  { name: 'nonce', type: 'string', description: 'The nonce of the authorize request', source: `${AT}, nonce` },
  { name: 'acr', type: 'string', description: 'Level of Assurance, e.g. urn:bankid:bid;LOA=4', source: `${AT}, acr` },
  { name: 'amr', type: 'string-or-array', description: 'IDP option, e.g. "BID" (a string)', source: `${AT}, amr` },
  { name: 'bankid_altsub', type: 'string', format: 'no-pid', description: 'The BankID PID, e.g. 9578-6000-4-634582', source: `${AT}, bankid_altsub` },
  { name: 'originator', type: 'string', description: 'The bank that issued the BankID', source: `${AT}, originator` },
  { name: 'resource_claims', type: 'object', description: 'Resource-specific claims (empty in the sample)', source: `${AT}, resource_claims` },
];

const refreshToken: ClaimDoc[] = [
  { name: 'typ', type: 'string', expected: 'Refresh', description: 'Keycloak token type of a refresh token; signed HS256 with a realm secret', source: `${RT}, typ` },
  { name: 'aud', type: 'string-or-array', description: 'The issuer (realm URL) itself', source: `${RT}, aud` },
  { name: 'iss', type: 'string', description: 'The realm URL', source: `${RT}, iss` },
  { name: 'sub', type: 'string', description: 'The user id; equals the ID token sub', source: `${RT}, sub` },
  { name: 'azp', type: 'string', description: 'The client the token was issued to', source: `${RT}, azp` },
  { name: 'scope', type: 'string', description: 'Scopes of the session', source: `${RT}, scope` },
];

const tokenResponse: ClaimDoc[] = [
  { name: 'id_token', type: 'string', description: 'JWT encoded ID token (absent for client_credentials)', source: `${TR}, row id_token` },
  { name: 'access_token', type: 'string', required: true, description: 'JWT encoded access token', source: `${TR}, row access_token` },
  // No `expected`: 002 announces the change to "Bearer", and tr-token-type already reports the lower case.
  { name: 'token_type', type: 'string', required: true, description: 'Always "bearer"; change notice: will be changed to "Bearer"', source: `${TR}, row token_type` },
  { name: 'expires_in', type: 'integer', required: true, description: 'Lifetime of the access token in seconds (exp - iat of the access token)', source: `${TR}, row expires_in` },
  { name: 'refresh_token', type: 'string', description: 'JWT encoded refresh token', source: `${TR}, row refresh_token` },
  { name: 'refresh_expires_in', type: 'integer', description: 'Lifetime of the refresh token in seconds (Keycloak)', source: `${TR}, row refresh_expires_in` },
  { name: 'bankid_proof', type: 'string', description: 'JWT encoded BankID Proof token; only with the bankid_proof scope', source: `${TR}, row bankid_proof` },
  { name: 'not-before-policy', type: 'integer', description: 'Keycloak specific ("TBD" in 002)', source: `${TR}, row not-before-policy` },
  { name: 'session_state', type: 'string', description: 'Keycloak session id; deprecated, will be replaced by sid', source: `${TR}, row session_state` },
  { name: 'sid', type: 'string', description: 'Session ID', source: `${TR}, row sid` },
  { name: 'scope', type: 'string', description: 'Granted scopes (in the samples, not in the table)', source: '002 Example, token response scope' },
];

/**
 * BankID Norway OIDC (seeds 001, 002, 004): a Keycloak-based provider whose 001 tables give each claim a
 * support status (supported, must be added, under review, not supported). Issuers of current, preprod and
 * preview; TINFO userinfo is a signed JWS.
 */
export const bankidNoProfile: Profile = {
  id: 'bankid-no',
  name: 'BankID Norway',
  extends: 'keycloak',
  issuers: [
    'https://auth.current.bankid.no/auth/realms/current',
    'https://oidc-preprod.bankidapis.no/auth/realms/preprod',
    'https://preprod.bankidapis.no',
    'https://preview.bankidapis.no',
  ],
  hosts: ['auth.current.bankid.no', 'oidc-preprod.bankidapis.no', 'preprod.bankidapis.no', 'preview.bankidapis.no'],
  claims: {
    id_token: idToken,
    userinfo,
    access_token: accessToken,
    refresh_token: refreshToken,
    token_response: tokenResponse,
  },
  notes: [
    '001 lists the header fields alg (RS256), typ (JWT) and kid (bankid-oauth) among the ID token claims; the payload typ "ID" comes from 002.',
    '001 gives sub as a BankID PID (9578-5999-4-1765512) and 004 as 9578-6000-4-30799, while 002 uses a UUID sub and carries the PID in bankid_altsub: the profile sets no format on sub.',
    '001 gives acr "4" and amr "BankID"; 002 has acr "urn:bankid:bid;LOA=4" and amr "BID" (a string, not an array).',
    '001 marks preferred_username supported (tick) with the comment REV; the profile follows the tick.',
    '001 lists all_phone_numbers without a support icon; the profile treats it as a supported custom claim.',
    '001 address member table spells house_numer; the example and the profile use house_number.',
    '002 updated_at and the certificate dates in additionalCertInfo are in milliseconds.',
    '002 token_type is "bearer" (to be changed to "Bearer"); session_state is to be replaced by sid.',
    '002: the first "decoded Access Token" (preprod, 2017, azp Postman) does not match the access token printed beside it.',
    '002: the refresh token is signed HS256 with a realm secret (kid not in the JWKS), its aud is the issuer.',
    '004: the userinfo sub 9578-6000-4-30799 differs from the ID token sub of 002, so x-ui-sub fires between them.',
    '004: the example response is labelled Content-Type application/json although the text says the response is a signed JWS.',
  ],
};
