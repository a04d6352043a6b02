import type { Profile } from './types.js';

/** Generic OpenID Connect: the standard rules, no provider-specific expectations. */
export const oidcProfile: Profile = {
  id: 'oidc',
  name: 'Generic OpenID Connect',
};
