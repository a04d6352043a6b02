/** Redacting text of unknown shape: HTML (a form_post page), scripts, plain text, header values. */
import { looksLikeJwt } from '../jwt/decode.js';
import { decodeFormComponent } from '../util/form.js';
import { nameClass } from './redact-names.js';
import type { Redactor } from './redact-types.js';

/** A compact JWS or JWE anywhere in text. */
const JWT_IN_TEXT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?/g;
/** `name=value` as in a URL or a form, the value up to a delimiter. */
const PARAM = /(?<=^|[?&#;\s"'(,])([A-Za-z_][\w.-]*)=([^&#"'\s<>;,)]+)/g;
/** A JSON member with a string value, as in a script or a JSON string inside text. */
const JSON_MEMBER = /"([A-Za-z_][\w-]*)"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g;
const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;
/** A domain with a dot and a top-level label of letters. */
const HOST = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
/** An HTML input element (a form_post page carries the authorization response in hidden inputs). */
const INPUT = /<input\b[^<>]*>/gi;
const ATTRIBUTE = /\b(name|value)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** A stretch of text to replace, and how to compute its replacement (undefined: keep it). */
interface Edit {
  start: number;
  end: number;
  replace: () => Promise<string | undefined>;
}

/**
 * `kept` with the edits of `next` that overlap none of it, in text order. Both lists are in text order and free of
 * overlaps within themselves (each comes from one pattern), so one merge pass does: linear, however many edits.
 */
function merge(kept: readonly Edit[], next: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  let k = 0;
  for (const e of next) {
    while (k < kept.length && kept[k]!.end <= e.start) out.push(kept[k++]!);
    if (k < kept.length && kept[k]!.start < e.end) continue;
    out.push(e);
  }
  while (k < kept.length) out.push(kept[k++]!);
  return out;
}

/** Applies the edits of each group that overlap no edit of an earlier group (earlier groups win). */
async function applyEdits(text: string, groups: readonly Edit[][]): Promise<string> {
  const kept = groups.reduce<Edit[]>((acc, g) => merge(acc, g), []);
  if (kept.length === 0) return text;
  const values = await Promise.all(kept.map((e) => e.replace()));
  let out = '';
  let at = 0;
  kept.forEach((e, i) => {
    const v = values[i];
    if (v === undefined) return;
    out += text.slice(at, e.start) + v;
    at = e.end;
  });
  return out + text.slice(at);
}

/** Names whose values are handled by name; `keep` ones too, so that a JWT-shaped `code` is not redacted as a JWT. */
const byName = (name: string) => nameClass(name) !== 'other';

function jwtEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(JWT_IN_TEXT)) {
    if (!looksLikeJwt(m[0])) continue;
    edits.push({ start: m.index, end: m.index + m[0].length, replace: () => r.token(m[0]) });
  }
  return edits;
}

/**
 * E-mail addresses in text, found from each `@` outwards (a regular expression would try every start position and
 * take quadratic time on long runs of letters).
 */
function emailEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  let after = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > after && LOCAL.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN.test(text[end]!)) end++;
    let host = text.slice(at + 1, end);
    // A sentence may end right after the address.
    while (host.endsWith('.') || host.endsWith('-')) host = host.slice(0, -1);
    if (start === at || !HOST.test(host)) continue;
    const address = text.slice(start, at + 1 + host.length);
    edits.push({ start, end: at + 1 + host.length, replace: () => r.personal(address) });
    after = at + 1 + host.length;
  }
  return edits;
}

function paramEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(PARAM)) {
    if (!byName(decodeFormComponent(m[1]!))) continue;
    const start = m.index + m[1]!.length + 1;
    edits.push({
      start,
      end: start + m[2]!.length,
      replace: async () => {
        const value = decodeFormComponent(m[2]!);
        const next = await r.named(decodeFormComponent(m[1]!), value);
        return next === value ? undefined : encodeURIComponent(next);
      },
    });
  }
  return edits;
}

function jsonMemberEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(JSON_MEMBER)) {
    if (!byName(m[1]!)) continue;
    const start = m.index + m[0].length - m[2]!.length - 1;
    edits.push({
      start,
      end: start + m[2]!.length,
      replace: async () => {
        let value: string;
        try {
          value = JSON.parse(`"${m[2]}"`) as string;
        } catch {
          value = m[2]!;
        }
        const next = await r.named(m[1]!, value);
        return next === value ? undefined : JSON.stringify(next).slice(1, -1);
      },
    });
  }
  return edits;
}

const HTML_DECODE: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&lt;': '<', '&gt;': '>' };
const htmlDecode = (s: string) => s.replace(/&(?:amp|quot|#39|#x27|lt|gt);/g, (e) => HTML_DECODE[e]!);
const htmlEncode = (s: string) => s.replace(/[&"'<>]/g, (c) => `&#${c.charCodeAt(0)};`);

function inputEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  for (const tag of text.matchAll(INPUT)) {
    let name: string | undefined;
    let value: { start: number; raw: string } | undefined;
    for (const a of tag[0].matchAll(ATTRIBUTE)) {
      const raw = a[2] ?? a[3] ?? '';
      if (a[1]!.toLowerCase() === 'name') name = htmlDecode(raw);
      else value = { start: tag.index + a.index + a[0].length - raw.length - 1, raw };
    }
    if (name === undefined || value === undefined || !byName(name)) continue;
    const { start, raw } = value;
    const field = name;
    edits.push({
      start,
      end: start + raw.length,
      replace: async () => {
        const decoded = htmlDecode(raw);
        const next = await r.named(field, decoded);
        return next === decoded ? undefined : htmlEncode(next);
      },
    });
  }
  return edits;
}

/**
 * Every compact JWS or JWE in `text` redacted as a token ({@link Redactor.token}); the rest kept exactly.
 * Does not look at names.
 */
export function redactJwtsIn(r: Redactor, text: string): Promise<string> {
  if (!text.includes('eyJ')) return Promise.resolve(text);
  return applyEdits(text, [jwtEdits(r, text)]);
}

/**
 * Text of unknown shape with the values of sensitive names redacted (secrets masked, tokens redacted, personal
 * values hashed) where they appear as HTML input values, JSON string members or `name=value` pairs, every other JWT
 * redacted and every e-mail address replaced (client ids excepted, see {@link Redactor.personal}). A value is redacted once, by the first of those that finds it. Keeps everything else exactly;
 * does not parse HTML or scripts (values of sensitive names written any other way are not found).
 */
export function redactFreeText(r: Redactor, text: string): Promise<string> {
  return applyEdits(text, [inputEdits(r, text), jsonMemberEdits(r, text), paramEdits(r, text), jwtEdits(r, text), emailEdits(r, text)]);
}
