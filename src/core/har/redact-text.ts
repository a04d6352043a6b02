/** Redacting text of unknown shape: HTML (a form_post page), scripts, plain text, header values. */
import { looksLikeJwt } from '../jwt/decode.js';
import { decodeFormComponent } from '../util/form.js';
import { base64Text } from './redact-carriers.js';
import { PRIVATE_JWK } from './redact-json.js';
import { nameClass } from './redact-names.js';
import { redactUnnamed } from './redact-value.js';
import type { Redactor } from './redact-types.js';

/**
 * A compact JWS or JWE anywhere in text: from its `eyJ` on, whatever comes before it (`%3D`, `%22`, `\u0022`, `\n`
 * end in letters or digits, and a JWT written after them is still one); `looksLikeJwt` then checks the candidate.
 */
const JWT_IN_TEXT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?/g;
/** `name=value` as in a URL or a form, the value up to a delimiter. */
const PARAM = /(?<=^|[?&#;\s"'(,])([A-Za-z_][\w.-]*)=(?!=)([^&#"'\s<>;,)]+)/g;
/** `name: value` as in plain text, YAML or a header dump (`access_token: abc`). */
const COLON_PAIR = /(?<=^|[\s{,;(])["']?([A-Za-z_][\w.-]*)["']?[ \t]*:[ \t]*(?!\/\/)([^\s,;"'<>{}()]+)/g;
/** A credential after its HTTP scheme, as in a pasted header or a log line. */
const SCHEME_CREDENTIAL = /\b(Bearer|DPoP|Basic)[ \t]+([A-Za-z0-9._~+/=-]{8,})/g;
/** An absolute URL in text, up to a space, a quote or an angle bracket. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
/**
 * A quoted value after a name and `:` or `=`: a JSON member (in a script or a JSON string inside text), and the
 * ways scripts write one (`var access_token = "…"`, `{ stateToken: '…' }`, `{'refresh_token': '…'}`): the name
 * optionally quoted, the value in single or double quotes.
 */
const QUOTED_PAIR = /(?<![\w$])(["']?)([A-Za-z_$][\w$-]*)\1\s*[:=]\s*(["'])((?:(?!\3)[^\\\n]|\\.)*)\3/g;
/** A JSON member written inside a string or an attribute: quotes as `\"`, `\u0022` or `&quot;`. */
const ESCAPED_MEMBER = /(\\"|\\u0022|&quot;)([A-Za-z_][\w-]*)\1\s*:\s*\1(.*?)\1/g;
/** SAML elements whose text names the person: the subject's NameID and attribute values. */
const SAML_PERSONAL = /<((?:[\w-]+:)?(?:NameID|AttributeValue))\b[^<>]*>([^<]+)<\/\1>/g;
/** A PEM private key. */
const PEM_PRIVATE = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*?-----END \1-----/g;
const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;
/** A domain with a dot and a top-level label of letters. */
const HOST = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
/** An HTML input element (a form_post page carries the authorization response in hidden inputs). */
const INPUT = /<(input|meta)\b[^<>]*>/gi;
const ATTRIBUTE = /\b(name|value|content)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

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

/**
 * A value found beside a name in free text: redacted by its name, but in lenient text (HTML, scripts) a value of an
 * unknown name only has its carriers redacted (a JWT, a URL, base64 JSON...) and keeps its words (markup can't be
 * pseudonymised word by word); in `strict` text (plain-text bodies of `name: value` lines) it is pseudonymised.
 */
async function pairValue(r: Redactor, name: string, value: string, strict: boolean): Promise<string> {
  if (strict || nameClass(name) !== 'unknown') return r.named(name, value);
  const next = await redactUnnamed(r, value, true);
  // Kept as a value: still free text (`"Authorization": "Bearer …"` under an unknown name).
  return next === value && value.length > 0 && /\s/.test(value) ? r.text(value) : next;
}

/** A JWS written in the base64 alphabet (`+`, `/`, padding), which some providers emit: hashed whole. */
const JWT_STANDARD_B64 = /eyJ[A-Za-z0-9_+/-]+={0,2}\.[A-Za-z0-9_+/-]*={0,2}\.[A-Za-z0-9_+/=-]*/g;

function jwtEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(JWT_IN_TEXT)) {
    if (!looksLikeJwt(m[0])) continue;
    edits.push({ start: m.index, end: m.index + m[0].length, replace: () => r.token(m[0]) });
  }
  return edits;
}

/** Compact JWTs in the base64 alphabet (a header segment that decodes to a JSON object), replaced by a hash. */
function standardJwtEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(JWT_STANDARD_B64)) {
    if (!/[+/=]/.test(m[0]) || !base64Text(m[0].slice(0, m[0].indexOf('.')))?.text.trimStart().startsWith('{')) continue;
    edits.push({ start: m.index, end: m.index + m[0].length, replace: () => r.hash(m[0]) });
  }
  return edits;
}

/**
 * E-mail addresses in text, also percent-encoded (`jane%40example.com`), found from each `@` or `%40` outwards (a
 * regular expression would try every start position and take quadratic time on long runs of letters).
 */
function emailEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  let after = 0;
  for (const at of atSigns(text)) {
    const width = text[at] === '@' ? 1 : 3;
    if (at < after) continue;
    let start = at;
    while (start > after && LOCAL.test(text[start - 1]!)) start--;
    let end = at + width;
    while (end < text.length && DOMAIN.test(text[end]!)) end++;
    let host = text.slice(at + width, end);
    // A sentence may end right after the address.
    while (host.endsWith('.') || host.endsWith('-')) host = host.slice(0, -1);
    if (start === at || !HOST.test(host)) continue;
    const stop = at + width + host.length;
    const written = text.slice(start, stop);
    const encoded = width === 3;
    edits.push({
      start,
      end: stop,
      replace: async () => {
        const next = await r.personal(encoded ? decodeFormComponent(written) : written);
        return encoded ? encodeURIComponent(next) : next;
      },
    });
    after = stop;
  }
  return edits;
}

/** Offsets of every `@` and `%40` in text, in order. */
function atSigns(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) out.push(at);
  for (let at = text.indexOf('%40'); at >= 0; at = text.indexOf('%40', at + 1)) out.push(at);
  return out.sort((a, b) => a - b);
}

