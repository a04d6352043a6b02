import { keycloakProfile } from './keycloak.js';
import { oidcProfile } from './oidc.js';
import type { Profile } from './types.js';

/** The profiles shipped with the product, most specific first. */
export const BUILTIN_PROFILES: readonly Profile[] = [keycloakProfile, oidcProfile];
