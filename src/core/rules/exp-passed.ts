import { isoSeconds, relative } from '../util/time.js';
import { kindLabel } from './jws-subject.js';
import { describeTime, skewOf, TIME_KINDS, timeClaim, timeClaimsOf } from './time-claims.js';
import type { ArtifactRule } from './types.js';
import { isKeycloakRefreshToken, isNumber } from './util.js';

/**
 * exp-passed: the token has expired, now >= exp + skew (RFC 7519 §4.1.4; Core §3.1.3.7 step 9). A value that
 * looks like milliseconds is read as such, and the message says so. `exp: 0` on a Keycloak refresh token
 * (an offline token without expiry) is info. Does not report a missing or non-numeric exp (idt-required,
 * numericdate) and reads no clock: `ctx.now` is the time of analysis.
 */
export const expPassed: ArtifactRule = {
  id: 'exp-passed',
  scope: 'artifact',
  kinds: TIME_KINDS,
  check(a, ctx, report) {
    const claims = timeClaimsOf(a);
    if (!claims || typeof claims !== 'object' || !isNumber(ctx.now)) return;
    const exp = timeClaim(claims, 'exp');
    if (!exp) return;
    const what = kindLabel(a);
    if (exp.raw === 0 && isKeycloakRefreshToken(a, ctx)) {
      report({ severity: 'info', claim: 'exp', message: `${what} exp 0: a Keycloak offline token without expiry, treated as no exp` });
      return;
    }
    const skew = skewOf(ctx);
    if (ctx.now < exp.seconds + skew) return;
    report({ claim: 'exp', message: `${what} expired: ${describeTime('exp', exp)}, expired ${relative(exp.seconds, ctx.now)} (now ${isoSeconds(ctx.now)}, skew ${skew} s)` });
  },
};
