/** Redacting request and response headers. */
import { looksLikeJwt } from '../jwt/decode.js';
import type { Header } from '../model.js';
import type { Redactor } from './redact-types.js';

/** Headers whose value is a URL, whose query or fragment may carry codes and tokens. */
const URL_HEADERS = new Set(['location', 'content-location', 'referer', ':path']);
/** Header names that say the value is a credential. */
const CREDENTIAL = /token|secret|passw|api-?key|session|csrf|xsrf|credential|^x-(?:.*-)?auth/;
/** Schemes whose credential is a token that the analysis compares with the one issued. */
const TOKEN_SCHEMES = new Set(['bearer', 'dpop']);

/**
 * Basic credentials with the password masked and the user kept: in OAuth traffic the user is the client id
 * (RFC 6749 §2.3.1), which the analysis needs to tell the flow's client. Undefined when it is not base64 of `user:password`.
 */
function basic(r: Redactor, credential: string): string | undefined {
  let decoded: string;
  try {
    decoded = atob(credential.trim());
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const user = decoded.slice(0, colon);
  try {
    r.seenClientId(decodeURIComponent(user.replace(/\+/g, ' ')));
  } catch {
    // Not form-encoded: not a client id the capture's other places would spell the same way.
  }
  return btoa(`${user}:${r.mask(decoded.slice(colon + 1))}`);
}

/** `Authorization`: a Bearer or DPoP token redacted as a token, Basic with its password masked, any other credential masked; the scheme kept. */
async function authorization(r: Redactor, value: string): Promise<string> {
  const m = /^(\S+)(\s+)(\S[\s\S]*)$/.exec(value);
  if (!m) return looksLikeJwt(value.trim()) ? r.token(value.trim()) : r.mask(value);
  const [, scheme, space, credential] = m as unknown as [string, string, string, string];
  if (TOKEN_SCHEMES.has(scheme.toLowerCase())) return `${scheme}${space}${await r.token(credential.trim())}`;
  const kept = scheme.toLowerCase() === 'basic' ? basic(r, credential) : undefined;
  return `${scheme}${space}${kept ?? r.mask(credential)}`;
}

/** `Cookie: a=1; b=2`: names kept, values masked. */
function cookie(r: Redactor, value: string): string {
  return value
    .split(';')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? part : `${part.slice(0, eq + 1)}${r.mask(part.slice(eq + 1))}`;
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
      const masked = eq < 0 ? r.mask(pair) : `${pair.slice(0, eq + 1)}${r.mask(pair.slice(eq + 1))}`;
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
  return r.text(value);
}

/**
 * New headers, names and order kept: `Authorization` and `Proxy-Authorization` keep their scheme (a Bearer or DPoP
 * token is redacted as a token, so it still matches the one issued; Basic keeps the user, the client id, and has the
 * password masked, still base64; other credentials are masked);
 * `Cookie` and `Set-Cookie` keep names and attributes with values masked; `Location`, `Referer` and `:path` have
 * their URL parameters redacted; `DPoP` and headers named like credentials (`X-Auth-Token`, `X-CSRF-Token`, ...)
 * are redacted as a token when they hold a JWT, else masked; in any other header, tokens and values of sensitive
 * names are redacted. Does not drop any header.
 */
export function redactHeaders(r: Redactor, headers: readonly Header[]): Promise<Header[]> {
  return Promise.all(headers.map(async (h) => ({ name: h.name, value: await redactHeaderValue(r, h.name, h.value) })));
}
