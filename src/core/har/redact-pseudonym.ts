/**
 * Replacements for personal values that keep the value's format, so that a redacted export is analysed like the
 * original: the provider profiles check that a `sub` is a UUID, a birth date a date, a PID or phone number digits,
 * and a redacted value must not make those checks fail where the real one passed.
 */
import { HASH_PREFIX, hashText } from './redact-hash.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Digits with the separators of phone numbers, ids and PIDs (`+47 958 71 775`, `9578-5999-4-1765512`). */
const NUMBERISH = /^[+-]?[0-9][0-9 ().-]*$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const HTTP_URL = /^(https?):\/\//i;

/** The byte at `i` of the digest, wrapping around (values longer than the digest reuse it, which is fine here). */
const byte = (digest: Uint8Array, i: number) => digest[i % digest.length]!;

/** Every digit replaced by one from the digest, other characters kept; a leading non-zero digit stays non-zero. */
function digits(value: string, digest: Uint8Array): string {
  let n = 0;
  let first = true;
  let out = '';
  for (const c of value) {
    if (c < '0' || c > '9') {
      out += c;
      continue;
    }
    const d = first && c !== '0' ? 1 + (byte(digest, n) % 9) : byte(digest, n) % 10;
    out += String(d);
    first = false;
    n++;
  }
  return out;
}

function uuid(value: string, digest: Uint8Array): string {
  let n = 0;
  const hex = value.replace(/[0-9a-f]/gi, () => (byte(digest, n++) % 16).toString(16));
  return value === value.toUpperCase() ? hex.toUpperCase() : hex;
}

function date(digest: Uint8Array): string {
  const year = 1900 + (byte(digest, 0) % 100);
  const month = 1 + (byte(digest, 1) % 12);
  const day = 1 + (byte(digest, 2) % 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The replacement of a personal value, a function of the value and its salted digest only (equal values get equal
 * replacements): a UUID becomes a UUID, a date a valid date, digits (phone numbers, PIDs, national ids, also JSON
 * numbers) other digits with the same separators, an e-mail address `redacted-<hash>@redacted.invalid`, an http(s)
 * URL `<scheme>://redacted.invalid/<hash>`; anything else (names, addresses) `redacted:<hash>`. Does not keep
 * letters, lengths of names or any part of an address; short digit strings may collide (a 4-digit PIN has 10,000
 * replacements).
 */
export function pseudonym(value: string, digest: Uint8Array): string {
  const hash = hashText(digest);
  if (UUID.test(value)) return uuid(value, digest);
  if (DATE.test(value)) return date(digest);
  if (NUMBERISH.test(value)) return digits(value, digest);
  if (EMAIL.test(value)) return `redacted-${hash}@redacted.invalid`;
  const url = HTTP_URL.exec(value);
  if (url) return `${url[1]}://redacted.invalid/${hash}`;
  return HASH_PREFIX + hash;
}
