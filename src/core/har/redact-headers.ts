/** Redacting request and response headers. */
import { looksLikeJwt } from '../jwt/decode.js';
import type { Header } from '../model.js';
import { decodeFormComponent } from '../util/form.js';
import type { Redactor } from './redact-types.js';

/** Headers whose value is a URL, whose query or fragment may carry codes and tokens. */
const URL_HEADERS = new Set(['location', 'content-location', 'referer', ':path']);
/** Header names that say the value is a credential. */
const CREDENTIAL = /token|secret|passw|api-?key|session|csrf|xsrf|credential|^x-(?:.*-)?auth/;
/**
 * Headers whose values are HTTP plumbing (RFC 9110 and the Fetch standard's request and response headers), kept
 * once JWTs and e-mail addresses in them are redacted. Any other header's value is judged by its shape and
 * pseudonymised (`X-User-Name: Jane` included).
 */
const SAFE_HEADERS = new Set([
  'accept', 'accept-encoding', 'accept-language', 'accept-ranges', 'age', 'allow', 'alt-svc', 'cache-control',
  'connection', 'content-encoding', 'content-language', 'content-length', 'content-range', 'content-security-policy',
  'content-security-policy-report-only', 'content-type', 'date', 'dnt', 'etag', 'expect', 'expires', 'host',
  'if-match', 'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since', 'keep-alive', 'last-modified',
  'link', 'nel', 'origin', 'permissions-policy', 'pragma', 'priority', 'range', 'referrer-policy', 'report-to',
  'retry-after', 'server', 'server-timing', 'strict-transport-security', 'te', 'timing-allow-origin', 'trailer',
  'transfer-encoding', 'upgrade', 'upgrade-insecure-requests', 'user-agent', 'vary', 'via', 'warning',
  'www-authenticate', 'x-content-type-options', 'x-dns-prefetch-control', 'x-frame-options', 'x-powered-by',
  'x-requested-with', 'x-xss-protection', 'dpop-nonce', 'content-disposition', 'status',
  ':authority', ':method', ':scheme', ':status', ':protocol',
]);
/** Safe header families: CORS, fetch metadata, client hints, request and trace ids. */
const SAFE_HEADER_PATTERNS = [/^access-control-/, /^cross-origin-/, /^sec-/, /^x-(?:.*-)?(?:request|correlation|trace)-?id$/, /^(?:request-id|traceparent|tracestate|x-cache|cf-ray|x-amz-cf-id)$/];
/** Schemes whose credential is a token that the analysis compares with the one issued. */
const TOKEN_SCHEMES = new Set(['bearer', 'dpop']);

/**
 * Basic credentials with the password masked and the user pseudonymised unless it is a client id seen elsewhere in
 * the capture (in OAuth client authentication the user is the client id, RFC 6749 §2.3.1, which the analysis needs;
 * a person's user name or e-mail address is not kept). Undefined when it is not base64 of `user:password`.
 */
