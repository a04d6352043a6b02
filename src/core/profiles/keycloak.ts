import type { Profile } from './types.js';

/** Keycloak: payload `typ`, `session_state`, `not-before-policy`, `refresh_expires_in`, realm-secret refresh tokens. */
export const keycloakProfile: Profile = {
  id: 'keycloak',
  name: 'Keycloak',
  extends: 'oidc',
  keycloak: true,
};
