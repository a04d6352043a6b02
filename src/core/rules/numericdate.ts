import { isoSeconds } from '../util/time.js';
import { kindLabel } from './jws-subject.js';
import { MILLIS_THRESHOLD, NUMERIC_DATE_CLAIMS } from './time-claims.js';
import type { ArtifactRule } from './types.js';
import { show } from './util.js';

/** What is wrong with a non-number, in words. */
function describeNonNumber(value: unknown): string {
  if (typeof value === 'number') return `${value}, not a finite number`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array ${show(value)}`;
  const type = typeof value;
  return `${type === 'object' || type === 'undefined' ? 'an' : 'a'} ${type} ${show(value)}`;
}

/**
 * numericdate: `exp`, `nbf`, `iat`, `auth_time` and `updated_at` are JSON numbers of seconds (RFC 7519 §2,
 * §4.1.4-6; Core §2, §5.1): a non-number or negative number is an error, a value above 10^11 a warning
 * (probably milliseconds). Does not compare times with now or with each other (exp-passed, time-order...).
 */
export const numericdate: ArtifactRule = {
  id: 'numericdate',
  scope: 'artifact',
  kinds: ['id_token', 'access_token', 'refresh_token', 'jwt', 'userinfo', 'introspection'],
  check(a, _ctx, report) {
    const claims = a.claims;
    if (!claims || typeof claims !== 'object') return;
    const what = kindLabel(a);
    for (const name of NUMERIC_DATE_CLAIMS) {
      if (!Object.hasOwn(claims, name)) continue;
      const value = claims[name];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        report({ claim: name, message: `${what} ${name} is ${describeNonNumber(value)}; expected a JSON number of seconds since 1970` });
      } else if (value < 0) {
        report({ claim: name, message: `${what} ${name} ${value} is negative; expected seconds since 1970` });
      } else if (value > MILLIS_THRESHOLD) {
        const asMillis = isoSeconds(value / 1000);
        const reading = asMillis === 'invalid time' ? '' : ` (${asMillis} if read as milliseconds)`;
        report({ severity: 'warning', claim: name, message: `${what} ${name} ${value} is probably milliseconds${reading}; NumericDate is seconds since 1970` });
      }
    }
  },
};
