/** Body sizes computed from lengths and code units, without decoding or copying the body. */

/** Bytes a base64 text decodes to, from its length and padding alone (whitespace in it makes this an overestimate). */
export function base64Size(text: string): number {
  let padding = 0;
  if (text.endsWith('==')) padding = 2;
  else if (text.endsWith('=')) padding = 1;
  return Math.max(0, Math.floor((text.length * 3) / 4) - padding);
}

/** Bytes of a string in UTF-8 (a lone surrogate counts 3, as U+FFFD). Walks the string; allocates nothing. */
export function utf8Size(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
