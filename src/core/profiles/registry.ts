import { bankidNoProfile } from './bankid-no.js';
import { biridProfile } from './birid.js';
import { keycloakProfile } from './keycloak.js';
import { oidcProfile } from './oidc.js';
import type { Profile } from './types.js';
import { uaepassProfile } from './uaepass.js';

/** The profiles shipped with the product, most specific first. Unresolved: `extends` is not merged in (see resolveProfile). */
export const BUILTIN_PROFILES: readonly Profile[] = [biridProfile, bankidNoProfile, uaepassProfile, keycloakProfile, oidcProfile];
