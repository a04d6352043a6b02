/**
 * Writing hostile values into Markdown that ticket systems render (as Markdown, or as HTML): no value can make a
 * link, an image, HTML, a heading or a table, or carry a control character.
 */

/** Control characters, line separators and bidi controls (which can reorder what a reader sees). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/**
 * What Markdown (CommonMark, GFM) gives a meaning to inside a line, with `#` (issue references) and `@` (mentions);
 * `<`, `>` and `&` become entities instead. `(` and `)` need no escape: without `[` and `]` no link can form.
 */
const MARKDOWN = /[\\`*_[\]|~#@]/g;
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
/**
 * A word that GFM or a ticket system would turn into a link: a URL of any linkable scheme, a `www.` host, an e-mail
 * address (`@` with a dot after it). Also inside words (`_www.x` is linked by GFM after the escape is resolved).
 * Tested word by word, so the cost stays linear.
 */
const LINKABLE = /(?:https?|ftp|file|mailto|javascript|data|vbscript|xmpp|wss?):\S|www\.|@[^@]*\./i;
/** A compact JWS or JWE, also right after a percent escape (`%3DeyJ…`): never written into a summary. */
const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?/g;

/** What inline code can't hold as it is: what ends it or is HTML, whitespace, control and bidi characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CODE_UNSAFE = /[\s`<>"'\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const percent = (c: string) => [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Inline code of a value: what breaks out of code or is HTML (backticks, `<`, `>`, quotes), whitespace and control
 * characters are percent-encoded (for the URLs this is used for, an equivalent URL). Never a link: GFM does not
 * link inside code. Does not shorten the value.
 */
export function mdCode(value: string): string {
  const v = value.replace(JWT, '(token)');
  if (v === '') return '(empty)';
  return `\`${v.replace(CODE_UNSAFE, percent)}\``;
}

function plain(text: string): string {
  return text.replace(CONTROL, hex).replace(MARKDOWN, (c) => `\\${c}`).replace(/[<>&]/g, (c) => ENTITIES[c]!);
}

/**
 * A value as Markdown text that reads as itself: Markdown metacharacters backslash-escaped, `<`, `>` and `&` as
 * entities, control and bidi characters as `\uXXXX`, compact JWTs replaced by "(token)", and every word a renderer
 * would link (with a URL, a `www.` host, an e-mail address, `javascript:`) put whole in inline code ({@link mdCode}).
 * Keeps the text on one line. Does not shorten it.
 */
export function mdText(value: string): string {
  // Control characters become text first, so that what they turn into is part of the word they touch.
  return String(value)
    .replace(JWT, '(token)')
    .replace(CONTROL, hex)
    .split(/(\s+)/)
    .map((word) => (LINKABLE.test(word) ? mdCode(word) : plain(word)))
    .join('');
}
