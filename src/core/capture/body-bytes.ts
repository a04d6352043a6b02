/** The bytes of a captured body, for comparing what two capture sources saw of one request. */
import { base64url } from 'jose';
import type { Body } from '../model.js';

/**
 * The body's bytes: base64 decoded (standard or URL-safe alphabet, padded or not), text encoded as UTF-8.
 * `undefined` when a base64 body does not decode. Does not apply a declared charset: two sources that both
 * saw text compare as text, and a source that saw bytes of a non-UTF-8 body may then differ (merge treats
 * that as "different requests", the safe side).
 */
export function bodyBytes(body: Body): Uint8Array | undefined {
  if (body.encoding !== 'base64') return new TextEncoder().encode(body.text);
  const url = body.text.replace(/[+/=\s]/g, (c) => (c === '+' ? '-' : c === '/' ? '_' : ''));
  try {
    return base64url.decode(url);
  } catch {
    return undefined;
  }
}

/** True when `prefix` is the start of `whole` (or equal to it). */
function startsWith(whole: Uint8Array, prefix: Uint8Array): boolean {
  if (prefix.length > whole.length) return false;
  for (let i = 0; i < prefix.length; i++) if (whole[i] !== prefix[i]) return false;
  return true;
}

/**
 * Whether two captures of a body can be the same body: equal bytes, or a truncated one is a prefix of the other.
 * A body whose bytes cannot be read is compatible with anything (it proves nothing). Does not look at mime types.
 */
export function bodiesCompatible(a: Body, b: Body): boolean {
  const x = bodyBytes(a);
  const y = bodyBytes(b);
  if (x === undefined || y === undefined) return true;
  if (a.truncated && startsWith(y, x)) return true;
  if (b.truncated && startsWith(x, y)) return true;
  return x.length === y.length && startsWith(x, y);
}

/** The JSON value of a body, re-serialised; undefined when it does not decode or parse. */
function canonicalJson(body: Body): string | undefined {
  const bytes = bodyBytes(body);
  if (!bytes) return undefined;
  try {
    return JSON.stringify(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    return undefined;
  }
}

/**
 * Whether two complete bodies hold the same JSON value written differently (whitespace, escapes): the page hook
 * re-serialises an XHR's `json` response. Member order counts; duplicate names keep the last, as `JSON.parse`
 * does. False when either is truncated or not JSON.
 */
export function sameJson(a: Body, b: Body): boolean {
  if (a.truncated || b.truncated) return false;
  const x = canonicalJson(a);
  return x !== undefined && x === canonicalJson(b);
}
