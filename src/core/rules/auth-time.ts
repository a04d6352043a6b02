import type { Artifact } from '../model.js';
import { isoSeconds, relative } from '../util/time.js';
import { authorizeRequestFor, issuedByRefresh } from './flow-helpers.js';
import { kindLabel } from './jws-subject.js';
import { describeTime, skewOf, TIME_KINDS, timeClaim, timeClaimsOf } from './time-claims.js';
import type { ArtifactRule, Reporter, RuleContext } from './types.js';
import type { Claims } from './util.js';
import { isNumber } from './util.js';

/** `max_age` of an authorize request: a non-negative integer string (or number), else undefined. */
function maxAgeOf(request: Artifact | undefined): number | undefined {
  const value = request?.claims?.max_age;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\d{1,12}$/.test(value)) return Number(value);
  return undefined;
}

function checkMaxAge(a: Artifact, claims: Claims, ctx: RuleContext, report: Reporter): void {
  // A refreshed ID token keeps the original auth_time (Core §12.2).
  if (a.kind !== 'id_token' || issuedByRefresh(a, ctx)) return;
  const maxAge = maxAgeOf(authorizeRequestFor(a, ctx));
  if (maxAge === undefined) return;
  if (!Object.hasOwn(claims, 'auth_time')) {
    report({ claim: 'auth_time', message: `ID token has no auth_time, but the authorize request sent max_age=${maxAge}, which makes it required` });
    return;
  }
  const authTime = timeClaim(claims, 'auth_time');
  const iat = timeClaim(claims, 'iat');
  if (!authTime || !iat) return;
  const skew = skewOf(ctx);
  if (authTime.seconds + maxAge + skew < iat.seconds) {
    const age = Math.round(iat.seconds - authTime.seconds);
    report({ severity: 'warning', claim: 'auth_time', message: `ID token ${describeTime('auth_time', authTime)} was ${age} s before it was issued, more than the requested max_age=${maxAge} (skew ${skew} s): the end-user should have been re-authenticated` });
  }
}

/**
 * auth-time: `auth_time` is not after `iat` nor in the future; when the flow's authorize request sent
 * `max_age`, an ID token must carry `auth_time`, and an authentication older than max_age at issue time is
 * a warning (Core §2, §3.1.3.7 step 13). The max_age part skips refreshed ID tokens (they keep the original
 * auth_time). Does not report a non-numeric auth_time (numericdate) and reads no clock.
 */
export const authTime: ArtifactRule = {
  id: 'auth-time',
  scope: 'artifact',
  kinds: TIME_KINDS,
  check(a, ctx, report) {
    const claims = timeClaimsOf(a);
    if (!claims || typeof claims !== 'object' || !isNumber(ctx.now)) return;
    const what = kindLabel(a);
    const skew = skewOf(ctx);
    const auth = timeClaim(claims, 'auth_time');
    const iat = timeClaim(claims, 'iat');
    if (auth && iat && auth.seconds > iat.seconds + skew) {
      report({ claim: 'auth_time', message: `${what} ${describeTime('auth_time', auth)} is after ${describeTime('iat', iat)}: the user cannot have authenticated after the token was issued (skew ${skew} s)` });
    }
    if (auth && auth.seconds > ctx.now + skew) {
      report({ claim: 'auth_time', message: `${what} ${describeTime('auth_time', auth)} is in the future, ${relative(auth.seconds, ctx.now)} (now ${isoSeconds(ctx.now)}, skew ${skew} s)` });
    }
    checkMaxAge(a, claims, ctx, report);
  },
};