/** `name: value` pairs of sensitive names in plain text. */
function colonEdits(r: Redactor, text: string, strict: boolean): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(COLON_PAIR)) {
    const name = m[1]!;
    const start = m.index + m[0].length - m[2]!.length;
    const value = m[2]!;
    edits.push({ start, end: start + value.length, replace: async () => {
      const next = await pairValue(r, name, value, strict);
      return next === value ? undefined : next;
    } });
  }
  return edits;
}

/** `Bearer <token>` and `Basic <credentials>` in text: the token redacted, Basic credentials masked. */
function schemeEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(SCHEME_CREDENTIAL)) {
    const start = m.index + m[0].length - m[2]!.length;
    const credential = m[2]!;
    edits.push({ start, end: start + credential.length, replace: async () => (m[1] === 'Basic' ? r.mask(credential) : r.token(credential)) });
  }
  return edits;
}

/** Absolute URLs in text (an `href`, a link in a message), redacted as URLs; `&amp;` read as `&` in them. */
function urlEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const written = m[0];
    edits.push({ start: m.index, end: m.index + written.length, replace: async () => {
      const entities = written.includes('&amp;');
      const url = entities ? written.replaceAll('&amp;', '&') : written;
      const next = await r.url(url);
      if (next === url) return undefined;
      return entities ? next.replaceAll('&', '&amp;') : next;
    } });
  }
  return edits;
}

function paramEdits(r: Redactor, text: string, strict: boolean): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(PARAM)) {
    const start = m.index + m[1]!.length + 1;
    edits.push({
      start,
      end: start + m[2]!.length,
      replace: async () => {
        const value = decodeFormComponent(m[2]!);
        const next = await pairValue(r, decodeFormComponent(m[1]!), value, strict);
        return next === value ? undefined : encodeURIComponent(next);
      },
    });
  }
  return edits;
}

const HTML_DECODE: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&lt;': '<', '&gt;': '>' };
const htmlDecode = (s: string) => s.replace(/&(?:amp|quot|#39|#x27|lt|gt);/g, (e) => HTML_DECODE[e]!);
const htmlEncode = (s: string) => s.replace(/[&"'<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The value of a tag: an input is a form field, judged like any named value (an unnamed one by its shape); a meta
 * tag's content only by the carriers in it, as a pair of lenient text.
 */
function tagValue(r: Redactor, meta: boolean, field: string | undefined, value: string): Promise<string> {
  if (meta) return field === undefined ? redactUnnamed(r, value, true) : pairValue(r, field, value, false);
  return field === undefined ? r.loose(value) : r.named(field, value);
}

/**
 * HTML input elements: the whole tag is one edit, so no later pattern reads its attributes as text (`name=password`
 * is a field's name, not a value). The value is redacted by the field's name, whatever the name: an input is a
 * named field, so an unknown one is pseudonymised like any unknown form value; JWTs elsewhere in the tag are
 * redacted too.
 */
function inputEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  for (const tag of text.matchAll(INPUT)) {
    let name: string | undefined;
    let value: { start: number; raw: string } | undefined;
    for (const a of tag[0].matchAll(ATTRIBUTE)) {
      const raw = a[2] ?? a[3] ?? a[4] ?? '';
      const quote = a[4] === undefined ? 1 : 0;
      const attribute = a[1]!.toLowerCase();
      if (attribute === 'name') name = htmlDecode(raw);
      else if ((attribute === 'value') === (tag[1]!.toLowerCase() === 'input')) value = { start: a.index + a[0].length - raw.length - quote, raw };
    }
    const written = tag[0];
    const field = name;
    edits.push({
      start: tag.index,
      end: tag.index + written.length,
      replace: async () => {
        if (value === undefined) {
          const out = await redactJwtsIn(r, written);
          return out === written ? undefined : out;
        }
        const decoded = htmlDecode(value.raw);
        const next = await tagValue(r, tag[1]!.toLowerCase() === 'meta', field, decoded);
        const quoted = value.start > 0 && /["']/.test(written[value.start - 1]!);
        const encoded = next === decoded ? value.raw : quoted ? htmlEncode(next) : `"${htmlEncode(next)}"`;
        // JWTs in the other attributes; the value's own fate was decided by its name (a JWT-shaped `code` is kept).
        const before = await redactJwtsIn(r, written.slice(0, value.start));
        const after = await redactJwtsIn(r, written.slice(value.start + value.raw.length));
        const out = before + encoded + after;
        return out === written ? undefined : out;
      },
    });
  }
  return edits;
}

/**
 * Quoted values after names (JSON members, script literals), redacted by the name, a private JWK member masked as
 * in a JSON body; the value written back in the same quotes.
 */
function quotedPairEdits(r: Redactor, text: string, strict: boolean): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(QUOTED_PAIR)) {
    const name = m[2]!;
    const quote = m[3]!;
    const raw = m[4]!;
    const start = m.index + m[0].length - raw.length - 1;
    edits.push({ start, end: start + raw.length, replace: async () => {
      const value = unescapeScript(raw);
      const next = PRIVATE_JWK.has(name) && text.includes('"kty"') ? r.mask(value) : await pairValue(r, name, value, strict);
      return next === value ? undefined : escapeScript(next, quote);
    } });
  }
  return edits;
}

/** The value of a script string literal's body (`\"`, `\'`, `\\`, `\n`, `\uXXXX`); as written when it is not valid. */
function unescapeScript(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw.replace(/\\'/g, "'").replace(/(?<!\\)"/g, '\\"')}"`) as string;
  } catch {
    return raw;
  }
}

