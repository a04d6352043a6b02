/**
 * NumericDate claims as the panel shows them: UTC, local time and a phrase relative to now ("expired 12 min ago").
 * Pure apart from reading the local time zone through `Date`.
 */
import type { ClaimDoc } from '../../core/index.js';
import { isoSeconds, numericDateSeconds, relative } from '../../core/index.js';
import { NUMERIC_DATE_CLAIMS } from '../../core/rules/time-claims.js';

/** One NumericDate value, read and formatted. */
export interface ClaimTime {
  /** The claim, or the dotted path of a member (`additionalCertInfo.certValidTo`). */
  path: string;
  /** Unix seconds (the value divided by 1000 when it looked like milliseconds). */
  seconds: number;
  /** The value was above 10^11 and read as milliseconds. */
  millis: boolean;
  /** ISO 8601 UTC, e.g. `2021-08-18T11:27:37Z`. */
  utc: string;
  /** Local time with its offset, e.g. `2021-08-18 13:27:37 UTC+02:00`. */
  local: string;
  /** Relative to now, worded for the claim: "expired 12 min ago", "expires in 3 min", "issued 2 min ago". */
  relative: string;
}

/** [when in the past, when in the future] verbs per claim name. */
const VERBS: Readonly<Record<string, readonly [string, string]>> = {
  exp: ['expired', 'expires'],
  iat: ['issued', 'issued'],
  nbf: ['became valid', 'becomes valid'],
  auth_time: ['authenticated', 'authenticated'],
  updated_at: ['updated', 'updated'],
};

/**
 * Whether a claim is read as a NumericDate: the five the engine reads as such (exp, nbf, iat, auth_time,
 * updated_at) or one its doc types `numericdate`. Does not look at the value.
 */
export function isTimeClaim(name: string, doc?: ClaimDoc): boolean {
  return doc?.type === 'numericdate' || NUMERIC_DATE_CLAIMS.includes(name);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Local date and time with the zone's offset, e.g. `2021-08-18 13:27:37 UTC+02:00`; "invalid time" when no date holds it. */
export function localTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return 'invalid time';
  const offset = -date.getTimezoneOffset();
  const year = date.getFullYear();
  const day = `${year < 0 ? '-' : ''}${pad(year, 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${day} ${time} UTC${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** A signed duration, e.g. "+25 min 44 s", "-5 s", "0 s". Does not round beyond core `relative()`'s units. */
export function formatDelta(seconds: number): string {
  if (Math.round(seconds) === 0) return '0 s';
  // relative(|d|, 0) is "in <duration>": the same units as every other time in the panel.
  return `${seconds < 0 ? '-' : '+'}${relative(Math.abs(seconds), 0).replace(/^in /, '')}`;
}

/**
 * The time of a claim value at `now` (unix seconds), or `undefined` when the value is not a finite number.
 * Does not decide whether the claim is a time claim (see {@link isTimeClaim}) nor judge the value (the rules do).
 */
export function claimTime(path: string, value: unknown, now: number): ClaimTime | undefined {
  const seconds = numericDateSeconds(value);
  if (seconds === undefined) return undefined;
  const utc = isoSeconds(seconds);
  const rel = relative(seconds, now);
  const verbs = VERBS[path];
  const past = seconds <= now;
  return {
    path,
    seconds,
    millis: seconds !== value,
    utc,
    local: utc === 'invalid time' ? utc : localTime(seconds),
    relative: utc === 'invalid time' ? '' : verbs ? `${past ? verbs[0] : verbs[1]} ${rel}` : rel,
  };
}
