import type { ClaimDoc, Profile } from './types.js';

const TABLE = '003 Response Parameter Details';
const SAMPLE = '003 200 OK sample';

const clientClaims: ClaimDoc[] = [
  { name: 'sub', type: 'string', description: 'The client identifier', source: `${SAMPLE}, client_claims.sub` },
  { name: 'acr', type: 'string', description: 'How the client authenticated (empty in the sample)', source: `${SAMPLE}, client_claims.acr` },
  { name: 'domain', type: 'string', description: 'Client domain URN, e.g. urn:safelayer:eidas:domain:oauth:client', source: `${SAMPLE}, client_claims.domain` },
  { name: 'amr', type: 'string', description: 'Client authentication methods (empty string in the sample)', source: `${SAMPLE}, client_claims.amr` },
  { name: 'distinguished_name', type: 'string', description: 'Display name of the client application', source: `${SAMPLE}, client_claims.distinguished_name` },
  { name: 'name', type: 'string', description: 'Name of the client application', source: `${SAMPLE}, client_claims.name` },
];

const introspection: ClaimDoc[] = [
  { name: 'active', type: 'boolean', required: true, description: 'True if the token is valid; when false it is the only member', source: `${TABLE}, row active` },
  { name: 'token_type', type: 'string', expected: 'Bearer', description: 'Type of access token; always "Bearer"', source: `${TABLE}, row token_type` },
  { name: 'scope', type: 'string', description: 'Granted scopes, separated by spaces', source: `${TABLE}, row scope` },
  { name: 'exp', type: 'numericdate', description: 'When the token expires, seconds since 1970 (UTC)', source: `${TABLE}, row exp` },
  { name: 'iat', type: 'numericdate', description: 'When the token was issued, seconds since 1970 (UTC)', source: `${TABLE}, row iat` },
  { name: 'iss', type: 'string', description: 'Token issuer', source: `${TABLE}, row iss` },
  { name: 'client_id', type: 'string', description: 'Client identifier of the application the token was issued to', source: `${TABLE}, row client_id` },
  { name: 'client_claims', type: 'object', description: 'Attributes of the client application and how it authenticated', source: `${TABLE}, row client_claims`, members: clientClaims },
  { name: 'sub', type: 'string', description: 'User identifier (equals client_id in the sample)', source: `${TABLE}, row sub` },
  { name: 'user_claims', type: 'object', description: 'Claims of the user', source: `${TABLE}, row user_claims` },
  // `digits` on an integer means a non-negative integer (the table: 0 the first time).
  { name: 'times_verified', type: 'integer', format: 'digits', description: 'Times the token was verified before, not counting this one (0 the first time)', source: `${TABLE}, row times_verified` },
  { name: 'nbf', type: 'numericdate', description: 'Time before which the token is not valid', source: `${SAMPLE}, nbf` },
  { name: 'username', type: 'string', description: 'User name, e.g. admin@carbon.super', source: `${SAMPLE}, username` },
];

/**
 * UAE PASS token introspection (seed 003): RFC 7662 with Basic client authentication, plus client_claims,
 * user_claims and times_verified. An inactive answer with other members is an error under this profile.
 */
export const uaepassProfile: Profile = {
  id: 'uaepass',
  name: 'UAE PASS',
  extends: 'oidc',
  issuers: ['https://qa-ids.uaepass.ae:443/oauth2/token'],
  hosts: ['stg-id.uaepass.ae', 'id.uaepass.ae', 'qa-ids.uaepass.ae'],
  severity: { 'x-in-inactive-only': 'error' },
  claims: { introspection },
  notes: [
    '003: the inactive answer is documented as HTTP 400 with the invalid JSON {"active":false,} (trailing comma) instead of 200 with {"active":false}.',
    '003: the 200 OK sample lacks its opening "{".',
    '003: in the 200 sample sub equals client_id (sample_web_stage), i.e. a client token where a user id is expected.',
    '003: the text names the product "VNPASS" and TrustedX; the issuer in the sample carries the default port: https://qa-ids.uaepass.ae:443/oauth2/token.',
    '003: the token to introspect is documented as a "query" parameter but sent as a form field (--data-urlencode).',
  ],
};
