import type { ClaimDoc, Profile } from './types.js';

const TOKEN = '000 Token Structure';
const USERINFO = '000 Userinfo Response Parameters';

const accessToken: ClaimDoc[] = [
  { name: 'exp', type: 'numericdate', required: true, description: 'Expiration time, Unix seconds (sample 1728241188)', source: `${TOKEN}, exp` },
  { name: 'iat', type: 'numericdate', required: true, description: 'Time the token was issued, Unix seconds (sample 1728239388)', source: `${TOKEN}, iat` },
  { name: 'iss', type: 'string', required: true, description: 'Issuer: the BirID realm URL', source: `${TOKEN}, iss` },
  { name: 'aud', type: 'string-or-array', required: true, expected: 'account', description: 'Audience: the Keycloak "account" service', source: `${TOKEN}, aud` },
  { name: 'sub', type: 'string', format: 'uuid', required: true, description: 'BirID user id (UUID)', source: `${TOKEN}, sub` },
  { name: 'preferred_username', type: 'string', format: 'digits', required: true, description: 'Login phone number, digits only (e.g. 994705105514)', source: `${TOKEN}, preferred_username` },
  { name: 'typ', type: 'string', required: true, expected: 'Bearer', description: 'Keycloak token type of an access token', source: `${TOKEN}, typ` },
  { name: 'azp', type: 'string', required: true, description: 'The client the token was issued to (e.g. "umico")', source: `${TOKEN}, azp` },
  { name: 'sid', type: 'string', format: 'uuid', required: true, description: 'Session id (UUID)', source: `${TOKEN}, sid` },
  {
    name: 'scope',
    type: 'string',
    required: true,
    expected: 'openid',
    description: 'Granted scopes; contains openid (the text says "openid email profile", the sample "openid")',
    source: `${TOKEN}, scope (text vs sample)`,
  },
];

const statusMembers = (field: string, example: string): ClaimDoc[] => [
  { name: 'id', type: 'integer', description: `Numeric identifier of the ${field}`, source: `${USERINFO}, row ${field}.id` },
  { name: 'value', type: 'string', description: `Textual ${field} (e.g. ${example})`, source: `${USERINFO}, row ${field}.value` },
];

const userinfo: ClaimDoc[] = [
  { name: 'id', type: 'string', format: 'uuid', required: true, description: 'Unique identifier of the user; equals the access token sub', source: `${USERINFO}, row id` },
  { name: 'username', type: 'string', required: true, description: 'Login identifier (phone number); equals the access token preferred_username', source: `${USERINFO}, row username` },
  { name: 'firstName', type: 'string', description: "User's first name", source: `${USERINFO}, row firstName` },
  { name: 'lastName', type: 'string', description: "User's last name", source: `${USERINFO}, row lastName` },
  { name: 'patronymic', type: 'string', description: "Middle name or father's name (patronymic)", source: `${USERINFO}, row patronymic` },
  { name: 'pin', type: 'string', description: 'Personal Identification Number (national ID code)', source: `${USERINFO}, row pin` },
  { name: 'idCardNumber', type: 'string', description: "User's identity card number", source: `${USERINFO}, row idCardNumber` },
  { name: 'profilePicture', type: 'string', format: 'url', description: "URL of the user's profile picture", source: `${USERINFO}, row profilePicture` },
  { name: 'birthDate', type: 'string', format: 'date', description: "User's date of birth (YYYY-MM-DD)", source: `${USERINFO}, row birthDate` },
  { name: 'resident', type: 'boolean', description: 'Whether the user is a resident', source: `${USERINFO}, row resident` },
  { name: 'active', type: 'boolean', description: 'Whether the user account is active', source: `${USERINFO}, row active` },
  { name: 'verificationStatus', type: 'object', description: 'Verification status { id, value }', source: `${USERINFO}, rows verificationStatus.*`, members: statusMembers('verificationStatus', '"Verified"') },
  { name: 'gender', type: 'object', description: 'Gender { id, value } (not the standard gender string)', source: `${USERINFO}, rows gender.*`, members: statusMembers('gender', '"Male", "Female"') },
];

/**
 * Kapitalbank BirID (seed 000): a Keycloak realm whose userinfo endpoint (on another host) returns its own
 * members instead of the standard claims. The missing standard userinfo `sub` is info under this profile.
 */
export const biridProfile: Profile = {
  id: 'birid',
  name: 'Kapitalbank BirID',
  extends: 'keycloak',
  issuers: ['https://testsso.kapitalbank.az/realms/birid'],
  hosts: ['testsso.kapitalbank.az', 'dmzid.kapitalbank.az'],
  severity: { 'ui-sub': 'info' },
  claims: {
    access_token: accessToken,
    userinfo,
  },
  crossChecks: [
    { userinfo: 'id', token: 'access_token', claim: 'sub', severity: 'warning', source: `${USERINFO}, row id; ${TOKEN}, sub` },
    { userinfo: 'username', token: 'access_token', claim: 'preferred_username', severity: 'warning', source: `${USERINFO}, row username; ${TOKEN}, preferred_username` },
  ],
  notes: [
    '000: the Token Structure sample is not valid JSON: a comma is missing after "scope": "openid" and there is a trailing comma after the sub member.',
    '000: the text describes scope as "openid email profile" while the sample has "openid"; the profile only expects scope to contain openid.',
    '000: the userinfo table gives the path /v1/openid-connect/userinfo, the curl example /api/v1/openid-connect/userinfo on dmzid.kapitalbank.az (another host than the issuer).',
    '000: userinfo has no standard sub; the user id is in id (a UUID equal to the access token sub).',
  ],
};
