import { isoSeconds, relative } from '../util/time.js';
import { kindLabel } from './jws-subject.js';
import { describeTime, skewOf, TIME_KINDS, timeClaim, timeClaimsOf } from './time-claims.js';
import type { Artifact, Occurrence } from '../model.js';
import type { ArtifactRule, RuleContext } from './types.js';
import { isKeycloakRefreshToken, isNumber, urlForMessage } from './util.js';

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

const issued = (o: { location: string }) => o.location.startsWith('response.json.') || o.location.startsWith('url.fragment.') || o.location.startsWith('response.form.') || o.location.startsWith('response.web_message.');

/** Where a token is received (issued to the client). */
const received = (o: Occurrence) => issued(o) || o.location === 'response.body';
/**
 * Where a token is used: sent as a credential. Not an `id_token_hint` (RP-Initiated Logout §2 lets the OP
 * accept expired hints) and not an introspection request (asking about an expired token is the point of it).
 */
const used = (o: Occurrence) =>
  (o.location.startsWith('request.') || o.location.startsWith('url.query.')) && !o.location.endsWith('.id_token_hint') && o.location !== 'request.form.token';

/** The first time the token was received already expired, or used after it expired. */
function lateOccurrence(a: Artifact, expiredAt: number): Occurrence | undefined {
  return a.occurrences.find((o) => o.exchangeId !== undefined && (received(o) || used(o)) && o.at / 1000 >= expiredAt);
}

/**
 * exp-passed: the token has expired (RFC 7519 §4.1.4; Core §3.1.3.7 step 9). For a token seen in captured
 * traffic the question is whether it was valid when it counted: received already expired, or sent as a
 * credential after exp + skew, is an error naming when and where; a token that merely expired by `ctx.now`
 * after its last use is info (and says so), as is one that a later token of the same kind in the same flow
 * superseded. A token given on its own (a file, a paste) is judged at `ctx.now`: expired is an error. A value
 * that looks like milliseconds is read as such. `exp: 0` on a Keycloak refresh token (an offline token) is
 * info. Does not report a missing or non-numeric exp (idt-required, numericdate); reads no clock.
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
    const captured = a.occurrences.some((o) => o.exchangeId !== undefined);
    if (captured) {
      const late = lateOccurrence(a, exp.seconds + skew);
      if (late) {
        const at = late.at / 1000;
        const how = received(late) ? `was received at ${isoSeconds(at)} already expired` : `was sent at ${isoSeconds(at)} to ${urlForMessage(late.url)}, ${relative(exp.seconds, at).replace(' ago', '')} after it expired`;
        report({ claim: 'exp', message: `${what} ${how} (${describeTime('exp', exp)}, skew ${skew} s)` });
        return;
      }
    }
    if (ctx.now < exp.seconds + skew) return;
    const message = `${what} expired: ${describeTime('exp', exp)}, expired ${relative(exp.seconds, ctx.now)} (now ${isoSeconds(ctx.now)}, skew ${skew} s)`;
    const newer = supersededBy(a, ctx);
    if (newer) {
      // A token replaced by a refresh is expected to expire: say so, without an error.
      report({ severity: 'info', claim: 'exp', message: `${message}; it was superseded by ${newer.id}, issued later in the same flow, as expected after a refresh` });
      return;
    }
    if (captured) {
      report({ severity: 'info', claim: 'exp', message: `${message}; it was not used after it expired, so this is no defect of the traffic` });
      return;
    }
    report({ claim: 'exp', message });
  },
};