async function basic(r: Redactor, credential: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(credential.trim()), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const user = decoded.slice(0, colon);
  // RFC 6749 §2.3.1 form-encodes the client id before it goes into Basic credentials.
  const plain = decodeFormComponent(user);
  const next = await r.personal(plain);
  const text = `${next === plain ? user : next}:${r.mask(decoded.slice(colon + 1))}`;
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** `Authorization`: a Bearer or DPoP token redacted as a token, Basic with its password masked, any other credential masked; the scheme kept. */
async function authorization(r: Redactor, value: string): Promise<string> {
  const m = /^(\S+)(\s+)(\S[\s\S]*)$/.exec(value);
  if (!m) return looksLikeJwt(value.trim()) ? r.token(value.trim()) : r.mask(value);
  const [, scheme, space, credential] = m as unknown as [string, string, string, string];
  if (TOKEN_SCHEMES.has(scheme.toLowerCase())) return `${scheme}${space}${await r.token(credential.trim())}`;
  const kept = scheme.toLowerCase() === 'basic' ? await basic(r, credential) : undefined;
  return `${scheme}${space}${kept ?? r.mask(credential)}`;
}

/**
 * The end of a cookie value starting at `from` (exclusive): the next `;` (or `stop`), or past the closing quote of a
 * quoted value (RFC 6265 allows DQUOTE around a value, and a sloppy server puts `; ` inside them).
 */
function valueEnd(text: string, from: number, stop: RegExp): number {
  let i = from;
  while (i < text.length && text[i] === ' ') i++;
  if (text[i] === '"') {
    const close = text.indexOf('"', i + 1);
    if (close >= 0) i = close + 1;
  }
  stop.lastIndex = i;
  const m = stop.exec(text);
  return m ? m.index : text.length;
}

/** `Cookie: a=1; b=2`: names kept, values masked (quoted ones whole); a part with no name is masked. */
function cookie(r: Redactor, value: string): string {
  let out = '';
  let at = 0;
  while (at < value.length) {
    const semi = value.indexOf(';', at);
    const eq = value.indexOf('=', at);
    if (eq < 0 || (semi >= 0 && semi < eq)) {
      const end = semi < 0 ? value.length : semi;
      const part = value.slice(at, end);
      out += part.trim() === '' ? part : part.replace(part.trim(), r.mask(part.trim(), true));
      if (semi < 0) break;
      out += ';';
      at = semi + 1;
      continue;
    }
    const end = valueEnd(value, eq + 1, /;/g);
    out += value.slice(at, eq + 1) + r.mask(value.slice(eq + 1, end), true);
    if (end >= value.length) break;
    out += ';';
    at = end + 1;
  }
  return out;
}

/** Where a folded `Set-Cookie` value starts another cookie: `, name=` after an attribute (not `Expires=Mon, 23 …`). */
const FOLD = /,\s*(?=[^;,=\s]+=)/;

/** One cookie of `Set-Cookie`: the value masked (quoted ones whole), name and attributes kept. */
function oneSetCookie(r: Redactor, line: string): string {
  const eq = line.indexOf('=');
  const semi = line.indexOf(';');
  if (eq < 0 || (semi >= 0 && semi < eq)) {
    const pair = semi < 0 ? line : line.slice(0, semi);
    return (pair.trim() === '' ? pair : r.mask(pair, true)) + (semi < 0 ? '' : line.slice(semi));
  }
  const end = valueEnd(line, eq + 1, /;/g);
  return line.slice(0, eq + 1) + r.mask(line.slice(eq + 1, end), true) + line.slice(end);
}

/**
 * `Set-Cookie` (several joined by line breaks, as Firefox does, or folded with `, ` by a proxy): each value masked,
 * names and attributes kept.
 */
function setCookie(r: Redactor, value: string): string {
  return value
    .split('\n')
    .map((line) => {
      const parts: string[] = [];
      let rest = line;
      // Only split where the text before is a complete cookie (`a=1; Path=/`), so a comma in a value stays.
      for (let m = FOLD.exec(rest); m; m = FOLD.exec(rest)) {
        parts.push(oneSetCookie(r, rest.slice(0, m.index)) + m[0]);
        rest = rest.slice(m.index + m[0].length);
      }
      return parts.join('') + oneSetCookie(r, rest);
    })
    .join('\n');
}

/** One header value, redacted by the header's name; see {@link redactHeaders}. */
export async function redactHeaderValue(r: Redactor, name: string, value: string): Promise<string> {
  if (value === '') return value;
  const n = name.toLowerCase();
  if (n === 'authorization' || n === 'proxy-authorization') return authorization(r, value);
  if (n === 'cookie') return cookie(r, value);
  if (n === 'set-cookie') return setCookie(r, value);
  if (URL_HEADERS.has(n)) return r.url(value);
  if (n === 'dpop' || CREDENTIAL.test(n)) return looksLikeJwt(value.trim()) ? r.token(value.trim()) : r.mask(value);
  if (SAFE_HEADERS.has(n) || SAFE_HEADER_PATTERNS.some((p) => p.test(n))) return r.text(value);
  return r.named(name, value);
}

/**
 * New headers, names and order kept: `Authorization` and `Proxy-Authorization` keep their scheme (a Bearer or DPoP
 * token is redacted as a token, so it still matches the one issued; Basic keeps the user, the client id, and has the
 * password masked, still base64; other credentials are masked);
 * `Cookie` and `Set-Cookie` keep names and attributes with values masked; `Location`, `Referer` and `:path` have
 * their URL parameters redacted; `DPoP` and headers named like credentials (`X-Auth-Token`, `X-CSRF-Token`, ...)
 * are redacted as a token when they hold a JWT, else masked; headers of HTTP plumbing (`Content-Type`, CORS, fetch
 * metadata, ...) keep their values with JWTs and e-mail addresses in them redacted; any other header's value is
 * redacted by its name and shape (see `redactNamed`), so an unknown one is pseudonymised. Does not drop any header.
 */
export function redactHeaders(r: Redactor, headers: readonly Header[]): Promise<Header[]> {
  return Promise.all(headers.map(async (h) => ({ name: h.name, value: await redactHeaderValue(r, h.name, h.value) })));
}
