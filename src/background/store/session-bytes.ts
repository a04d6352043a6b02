/**
 * What a value costs in `storage.session`, measured the way the browsers' quotas count it, rounded up.
 *
 * Calibrated with `storage.session.getBytesInUse` in Chromium 156 (a throwaway extension, one key at a time,
 * then filling the area until `set` failed) and with `StructuredCloneHolder.dataSize` in Firefox ESR 153:
 * - Chromium counts the in-memory size of the stored `base::Value`: 32 bytes per array element, 64 per object
 *   member, and a string's heap buffer (0 up to 22 UTF-8 bytes, then about its UTF-8 length + 8); numbers,
 *   booleans and null cost nothing beyond their slot. The quota is enforced on that measure: a realistic token
 *   exchange (JWT bodies, 8 request and 9 response headers) costs 7,482 bytes, and the area refused the
 *   1,402nd of them at 10,482,282 bytes in use of 10,485,760. Its JSON is 3,679 characters, the measure this
 *   store used before, which let Chrome's quota fill at half the store's budget.
 * - Firefox counts the key's length plus the structured-clone size: the same exchange costs 5,474 bytes, but a
 *   string with one character above U+00FF is stored as UTF-16, two bytes per unit.
 * This measure takes the larger of both per string (UTF-8 length, or two bytes per unit when the string needs
 * UTF-16) plus 8 bytes for every string however short, and Chromium's per-element and per-member costs: the
 * exchange above comes to 9,208 bytes (Chromium 7,482; Firefox 5,474), a userinfo exchange to 3,150 (2,632;
 * 1,906), a meta record listing 50 exchanges to 4,206 (3,920; 2,957).
 */

/** Bytes per array element (Chromium's `base::Value` slot). */
const ARRAY_ELEMENT_BYTES = 32;
/** Bytes per object member (Chromium's map node), besides the key's string. */
const OBJECT_MEMBER_BYTES = 64;
/** Bytes added to every string (Chromium's allocation rounding, Firefox's string header). */
const STRING_BYTES = 8;

/** A string's cost: its UTF-8 length, or its UTF-16 length in bytes when it has a character above U+00FF. */
export function stringBytes(text: string): number {
  let utf8 = 0;
  let wide = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) utf8 += 1;
    else if (c < 0x800) utf8 += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      utf8 += 4;
      i += 1;
    } else utf8 += 3;
    if (c > 0xff) wide = true;
  }
  return Math.max(utf8, wide ? 2 * text.length : text.length) + STRING_BYTES;
}

/**
 * The bytes `value` takes in the area (not counting its key). Walks JSON-shaped values (what the store writes);
 * members whose value is `undefined` are skipped, as the browsers drop them. Does not detect cycles.
 */
export function valueBytes(value: unknown): number {
  if (typeof value === 'string') return stringBytes(value);
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) n += ARRAY_ELEMENT_BYTES + valueBytes(item);
    return n;
  }
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined) continue;
    n += OBJECT_MEMBER_BYTES + stringBytes(key) + valueBytes(member);
  }
  return n;
}

/** The bytes one item (key and value) takes in the area. */
export function itemBytes(key: string, value: unknown): number {
  return stringBytes(key) + valueBytes(value);
}
