/**
 * `application/x-www-form-urlencoded` parsing, as the WHATWG URL standard defines it (the same result as
 * `URLSearchParams`, without its special case of a leading `?`).
 */

const PERCENT = 0x25;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** Percent-decodes byte by byte, keeping bad escapes literally; the bytes are read as UTF-8 (bad bytes: U+FFFD). */
function percentDecodeSlow(s: string): string {
  const encoder = new TextEncoder();
  const bytes: number[] = [];
  let i = 0;
  while (i < s.length) {
    if (s.charCodeAt(i) === PERCENT) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hexValue(s.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        bytes.push(hi * 16 + lo);
        i += 3;
        continue;
      }
    }
    let next = s.indexOf('%', i + 1);
    if (next < 0) next = s.length;
    for (const b of encoder.encode(s.slice(i, next))) bytes.push(b);
    i = next;
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

/** Decodes one name or value: `+` is a space, `%XX` a byte; never throws. */
export function decodeFormComponent(raw: string): string {
  const s = raw.includes('+') ? raw.replaceAll('+', ' ') : raw;
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    // A bad escape (`%zz`) or percent-encoded bytes that are not UTF-8.
    return percentDecodeSlow(s);
  }
}

/**
 * Adds a value under a name, also for names such as `__proto__` that a plain assignment would turn into a
 * prototype change. Does not decode anything.
 */
export function appendFormValue(form: Record<string, string[]>, name: string, value: string): void {
  const values = Object.hasOwn(form, name) ? form[name] : undefined;
  if (values) {
    values.push(value);
    return;
  }
  Object.defineProperty(form, name, { value: [value], enumerable: true, writable: true, configurable: true });
}

/**
 * Parses an `application/x-www-form-urlencoded` text into its names and values, in order, repeated names
 * collecting several values. `+` is a space; a bad percent-escape is kept literally; percent-encoded bytes that
 * are not UTF-8 become U+FFFD. Never throws. Does not strip a leading `?` (a form body has none) and does not
 * parse `multipart/form-data`.
 */
export function parseForm(text: string): Record<string, string[]> {
  const form: Record<string, string[]> = {};
  if (typeof text !== 'string' || text.length === 0) return form;
  for (const pair of text.split('&')) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    appendFormValue(form, decodeFormComponent(name), decodeFormComponent(value));
  }
  return form;
}
