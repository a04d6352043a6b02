import type { ArtifactRule } from './types.js';
import { isKeycloak, show } from './util.js';

/** The algorithms Keycloak signs refresh tokens with, keyed with the realm's own secret. */
const REALM_SECRET_ALGS: readonly string[] = ['HS256', 'HS512'];

/**
 * rt-opaque: under a Keycloak profile, a refresh token signed HS256/HS512 whose signature could not be checked
 * (unverifiable, no key, not checked, or no check at all) is keyed with the realm's own secret, which no client
 * has: an info saying it is unverifiable here, not an error. Gives no finding outside Keycloak profiles, for
 * other algorithms, and for a signature that verified or was found invalid. Does not verify anything itself.
 */
export const rtOpaque: ArtifactRule = {
  id: 'rt-opaque',
  scope: 'artifact',
  kinds: ['refresh_token'],
  check(a, ctx, report) {
    if (!isKeycloak(ctx, a)) return;
    const alg = a.jwt?.header?.alg;
    if (typeof alg !== 'string' || !REALM_SECRET_ALGS.includes(alg)) return;
    const status = a.signature?.status;
    if (status === 'valid' || status === 'invalid') return;
    const kidValue = a.jwt?.header?.kid ?? a.signature?.kid;
    const kid = kidValue === undefined ? 'no kid' : `kid ${show(kidValue)}`;
    report({
      message: `Keycloak refresh token signed with the realm's own secret (${alg}, ${kid}): unverifiable here, not an error; only Keycloak reads it`,
    });
  },
};