/** A string literal body for `quote`, escaping as JSON does (and the single quote when it is the quote). */
function escapeScript(value: string, quote: string): string {
  const body = JSON.stringify(value).slice(1, -1);
  return quote === "'" ? body.replace(/\\"/g, '"').replace(/'/g, "\\'") : body;
}

/** JSON members written with escaped quotes (`\"name\":\"value\"`, `\u0022`, `&quot;`), redacted by name. */
function escapedMemberEdits(r: Redactor, text: string, strict: boolean): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(ESCAPED_MEMBER)) {
    const quote = m[1]!;
    const name = m[2]!;
    const raw = m[3]!;
    const start = m.index + m[0].length - raw.length - quote.length;
    edits.push({ start, end: start + raw.length, replace: async () => {
      const value = quote === '&quot;' ? htmlDecode(raw) : raw;
      const next = await pairValue(r, name, value, strict);
      if (next === value) return undefined;
      return quote === '&quot;' ? htmlEncode(next) : JSON.stringify(next).slice(1, -1).replace(/\\/g, '\\\\').replace(/"/g, quote === '\\"' ? '\\"' : '\\u0022');
    } });
  }
  return edits;
}

/** The text of SAML `NameID` and `AttributeValue` elements, pseudonymised (a SAML response shown as XML). */
function samlEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  if (!text.includes('NameID') && !text.includes('AttributeValue')) return edits;
  for (const m of text.matchAll(SAML_PERSONAL)) {
    const start = m.index + m[0].length - m[2]!.length - m[1]!.length - 3;
    edits.push({ start, end: start + m[2]!.length, replace: () => r.personal(m[2]!) });
  }
  return edits;
}

/** PEM private keys, masked whole. */
function pemEdits(r: Redactor, text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(PEM_PRIVATE)) edits.push({ start: m.index, end: m.index + m[0].length, replace: async () => r.mask(m[0]) });
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
 * Text of unknown shape with the values of known names redacted by name (secrets masked, tokens redacted, personal
 * values pseudonymised, safe fields searched for carriers) where they appear as HTML input values (quoted or not),
 * JSON string members, `name=value` or `name: value` pairs; credentials after `Bearer`, `DPoP` and `Basic`; absolute
 * URLs redacted as URLs (userinfo, path, parameters); every other JWT redacted (also after a percent escape) and
 * every e-mail address replaced, raw or percent-encoded (client ids excepted, see {@link Redactor.personal}). A value
 * is redacted once, by the first of those that finds it. Keeps everything else exactly; does not parse HTML or
 * scripts. Values of unknown names in pairs are pseudonymised when `strict` (plain-text bodies), else only the
 * carriers in them are redacted.
 */
export function redactFreeText(r: Redactor, text: string, strict = false): Promise<string> {
  return applyEdits(text, [
    pemEdits(r, text), samlEdits(r, text), inputEdits(r, text), quotedPairEdits(r, text, strict), escapedMemberEdits(r, text, strict),
    schemeEdits(r, text), urlEdits(r, text), colonEdits(r, text, strict),
    paramEdits(r, text, strict), standardJwtEdits(r, text), jwtEdits(r, text), emailEdits(r, text),
  ]);
}
