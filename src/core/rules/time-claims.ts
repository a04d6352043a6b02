import type { Artifact, ArtifactKind } from '../model.js';
import { numericDateSeconds } from '../util/numeric-date.js';
import { isoSeconds } from '../util/time.js';
import type { RuleContext } from './types.js';
import type { Claims } from './util.js';
import { isNumber } from './util.js';

export { MILLIS_THRESHOLD } from '../util/numeric-date.js';

/** The clock skew the catalogue allows by default, in seconds; used only when `ctx.skew` is not a number. */
export const DEFAULT_SKEW = 60;

/** The largest clock skew the catalogue allows, in seconds; a larger configured skew is clamped, not rejected. */
export const MAX_SKEW = 300;

/** Kinds the time rules run on; userinfo only counts when signed (see {@link timeClaimsOf}). Not introspection (x-in-vs-jwt). */
export const TIME_KINDS: readonly ArtifactKind[] = ['id_token', 'access_token', 'refresh_token', 'jwt', 'userinfo'];

/** The five claims the catalogue reads as NumericDate. Nested members (e.g. BankID's `certValidFrom`) are not included. */
export const NUMERIC_DATE_CLAIMS: readonly string[] = ['exp', 'nbf', 'iat', 'auth_time', 'updated_at'];

/** `ctx.skew` clamped to 0..300 s; the default (60 s) when it is not a finite number. Reads no clock. */
export function skewOf(ctx: RuleContext): number {
  if (!isNumber(ctx.skew)) return DEFAULT_SKEW;
  return Math.min(Math.max(ctx.skew, 0), MAX_SKEW);
}

/**
 * The claims the time rules judge: a token's payload, or a signed userinfo's payload. `undefined` for plain
 * JSON userinfo and for artifacts without claims. Does not check any value.
 */
export function timeClaimsOf(a: Artifact): Claims | undefined {
  if (a.kind === 'userinfo' && !a.jwt) return undefined;
  return a.claims;
}

/** A time claim read as seconds. */
export interface TimeValue {
  /** The value in unix seconds (divided by 1000 when it looked like milliseconds). */
  seconds: number;
  /** The value as written in the claim. */
  raw: number;
  /** The raw value was above {@link MILLIS_THRESHOLD} and was read as milliseconds. */
  millis: boolean;
}

/**
 * Reads a time claim as seconds: finite JSON numbers only; a value above 10^11 is read as milliseconds.
 * `undefined` for a missing or non-numeric claim (numericdate reports those). Does not reject negatives.
 */
export function timeClaim(claims: Claims, name: string): TimeValue | undefined {
  const raw = claims[name];
  const seconds = numericDateSeconds(raw);
  if (seconds === undefined || !isNumber(raw)) return undefined;
  return { seconds, raw, millis: seconds !== raw };
}

/**
 * A time value for a message: `2021-08-18T11:32:37Z`, plus a note when it was read as milliseconds.
 * Does not say anything relative to now.
 */
export function describeTime(name: string, t: TimeValue): string {
  const iso = isoSeconds(t.seconds);
  return t.millis ? `${name} ${t.raw} (read as milliseconds: ${iso})` : `${name} ${t.raw} (${iso})`;
}
