// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The one terminal escaper of the CLI: every C0 and C1 control character (including newline, carriage return,
 * tab and ESC), DEL, the line and paragraph separators U+2028/U+2029 and the bidi embeddings, overrides and
 * isolates (U+202A-U+202E, U+2066-U+2069) become `\u001b`-style text, so input can't move the cursor, set
 * the window title, hide or reorder what is printed. Apply it to a whole output line, never to text that
 * contains the line breaks the CLI itself writes. Does not escape backslashes or any other character.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
