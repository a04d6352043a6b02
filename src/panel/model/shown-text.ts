/**
 * How the panel shows text it did not write (claim values and names, header values, URLs, bodies, messages
 * that quote them): control and bidi characters escaped as the CLI escapes them, and long values cut so that a
 * 30 MB claim does not freeze the panel (issue 10 §4). Pure: no DOM.
 */
import { escapeControls, escapeControlsInLines } from '../../core/util/escape-controls.js';

/**
 * Characters of a value shown until the user asks for all of it: more than any token a server accepts in a
 * header (8 KB is the usual limit), so real claims and segments show whole, and little enough to lay out at once.
 */
export const SHOWN_CHARS = 10_000;

/**
 * `line`: one line, every control character escaped (newline and tab too); `lines`: text laid out in lines
 * (bodies, indented JSON), tab, newline and CR LF kept.
 */
export type TextLayout = 'line' | 'lines';

/** What to put on screen for a value. */
export interface ShownText {
  /** The value, cut and escaped. */
  text: string;
  /** Characters of the value left out (0 when shown whole). */
  hidden: number;
}

/** `limit` moved back by one when it would split a surrogate pair, so a cut never leaves half a character. */
function cutAt(value: string, limit: number): number {
  const code = value.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * The first `limit` characters of `value` (all of it when `all`), with control characters, line separators and
 * bidi controls as `\uXXXX` escapes per `layout`. Cuts before escaping, so the work is bounded by `limit`, not by
 * the value. Does not add an ellipsis or a note (the caller shows `hidden`).
 */
export function shownText(value: string, layout: TextLayout = 'line', all = false, limit = SHOWN_CHARS): ShownText {
  const end = all || value.length <= limit ? value.length : cutAt(value, limit);
  const part = end === value.length ? value : value.slice(0, end);
  return { text: layout === 'line' ? escapeControls(part) : escapeControlsInLines(part), hidden: value.length - end };
}

/** Characters of a value in a compact place (a table cell, a list row, a tooltip): far more than fit in one. */
export const COMPACT_CHARS = 1_000;

/**
 * One line of `value` for a compact place that has no room for "show all": {@link shownText} of the first
 * {@link COMPACT_CHARS} characters, with an ellipsis when cut. The full value is in the detail views.
 */
export function compactText(value: string, limit = COMPACT_CHARS): string {
  const shown = shownText(value, 'line', false, limit);
  return shown.hidden > 0 ? `${shown.text}…` : shown.text;
}

/** "12,345" in the panel's words for a count of characters. */
export function charCount(n: number): string {
  return `${n.toLocaleString('en-US')} character${n === 1 ? '' : 's'}`;
}
