/**
 * The one definition of the characters that must never reach a reader as they are: C0 and C1 control characters
 * and DEL (a terminal obeys them: cursor moves, window titles, colours), the line and paragraph separators
 * U+2028/U+2029, and the bidirectional controls that reorder or hide what is shown: the Arabic letter mark
 * U+061C, the left-to-right and right-to-left marks U+200E/U+200F, the embeddings and overrides U+202A-U+202E
 * and the isolates U+2066-U+2069. Each becomes its `\uXXXX` escape as text. The CLI's terminal report, its
 * `--json` output and the panel use these functions.
 */

/** Every character this module escapes. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same without tab and line feed, and without a carriage return that ends a line (CR LF): text laid out in lines. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
/** The same without C0 controls: what JSON text can still hold raw inside its strings (JSON escapes C0 itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` with every unsafe character (see the module comment), newline, carriage return and tab included, as a
 * `\u001b`-style escape: one line whatever the input. Apply it to a whole output line, never to text holding
 * line breaks of one's own making. Does not escape backslashes (an input `\u001b` reads the same as an escaped
 * ESC) nor any other character.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, hex);
}

/**
 * Like {@link escapeControls}, but keeps the layout of multi-line text: tab, line feed and the carriage return
 * of a CR LF pair stay as they are; a lone carriage return (which rewrites the line in a terminal) is escaped.
 * For bodies and other text shown in lines. Does not escape backslashes.
 */
export function escapeControlsInLines(text: string): string {
  return text.replace(UNSAFE_IN_LINES, hex);
}

/**
 * JSON text (such as `JSON.stringify` writes) with the unsafe characters that JSON leaves raw inside strings
 * (DEL, C1 controls, U+2028/U+2029, bidi controls) written as `\uXXXX` escapes. Valid JSON stays valid and
 * parses to the same values: JSON allows these characters only inside strings, where the escape means the same
 * character. C0 controls are left alone: inside strings JSON has escaped them already, outside they are the
 * text's own line breaks. Does not check that `json` is JSON.
 */
export function escapeControlsInJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, hex);
}
