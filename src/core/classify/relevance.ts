/**
 * Whether one HTTP exchange matters to an OAuth 2.0 / OpenID Connect analysis, judged from the exchange alone.
 * Capture sources that see every request of a tab (DevTools open on a host nobody configured) keep only these, so
 * memory stays bounded by the login traffic, not by the page's.
 */
import { looksLikeJwt } from '../jwt/decode.js';
import type { Exchange } from '../model.js';
import { bodyText } from '../util/body.js';
import { isJsonObject, parseJsonLenient } from '../util/json-lenient.js';
import { classifyExchange } from './endpoint-kind.js';
import { authorization, headerMap, urlParts, type UrlParts } from './http.js';
import { JWT_FIELDS } from './parameter-names.js';
import { requestFormOf } from './request-form.js';

/** Why an exchange is relevant: the endpoint it talks to, or what it carries. */
export type Relevance =
  | 'authorize'
  | 'authorization_response'
  | 'token'
  | 'userinfo'
  | 'introspection'
  | 'revocation'
  | 'end_session'
  | 'discovery'
  | 'jwks'
  | 'bearer'
  | 'jwt';

/** What {@link exchangeRelevance} reads: an exchange or a capture source's observation of one (any part may be missing). */
export type RelevanceInput = Pick<Exchange, 'method' | 'url'> &
  Partial<Pick<Exchange, 'requestHeaders' | 'requestBody' | 'requestForm' | 'responseHeaders' | 'responseBody' | 'redirectUrl'>>;

/** Bodies larger than this are not parsed to judge relevance (a token response is a few KB). */
export const MAX_JUDGED_BODY = 1 << 20;
/** How deep a JSON body is searched for a JWT (`{"data": {"session": {"idToken": "eyJ..."}}}`). */
const JWT_SEARCH_DEPTH = 3;

/** Authorization response parameters (RFC 6749 §4.1.2, §4.1.2.1, §4.2.2; OIDC Core §3.2.2.5) in a parameter set. */
function isAuthorizationResponse(params: Record<string, string>): boolean {
  if (params.id_token || (params.access_token && params.token_type)) return true;
  return (params.code !== undefined || params.error !== undefined) && (params.state !== undefined || params.iss !== undefined || params.session_state !== undefined);
}

function carriesJwt(params: Record<string, string>): boolean {
  return JWT_FIELDS.some((name) => params[name] !== undefined && looksLikeJwt(params[name]));
}

function jsonHasJwt(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return looksLikeJwt(value);
  if (depth >= JWT_SEARCH_DEPTH || typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((v) => jsonHasJwt(v, depth + 1));
}

/** What the URL (or a redirect's target) carries. */
function urlRelevance(url: UrlParts | undefined): Relevance | undefined {
  if (!url) return undefined;
  if (isAuthorizationResponse(url.query) || isAuthorizationResponse(url.fragment)) return 'authorization_response';
  if (url.query.access_token) return 'bearer';
  if (url.query.post_logout_redirect_uri !== undefined) return 'end_session';
  if (carriesJwt(url.query)) return 'jwt';
  return undefined;
}

/** The response body as JSON when it is small and looks like JSON; undefined otherwise. */
function responseJson(ex: RelevanceInput, contentType: string): unknown {
  const body = ex.responseBody;
  if (!body || body.text.length > MAX_JUDGED_BODY) return undefined;
  const text = bodyText(body, contentType).text.trim();
  if (!text.startsWith('{')) return undefined;
  return parseJsonLenient(text).value;
}

/**
 * Why the exchange matters to an OAuth/OIDC analysis, or undefined when it does not: an authorization request or
 * response (query, fragment, redirect target, form_post), a token, userinfo, introspection, revocation, logout,
 * discovery or JWKS call (by request shape, response shape and the usual paths, as the classifier reads them), a
 * call that carries a bearer or DPoP token, and a request or response that carries a JWT. A CORS preflight never
 * matters. Judges from what the input holds: without a response body only the request side and the paths count.
 * Does not know discovery documents seen elsewhere, and never throws.
 */
export function exchangeRelevance(ex: RelevanceInput): Relevance | undefined {
  try {
    if (ex.method.toUpperCase() === 'OPTIONS') return undefined;
    const url = urlParts(ex.url);
    const requestHeaders = headerMap(ex.requestHeaders ?? []);
    const contentType = headerMap(ex.responseHeaders ?? [])['content-type'] ?? ex.responseBody?.mimeType ?? '';
    const form = requestFormOf(ex);
    const json = responseJson(ex, contentType);
    const exchange: Exchange = { id: '', method: ex.method, url: ex.url, requestHeaders: ex.requestHeaders ?? [], responseHeaders: ex.responseHeaders ?? [], startedAt: 0, seenBy: {} };
    const kind = classifyExchange(exchange, url, form, json, new Map());
    if (kind !== 'other') return kind;
    const scheme = authorization(requestHeaders)?.scheme;
    if (scheme === 'bearer' || scheme === 'dpop') return 'bearer';
    const fromUrl = urlRelevance(url) ?? (ex.redirectUrl ? urlRelevance(urlParts(ex.redirectUrl)) : undefined);
    if (fromUrl) return fromUrl;
    if (form && ex.method.toUpperCase() === 'POST') {
      if (isAuthorizationResponse(form)) return 'authorization_response';
      if (carriesJwt(form)) return 'jwt';
    }
    if (/application\/jwt\b/i.test(contentType) && ex.responseBody && looksLikeJwt(ex.responseBody.text.trim())) return 'jwt';
    if (isJsonObject(json) && jsonHasJwt(json, 0)) return 'jwt';
    return undefined;
  } catch {
    return undefined;
  }
}
