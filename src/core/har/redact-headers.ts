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

/** `Cookie: a=1; b=2`: names kept, values masked. */
function cookie(r: Redactor, value: string): string {
  return value
    .split(';')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? part : `${part.slice(0, eq + 1)}${r.mask(part.slice(eq + 1), true)}`;
    })
    .join(';');
}

/** `Set-Cookie` (several joined by line breaks, as Firefox does): the value masked, name and attributes kept. */
function setCookie(r: Redactor, value: string): string {
  return value
    .split('\n')
    .map((line) => {
      const semi = line.indexOf(';');
      const pair = semi < 0 ? line : line.slice(0, semi);
      const eq = pair.indexOf('=');
      const masked = eq < 0 ? r.mask(pair, true) : `${pair.slice(0, eq + 1)}${r.mask(pair.slice(eq + 1), true)}`;
      return semi < 0 ? masked : masked + line.slice(semi);
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
