import type { ClaimDoc, Profile } from './types.js';

const idToken: ClaimDoc[] = [
  { name: 'iss', type: 'string', required: true, description: 'Issuer Identifier: https URL of the OpenID Provider, without query or fragment', source: 'Core §2, iss' },
  { name: 'sub', type: 'string', required: true, description: 'Subject Identifier: locally unique, never reassigned, at most 255 ASCII characters', source: 'Core §2, sub' },
  { name: 'aud', type: 'string-or-array', required: true, description: 'Audience: contains the client_id of the Relying Party', source: 'Core §2, aud' },
  { name: 'exp', type: 'numericdate', required: true, description: 'Expiration time, in seconds since 1970', source: 'Core §2, exp' },
  { name: 'iat', type: 'numericdate', required: true, description: 'Time the ID token was issued, in seconds since 1970', source: 'Core §2, iat' },
  { name: 'auth_time', type: 'numericdate', description: 'Time the End-User authenticated; required when max_age was requested', source: 'Core §2, auth_time' },
  { name: 'nonce', type: 'string', description: 'The nonce of the authentication request, passed through unmodified', source: 'Core §2, nonce' },
  { name: 'acr', type: 'string', description: 'Authentication Context Class Reference the authentication satisfied', source: 'Core §2, acr' },
  { name: 'amr', type: 'array', description: 'Authentication Methods References: array of strings', source: 'Core §2, amr' },
  { name: 'azp', type: 'string', description: 'Authorized party: the client_id the ID token was issued to', source: 'Core §2, azp' },
  { name: 'at_hash', type: 'string', description: 'Access token hash: base64url of the left half of the hash of the access token', source: 'Core §3.1.3.6, at_hash' },
  { name: 'c_hash', type: 'string', description: 'Code hash: base64url of the left half of the hash of the authorization code (hybrid flow)', source: 'Core §3.3.2.11, c_hash' },
  { name: 'sid', type: 'string', description: 'Session ID of the End-User session at the OP', source: 'OIDC Front-Channel Logout §3, sid' },
];

const address: ClaimDoc[] = [
  { name: 'formatted', type: 'string', description: 'Full mailing address, lines separated by newlines', source: 'Core §5.1.1, formatted' },
  { name: 'street_address', type: 'string', description: 'Street address, possibly several lines', source: 'Core §5.1.1, street_address' },
  { name: 'locality', type: 'string', description: 'City or locality', source: 'Core §5.1.1, locality' },
  { name: 'region', type: 'string', description: 'State, province, prefecture or region', source: 'Core §5.1.1, region' },
  { name: 'postal_code', type: 'string', description: 'Zip or postal code', source: 'Core §5.1.1, postal_code' },
  { name: 'country', type: 'string', description: 'Country name', source: 'Core §5.1.1, country' },
];

const userinfo: ClaimDoc[] = [
  { name: 'sub', type: 'string', required: true, description: 'Subject Identifier; must equal the ID token sub', source: 'Core §5.1, sub; §5.3.2' },
  { name: 'name', type: 'string', description: 'Full name in displayable form', source: 'Core §5.1, name' },
  { name: 'given_name', type: 'string', description: 'Given name(s) or first name(s)', source: 'Core §5.1, given_name' },
  { name: 'family_name', type: 'string', description: 'Surname(s) or last name(s)', source: 'Core §5.1, family_name' },
  { name: 'middle_name', type: 'string', description: 'Middle name(s)', source: 'Core §5.1, middle_name' },
  { name: 'nickname', type: 'string', description: 'Casual name', source: 'Core §5.1, nickname' },
  { name: 'preferred_username', type: 'string', description: 'Shorthand name; not unique, not a stable identifier', source: 'Core §5.1, preferred_username' },
  { name: 'profile', type: 'string', format: 'url', description: 'URL of the profile page', source: 'Core §5.1, profile' },
  { name: 'picture', type: 'string', format: 'url', description: 'URL of a profile picture', source: 'Core §5.1, picture' },
  { name: 'website', type: 'string', format: 'url', description: 'URL of a web page or blog', source: 'Core §5.1, website' },
  { name: 'email', type: 'string', format: 'email', description: 'Preferred e-mail address (RFC 5322 addr-spec)', source: 'Core §5.1, email' },
  { name: 'email_verified', type: 'boolean', description: 'True when the e-mail address was verified', source: 'Core §5.1, email_verified' },
  { name: 'gender', type: 'string', description: 'Gender: "female", "male" or another value', source: 'Core §5.1, gender' },
  { name: 'birthdate', type: 'string', description: 'Birthday as YYYY-MM-DD, or YYYY alone; year 0000 means omitted', source: 'Core §5.1, birthdate' },
  { name: 'zoneinfo', type: 'string', description: 'Time zone from the IANA database, e.g. Europe/Paris', source: 'Core §5.1, zoneinfo' },
  { name: 'locale', type: 'string', description: 'Locale as a BCP47 language tag, e.g. en-US', source: 'Core §5.1, locale' },
  { name: 'phone_number', type: 'string', format: 'phone', description: 'Preferred telephone number, E.164 recommended', source: 'Core §5.1, phone_number' },
  { name: 'phone_number_verified', type: 'boolean', description: 'True when the phone number was verified', source: 'Core §5.1, phone_number_verified' },
  { name: 'address', type: 'object', description: 'Preferred postal address', source: 'Core §5.1, address', members: address },
  { name: 'updated_at', type: 'numericdate', description: 'Time the information was last updated, in seconds since 1970', source: 'Core §5.1, updated_at' },
];

