/** Scanning JSON text by hand (where `JSON.parse` loses what is needed: duplicate names, positions). */

const BACKSLASH = 0x5c;
const COLON = 0x3a;

/** Whether the char code is JSON whitespace (space, tab, line feed, carriage return). */
export function isJsonWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * End index (exclusive) of the string literal starting at `start` (a quote: `"` in JSON, `'` too in script
 * text), or -1 when the text ends inside it. Does not check the escapes.
 */
export function stringEnd(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === quote) return i + 1;
  }
  return -1;
}

/** Whether the next character from `from` that is not whitespace is a colon (the literal before was a name). */
export function followedByColon(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON) return true;
    if (!isJsonWhitespace(c)) return false;
  }
  return false;
}
