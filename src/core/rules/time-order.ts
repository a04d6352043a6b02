import { kindLabel } from './jws-subject.js';
import { describeTime, TIME_KINDS, timeClaim, timeClaimsOf } from './time-claims.js';
import type { ArtifactRule } from './types.js';
import { isKeycloakRefreshToken } from './util.js';

/**
 * time-order: the token's own times are consistent (RFC 7519 §4.1): exp after iat, and nbf not after exp.
 * Only numbers are compared (millisecond-looking values read as milliseconds); `exp: 0` on a Keycloak
 * refresh token (offline token) and `nbf: 0` count as absent. Does not compare with now.
 */
export const timeOrder: ArtifactRule = {
  id: 'time-order',
  scope: 'artifact',
  kinds: TIME_KINDS,
  check(a, ctx, report) {
    const claims = timeClaimsOf(a);
    if (!claims || typeof claims !== 'object') return;
    let exp = timeClaim(claims, 'exp');
    if (exp?.raw === 0 && isKeycloakRefreshToken(a, ctx)) exp = undefined;
    const iat = timeClaim(claims, 'iat');
    const nbf = timeClaim(claims, 'nbf');
    if (!exp) return;
    const what = kindLabel(a);
    if (iat && exp.seconds <= iat.seconds) {
      report({ claim: 'exp', message: `${what} ${describeTime('exp', exp)} is not after ${describeTime('iat', iat)}: it was never valid` });
    }
    if (nbf && nbf.raw !== 0 && nbf.seconds > exp.seconds) {
      report({ claim: 'nbf', message: `${what} ${describeTime('nbf', nbf)} is after ${describeTime('exp', exp)}: it can never be valid` });
    }
  },
};
