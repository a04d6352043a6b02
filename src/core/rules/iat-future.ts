import { isoSeconds, relative } from '../util/time.js';
import { kindLabel } from './jws-subject.js';
import { describeTime, skewOf, TIME_KINDS, timeClaim, timeClaimsOf } from './time-claims.js';
import type { ArtifactRule } from './types.js';
import { isNumber } from './util.js';

/**
 * iat-future: the token says it was issued in the future, iat > now + skew (Core §3.1.3.7 step 10); usually
 * a clock out of sync. A millisecond-looking value is read as milliseconds. Does not judge how old a token
 * is and does not report a non-numeric iat (numericdate). Reads no clock.
 */
export const iatFuture: ArtifactRule = {
  id: 'iat-future',
  scope: 'artifact',
  kinds: TIME_KINDS,
  check(a, ctx, report) {
    const claims = timeClaimsOf(a);
    if (!claims || typeof claims !== 'object' || !isNumber(ctx.now)) return;
    const iat = timeClaim(claims, 'iat');
    if (!iat) return;
    const skew = skewOf(ctx);
    if (iat.seconds <= ctx.now + skew) return;
    report({ claim: 'iat', message: `${kindLabel(a)} issued in the future: ${describeTime('iat', iat)} is ${relative(iat.seconds, ctx.now)} (now ${isoSeconds(ctx.now)}, skew ${skew} s); check the clocks` });
  },
};
