import { isoSeconds, relative } from '../util/time.js';
import { kindLabel } from './jws-subject.js';
import { describeTime, skewOf, TIME_KINDS, timeClaim, timeClaimsOf } from './time-claims.js';
import type { Artifact } from '../model.js';
import type { ArtifactRule, RuleContext } from './types.js';
import { isKeycloakRefreshToken, isNumber } from './util.js';

/** A token of the same kind issued later in the same flow (a refresh replaced it), if any. */
function supersededBy(a: Artifact, ctx: RuleContext): Artifact | undefined {
  const flow = ctx.flowOf(a);
  if (!flow || !a.occurrences.some(issued)) return undefined;
  for (const id of flow.artifacts) {
    const other = ctx.artifact(id);
    if (other && other !== a && other.kind === a.kind && other.at > a.at && other.occurrences.some(issued)) return other;
  }
  return undefined;
}

const issued = (o: { location: string }) => o.location.startsWith('response.json.') || o.location.startsWith('url.fragment.') || o.location.startsWith('response.form.');

/**
 * exp-passed: the token has expired, now >= exp + skew (RFC 7519 §4.1.4; Core §3.1.3.7 step 9). A value that
 * looks like milliseconds is read as such, and the message says so. `exp: 0` on a Keycloak refresh token
 * (an offline token without expiry) is info, and so is the expiry of a token that a later token of the same kind in
 * the same flow superseded (a refresh replaced it). Does not report a missing or non-numeric exp (idt-required,
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
    const message = `${what} expired: ${describeTime('exp', exp)}, expired ${relative(exp.seconds, ctx.now)} (now ${isoSeconds(ctx.now)}, skew ${skew} s)`;
    const newer = supersededBy(a, ctx);
    if (newer) {
      // A token replaced by a refresh is expected to expire: say so, without an error.
      report({ severity: 'info', claim: 'exp', message: `${message}; it was superseded by ${newer.id}, issued later in the same flow, as expected after a refresh` });
      return;
    }
    report({ claim: 'exp', message });
  },
};
