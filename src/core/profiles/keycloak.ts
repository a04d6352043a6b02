import type { ClaimDoc, Profile } from './types.js';

const session: ClaimDoc[] = [
  { name: 'session_state', type: 'string', description: 'Keycloak user session id (legacy; newer Keycloak also sends sid)', source: 'Keycloak, session_state' },
  { name: 'sid', type: 'string', description: 'Keycloak user session id', source: 'Keycloak, sid' },
  { name: 'azp', type: 'string', description: 'The client the token was issued to (Keycloak sends no client_id claim)', source: 'Keycloak, azp' },
];

const roles: ClaimDoc[] = [
  { name: 'realm_access', type: 'object', description: 'Realm roles of the user: { roles: [...] }', source: 'Keycloak, realm_access', members: [{ name: 'roles', type: 'array', description: 'Realm role names', source: 'Keycloak, realm_access.roles' }] },
  { name: 'resource_access', type: 'object', description: 'Client roles of the user per client id: { <client>: { roles: [...] } }', source: 'Keycloak, resource_access' },
  { name: 'allowed-origins', type: 'array', description: 'Web origins allowed for CORS with this token', source: 'Keycloak, allowed-origins' },
];

// Keycloak's payload `typ` is left without `expected` here: the x-kc-typ rule compares it with the token's role.
const idToken: ClaimDoc[] = [
  { name: 'typ', type: 'string', description: 'Keycloak token type: "ID" for an ID token', source: 'Keycloak, payload typ' },
  ...session,
];

const accessToken: ClaimDoc[] = [
  { name: 'typ', type: 'string', description: 'Keycloak token type: "Bearer" for an access token', source: 'Keycloak, payload typ' },
  ...session,
  ...roles,
  { name: 'scope', type: 'string', description: 'Granted scopes, one space-delimited string', source: 'Keycloak, scope' },
];

const refreshToken: ClaimDoc[] = [
  { name: 'typ', type: 'string', description: 'Keycloak token type: "Refresh", or "Offline" for an offline token', source: 'Keycloak, payload typ' },
  { name: 'iss', type: 'string', description: 'The realm URL', source: 'Keycloak, refresh token iss' },
  { name: 'aud', type: 'string-or-array', description: 'The realm URL (the token is for the token endpoint only)', source: 'Keycloak, refresh token aud' },
  { name: 'sub', type: 'string', description: 'The user id; equals the ID token sub', source: 'Keycloak, refresh token sub' },
  { name: 'exp', type: 'numericdate', description: 'Expiration time (0 or absent for offline tokens)', source: 'Keycloak, refresh token exp' },
  { name: 'iat', type: 'numericdate', description: 'Time the token was issued', source: 'Keycloak, refresh token iat' },
  { name: 'jti', type: 'string', description: 'Identifier of the token', source: 'Keycloak, refresh token jti' },
  ...session,
  { name: 'scope', type: 'string', description: 'Scopes of the session, one space-delimited string', source: 'Keycloak, scope' },
];

const tokenResponse: ClaimDoc[] = [
  { name: 'refresh_expires_in', type: 'integer', description: 'Lifetime of the refresh token in seconds; 0 for an offline token', source: 'Keycloak, refresh_expires_in' },
  { name: 'not-before-policy', type: 'integer', description: 'Time before which tokens of the realm or client are revoked (0: none)', source: 'Keycloak, not-before-policy' },
  { name: 'session_state', type: 'string', description: 'Keycloak user session id', source: 'Keycloak, session_state' },
];

/**
 * Keycloak: the payload `typ` values, `session_state`/`sid`, realm and client roles, `refresh_expires_in`,
 * `not-before-policy`. Severity changes that depend on Keycloak are made by the rules themselves (they read
 * `keycloak: true`), so this profile has no severity map.
 */
export const keycloakProfile: Profile = {
  id: 'keycloak',
  name: 'Keycloak',
  extends: 'oidc',
  keycloak: true,
  claims: {
    id_token: idToken,
    access_token: accessToken,
    refresh_token: refreshToken,
    token_response: tokenResponse,
  },
  notes: [
    'Keycloak writes the header as {"alg":"RS256","typ" : "JWT","kid" : "..."} (whitespace inside the JSON is legal) and access tokens with header typ JWT, not at+jwt.',
    'Keycloak refresh tokens are signed HS256/HS512 with a realm secret whose kid is not in the JWKS: they cannot be verified by a client.',
  ],
};
