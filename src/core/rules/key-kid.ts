import { headerOf, JWS_KINDS, kindLabel } from './jws-subject.js';
import type { ArtifactRule } from './types.js';
import { isKeycloakRefreshToken, show } from './util.js';

/**
 * key-kid: the `kid` selects exactly one key of the issuer's JWKS (Core §10.1, §10.1.1): several keys and no
 * `kid`, or a `kid` still unknown after one refetch, is an error. Reads the verifier's result in
 * `a.signature`; does not fetch or look up keys itself. Keycloak refresh tokens are left to rt-opaque.
 */
export const keyKid: ArtifactRule = {
  id: 'key-kid',
  scope: 'artifact',
  kinds: JWS_KINDS,
  check(a, ctx, report) {
    const sig = a.signature;
    if (!sig || typeof sig !== 'object') return;
    if (isKeycloakRefreshToken(a, ctx)) return;
    const what = kindLabel(a);
    const source = typeof sig.keySource === 'string' && sig.keySource !== '' ? sig.keySource : "the issuer's JWKS";
    if (sig.ambiguous === true) {
      report({ message: `${what} header has no kid and ${source} has several keys for alg ${show(sig.alg ?? headerOf(a)?.alg)}: the key is ambiguous` });
    }
    if (sig.unknownKid === true) {
      const kid = sig.kid ?? headerOf(a)?.kid;
      report({ message: `${what} kid ${show(kid)} is not in ${source}, also after refetching it once` });
    }
  },
};
