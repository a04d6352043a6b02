import { isoSeconds, relative } from '../util/time.js';
import { kindLabel } from './jws-subject.js';
import { describeTime, skewOf, TIME_KINDS, timeClaim, timeClaimsOf } from './time-claims.js';
import type { ArtifactRule } from './types.js';
import { isKeycloak, isNumber } from './util.js';

/**
 * nbf-future: the token is not valid yet, now < nbf - skew (RFC 7519 §4.1.5). `nbf: 0`, which old Keycloak
 * versions write, is info and otherwise treated as no nbf (the message names Keycloak only under a Keycloak
 * profile). A millisecond-looking value is read as
 * milliseconds. Does not report a non-numeric nbf (numericdate) and reads no clock.
 */
export const nbfFuture: ArtifactRule = {
  id: 'nbf-future',
  scope: 'artifact',
  kinds: TIME_KINDS,
  check(a, ctx, report) {
    const claims = timeClaimsOf(a);
    if (!claims || typeof claims !== 'object' || !isNumber(ctx.now)) return;
    const nbf = timeClaim(claims, 'nbf');
    if (!nbf) return;
    const what = kindLabel(a);
    if (nbf.raw === 0) {
      const legacy = isKeycloak(ctx, a) ? 'legacy Keycloak ' : '';
      report({ severity: 'info', claim: 'nbf', message: `${what} has ${legacy}nbf: 0, treated as no nbf` });
      return;
    }
    const skew = skewOf(ctx);
    if (ctx.now >= nbf.seconds - skew) return;
    report({ claim: 'nbf', message: `${what} not valid yet: ${describeTime('nbf', nbf)} is ${relative(nbf.seconds, ctx.now)} (now ${isoSeconds(ctx.now)}, skew ${skew} s)` });
  },
};
