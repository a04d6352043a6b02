import { formatIsoTime } from './iso-time.js';

/** The largest time a JavaScript date can hold, in milliseconds (ECMA-262 §21.4.1.1). */
const MAX_MS = 8.64e15;

/**
 * ISO 8601 UTC text of a unix-seconds time, e.g. `2021-08-18T11:27:37Z` (milliseconds shown only when there are
 * some). Never throws: "invalid time" for what no date can hold. Does not read the clock.
 */
export function isoSeconds(seconds: number): string {
  const ms = seconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_MS) return 'invalid time';
  return formatIsoTime(ms).replace('.000Z', 'Z');
}

/** "12 min ago" / "in 3 h 5 min" for a time relative to `now` (both unix seconds). */
export function relative(seconds: number, now: number): string {
  const diff = Math.round(seconds - now);
  const abs = Math.abs(diff);
  let text: string;
  if (abs < 60) text = `${abs} s`;
  else if (abs < 3600) text = `${Math.floor(abs / 60)} min${abs % 60 ? ` ${abs % 60} s` : ''}`;
  else if (abs < 86400 * 2) text = `${Math.floor(abs / 3600)} h${Math.floor((abs % 3600) / 60) ? ` ${Math.floor((abs % 3600) / 60)} min` : ''}`;
  else text = `${Math.floor(abs / 86400)} days`;
  if (diff === 0) return 'now';
  return diff < 0 ? `${text} ago` : `in ${text}`;
}