const accessToken: ClaimDoc[] = [
  { name: 'iss', type: 'string', required: true, description: 'Issuer of the access token', source: 'RFC 9068 §2.2, iss' },
  { name: 'exp', type: 'numericdate', required: true, description: 'Expiration time, in seconds since 1970', source: 'RFC 9068 §2.2, exp' },
  { name: 'aud', type: 'string-or-array', required: true, description: 'The resource server(s) the token is meant for', source: 'RFC 9068 §2.2, aud' },
  { name: 'sub', type: 'string', required: true, description: 'The resource owner, or the client for client_credentials', source: 'RFC 9068 §2.2, sub' },
  { name: 'client_id', type: 'string', required: true, description: 'The client the token was issued to', source: 'RFC 9068 §2.2, client_id' },
  { name: 'iat', type: 'numericdate', required: true, description: 'Time the token was issued, in seconds since 1970', source: 'RFC 9068 §2.2, iat' },
  { name: 'jti', type: 'string', required: true, description: 'Unique identifier of the token', source: 'RFC 9068 §2.2, jti' },
  { name: 'scope', type: 'string', description: 'Granted scopes, one space-delimited string', source: 'RFC 9068 §2.2.3, scope' },
  { name: 'auth_time', type: 'numericdate', description: 'Time the End-User authenticated', source: 'RFC 9068 §2.2.1, auth_time' },
  { name: 'acr', type: 'string', description: 'Authentication Context Class Reference', source: 'RFC 9068 §2.2.1, acr' },
  { name: 'amr', type: 'array', description: 'Authentication Methods References: array of strings', source: 'RFC 9068 §2.2.1, amr' },
];

const introspection: ClaimDoc[] = [
  { name: 'active', type: 'boolean', required: true, description: 'Whether the token is currently active', source: 'RFC 7662 §2.2, active' },
  { name: 'scope', type: 'string', description: 'Scopes of the token, one space-delimited string', source: 'RFC 7662 §2.2, scope' },
  { name: 'client_id', type: 'string', description: 'The client the token was issued to', source: 'RFC 7662 §2.2, client_id' },
  { name: 'username', type: 'string', description: 'Human-readable identifier of the resource owner', source: 'RFC 7662 §2.2, username' },
  { name: 'token_type', type: 'string', description: 'Type of the token, e.g. Bearer', source: 'RFC 7662 §2.2, token_type' },
  { name: 'exp', type: 'numericdate', description: 'Expiration time, in seconds since 1970', source: 'RFC 7662 §2.2, exp' },
  { name: 'iat', type: 'numericdate', description: 'Time the token was issued, in seconds since 1970', source: 'RFC 7662 §2.2, iat' },
  { name: 'nbf', type: 'numericdate', description: 'Time before which the token must not be used', source: 'RFC 7662 §2.2, nbf' },
  { name: 'sub', type: 'string', description: 'Subject of the token, usually the resource owner', source: 'RFC 7662 §2.2, sub' },
  { name: 'aud', type: 'string-or-array', description: 'Audience of the token', source: 'RFC 7662 §2.2, aud' },
  { name: 'iss', type: 'string', description: 'Issuer of the token', source: 'RFC 7662 §2.2, iss' },
  { name: 'jti', type: 'string', description: 'Identifier of the token', source: 'RFC 7662 §2.2, jti' },
];

const tokenResponse: ClaimDoc[] = [
  { name: 'access_token', type: 'string', required: true, description: 'The access token', source: 'RFC 6749 §5.1, access_token' },
  { name: 'token_type', type: 'string', required: true, description: 'Type of the access token, compared case-insensitively (Bearer)', source: 'RFC 6749 §5.1, token_type' },
  { name: 'expires_in', type: 'integer', description: 'Lifetime of the access token in seconds (recommended)', source: 'RFC 6749 §5.1, expires_in' },
  { name: 'refresh_token', type: 'string', description: 'Refresh token for new access tokens', source: 'RFC 6749 §5.1, refresh_token' },
  { name: 'scope', type: 'string', description: 'Granted scopes when they differ from the requested ones', source: 'RFC 6749 §5.1, scope' },
  { name: 'id_token', type: 'string', description: 'The ID token (OpenID Connect; required in the code flow)', source: 'Core §3.1.3.3, id_token' },
];

/**
 * Generic OpenID Connect: the standard claims of Core, RFC 9068, RFC 7662 and RFC 6749 with their types.
 * The rules of the catalogue check the required claims; this profile does not add provider expectations.
 */
export const oidcProfile: Profile = {
  id: 'oidc',
  name: 'Generic OpenID Connect',
  claims: {
    id_token: idToken,
    userinfo,
    access_token: accessToken,
    introspection,
    token_response: tokenResponse,
  },
};
