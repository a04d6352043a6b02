import { looksLikeJwt } from '../jwt/decode.js';
import type { Artifact, Exchange, Occurrence } from '../model.js';
import { bodyText } from '../util/body.js';
import { isJsonObject, parseJsonLenient } from '../util/json-lenient.js';
import { createArtifactBuilder, type ArtifactBuilder } from './builder.js';
import { classifyExchange, learnEndpoints, type EndpointKind, type KnownEndpoints } from './endpoint-kind.js';
import { authorization, basicClientId, headerMap, httpContext, urlParts, type UrlParts } from './http.js';
import { AUTHZ_RESPONSE_PARAMS, JWT_FIELDS } from './parameter-names.js';
import { requestFormOf } from './request-form.js';
import { webMessageResponse } from './web-message.js';
import { discoveryUrl } from '../jwt/key-store.js';

/** What extraction found besides artifacts: the documents the key store and rules need. */
export interface Extraction {
  artifacts: Artifact[];
  /** Discovery documents seen, by their `issuer`. */
  discovery: Record<string, Record<string, unknown>>;
  /** JWKS responses seen, by URL. */
  jwks: Record<string, unknown>;
  /** Exchanges that could not be analysed, and why (a bug if ever non-empty; kept visible, never dropped). */
  problems: string[];
}

/** True when `url` is `{issuer}/.well-known/openid-configuration` (or the RFC 8414 form) of the claimed issuer. */
export function servedByIssuer(url: string, issuer: string): boolean {
  const base = url.split(/[?#]/)[0]!;
  if (base === discoveryUrl(issuer)) return true;
  const u = urlParts(issuer.replace(/\/+$/, ''));
  return u !== undefined && base === `${u.origin}/.well-known/oauth-authorization-server${u.path === '/' ? '' : u.path}`;
}

/** Response members that carry tokens. */
const TOKEN_MEMBERS = ['id_token', 'access_token', 'refresh_token'];
/** Bodies above this size are not read unless the endpoint kind needs them (keeps HAR import fast). */
const GENERIC_BODY_LIMIT = 1 << 20;

const isJsonType = (ct: string) => /[/+]json\b/i.test(ct);
const isJwtType = (ct: string) => /application\/jwt\b/i.test(ct);

interface Ctx {
  b: ArtifactBuilder;
  known: KnownEndpoints;
  out: Extraction;
  authzResponses: Map<string, Artifact>;
  /** `state` values and `redirect_uri` bases of the authorize requests seen: evidence for their responses. */
  states: Set<string>;
  redirectBases: Set<string>;
}

function occ(ex: Exchange, location: string, at: number, parent?: string): Occurrence {
  const o: Occurrence = { exchangeId: ex.id, url: ex.url, location, at };
  if (parent) o.parent = parent;
  return o;
}

/** The response body as text, when this exchange may need it. */
function responseText(ex: Exchange, url: UrlParts | undefined, form: Record<string, string> | undefined, contentType: string): string | undefined {
  const body = ex.responseBody;
  if (!body) return undefined;
  const relevant =
    isJsonType(contentType) || isJwtType(contentType) || form !== undefined || contentType === '' ||
    /\/(token|userinfo|introspect|certs|jwks|openid-configuration|oauth-authorization-server)/i.test(url?.path ?? '');
  if (!relevant || body.text.length > (isJsonType(contentType) ? GENERIC_BODY_LIMIT * 8 : GENERIC_BODY_LIMIT)) return undefined;
  return bodyText(body, contentType).text;
}

/**
 * Records an authorization response when the parameters are one: tokens in a fragment are enough; a code or an
 * error needs evidence that it answers an authorization request (`fromAuthorize`, a known `state` or
 * `redirect_uri`, or the OIDC response parameters `iss` / `session_state`), because `?code=...&state=...`
 * also appears in discount links and address forms.
 */
function addAuthorizeResponse(c: Ctx, ex: Exchange, params: Record<string, string>, carrier: 'url.query' | 'url.fragment' | 'response.form' | 'response.web_message', at: number, url: string, fromAuthorize = false): void {
  const picked: Record<string, unknown> = {};
  for (const k of AUTHZ_RESPONSE_PARAMS) if (params[k] !== undefined) picked[k] = params[k];
  const tokens = 'id_token' in picked || 'access_token' in picked;
  if (!(tokens || 'code' in picked || 'error' in picked)) return;
  const base = urlParts(url)?.base;
  const evidence =
    fromAuthorize ||
    (tokens && carrier !== 'url.query') ||
    (typeof picked.state === 'string' && c.states.has(picked.state)) ||
    (base !== undefined && c.redirectBases.has(base) && ('state' in picked || 'code' in picked)) ||
    'session_state' in picked ||
    ('iss' in picked && ('code' in picked || 'error' in picked));
  if (!evidence) return;
  const key = JSON.stringify(picked);
  const o: Occurrence = { exchangeId: ex.id, url, location: carrier, at };
  const seen = c.authzResponses.get(key);
  if (seen) {
    seen.occurrences.push(o);
    return;
  }
  const a = c.b.add('authorize_response', at, o, { claims: picked });
  // RFC 9207: the AS names itself; for a confidential client this is the only place the browser sees the issuer.
  if (typeof picked.iss === 'string' && picked.iss !== '') a.issuer = picked.iss;
  c.authzResponses.set(key, a);
  for (const name of ['id_token', 'access_token']) {
    const raw = params[name];
    if (raw) {
      const t = c.b.token({ raw, name, issued: true, occurrence: { exchangeId: ex.id, url, location: `${carrier}.${name}`, at, parent: a.id } });
      if (t) (a.children ??= []).push(t.id);
    }
  }
}

/** Tokens in the URL (query and fragment) of any request or redirect. */
function urlTokens(c: Ctx, ex: Exchange, url: UrlParts, at: number, href: string, fromAuthorize = false): void {
  addAuthorizeResponse(c, ex, url.query, 'url.query', at, href, fromAuthorize);
  addAuthorizeResponse(c, ex, url.fragment, 'url.fragment', at, href, fromAuthorize);
  const q = url.query;
  if (q.access_token && !q.code && !q.state) c.b.token({ raw: q.access_token, name: 'access_token', issued: false, occurrence: { exchangeId: ex.id, url: href, location: 'url.query.access_token', at } });
}

function fieldTokens(c: Ctx, ex: Exchange, fields: Record<string, string>, prefix: string, at: number): void {
  for (const name of JWT_FIELDS) {
    const raw = fields[name];
    if (raw && (name !== 'request' || looksLikeJwt(raw))) c.b.token({ raw, name, issued: false, occurrence: occ(ex, `${prefix}.${name}`, at) });
  }
}

/** How deep tokens are looked for in JSON bodies (`{"data": {"session": {"idToken": "eyJ..."}}}`). */
const JSON_TOKEN_DEPTH = 3;

function jsonMemberTokens(c: Ctx, ex: Exchange, json: Record<string, unknown>, at: number, issued: boolean, parent?: Artifact, path = 'response.json', depth = 1): void {
  for (const [name, value] of Object.entries(json)) {
    if (isJsonObject(value) && depth < JSON_TOKEN_DEPTH) {
      jsonMemberTokens(c, ex, value, at, false, undefined, `${path}.${name}`, depth + 1);
      continue;
    }
    if (typeof value !== 'string') continue;
    const named = depth === 1 && TOKEN_MEMBERS.includes(name);
    if (!named && !looksLikeJwt(value)) continue;
    const t = c.b.token({ raw: value, name, issued: issued && depth === 1, occurrence: occ(ex, `${path}.${name}`, at, depth === 1 ? parent?.id : undefined) });
    if (t && parent && depth === 1) (parent.children ??= []).push(t.id);
  }
}

function jsonBody(text: string | undefined): { json?: unknown; error?: string; repairs?: string[] } {
  if (text === undefined) return {};
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[') && !t.startsWith('"')) return {};
  const parsed = parseJsonLenient(t);
  const out: { json?: unknown; error?: string; repairs?: string[] } = {};
  if (parsed.value !== undefined) out.json = parsed.value;
  if (parsed.error !== undefined) out.error = parsed.repairs ? `${parsed.error}; read after repair (${parsed.repairs.join('; ')})` : `${parsed.error}; could not be repaired`;
  return out;
}

type ParsedBody = ReturnType<typeof jsonBody>;

function responseArtifact(c: Ctx, ex: Exchange, kind: Extract<EndpointKind, 'token' | 'userinfo' | 'introspection' | 'discovery' | 'jwks'>, form: Record<string, string> | undefined, text: string | undefined, body: ParsedBody, at: number): Artifact | undefined {
  if (ex.status === undefined && text === undefined) return undefined;
  const artifactKind = kind === 'token' ? 'token_response' : kind;
  const { json, error } = body;
  const a = c.b.add(artifactKind, at, occ(ex, 'response.body', at), { http: httpContext(ex, form) });
  if (text !== undefined) a.raw = text;
  if (isJsonObject(json)) a.claims = json;
  if (error) a.jsonError = error;
  if (ex.responseBody?.truncated) a.truncated = true;
  return a;
}

function clientIdOf(headers: Record<string, string>, form: Record<string, string> | undefined): string | undefined {
  if (form?.client_id) return form.client_id;
  const auth = authorization(headers);
  return auth?.scheme === 'basic' ? basicClientId(auth.credentials) : undefined;
}

function extractOne(c: Ctx, ex: Exchange): void {
  const url = urlParts(ex.url);
  const reqHeaders = headerMap(ex.requestHeaders);
  const respHeaders = headerMap(ex.responseHeaders);
  const contentType = respHeaders['content-type'] ?? ex.responseBody?.mimeType ?? '';
  const form = requestFormOf(ex);
  const text = responseText(ex, url, form, contentType);
  const sent = ex.startedAt;
  const received = ex.endedAt ?? ex.startedAt;
  // Parsed once: classification and the response artifact both need it.
  const body = jsonBody(text);
  const parsed = isJwtType(contentType) ? undefined : body.json;
  const kind = classifyExchange(ex, url, form, parsed, c.known);

  if (kind === 'authorize') {
    // First, so that the request precedes the response its redirect carries.
    const params = { ...(form ?? {}), ...(url?.query ?? {}) };
    const a = c.b.add('authorize_request', sent, occ(ex, 'url.query', sent), { claims: params, http: httpContext(ex, form) });
    if (params.client_id) a.clientId = params.client_id;
    if (params.state) c.states.add(params.state);
    const redirect = params.redirect_uri ? urlParts(params.redirect_uri)?.base : undefined;
    if (redirect) c.redirectBases.add(redirect);
    // response_mode=web_message: the answer is a page whose script posts the parameters to the framing window.
    // The status is unknown when only the relay in the answering frame read the page.
    const page = ex.status === undefined || ex.status === 200 || ex.status === 400 ? webMessageResponse(ex.responseBody ? bodyText(ex.responseBody, contentType).text : '') : undefined;
    if (page) addAuthorizeResponse(c, ex, page, 'response.web_message', received, params.redirect_uri ?? ex.url, true);
  }

  // Wherever a request goes, a bearer token or a token in the URL is a sighting.
  const auth = authorization(reqHeaders);
  if (auth?.scheme === 'bearer' || auth?.scheme === 'dpop') {
    c.b.token({ raw: auth.credentials, name: 'bearer', issued: false, occurrence: occ(ex, 'request.header.authorization', sent) });
  }
  if (url) {
    if (kind !== 'authorize') urlTokens(c, ex, url, sent, ex.url);
    fieldTokens(c, ex, url.query, 'url.query', sent);
  }
  if (ex.redirectUrl) {
    const loc = urlParts(ex.redirectUrl);
    if (loc) urlTokens(c, ex, loc, received, ex.redirectUrl, kind === 'authorize');
  }
  if (form && ex.method.toUpperCase() === 'POST') {
    fieldTokens(c, ex, form, 'request.form', sent);
    if (kind !== 'token' && kind !== 'introspection' && kind !== 'revocation') addAuthorizeResponse(c, ex, form, 'response.form', sent, ex.url);
  }

  switch (kind) {
    case 'authorize':
      return;
    case 'token': {
      if (form?.refresh_token) c.b.token({ raw: form.refresh_token, name: 'refresh_token', issued: false, occurrence: occ(ex, 'request.form.refresh_token', sent) });
      const a = responseArtifact(c, ex, 'token', form, text, body, received);
      if (!a) return;
      const clientId = clientIdOf(reqHeaders, form);
      if (clientId) a.clientId = clientId;
      if (a.claims) jsonMemberTokens(c, ex, a.claims, received, true, a);
      return;
    }
    case 'introspection': {
      if (form?.token) {
        const sighting = { raw: form.token, name: 'token', issued: false, occurrence: occ(ex, 'request.form.token', sent) };
        c.b.token(form.token_type_hint ? { ...sighting, typeHint: form.token_type_hint } : sighting);
      }
      const a = responseArtifact(c, ex, 'introspection', form, text, body, received);
      const clientId = clientIdOf(reqHeaders, form);
      if (a && clientId) a.clientId = clientId;
      return;
    }
    case 'userinfo': {
      const trimmed = text?.trim();
      if (trimmed !== undefined && looksLikeJwt(trimmed)) {
        const t = c.b.token({ raw: trimmed, name: 'userinfo', issued: true, occurrence: occ(ex, 'response.body', received) });
        if (t) {
          t.kind = 'userinfo';
          delete t.role;
          t.http = httpContext(ex, form);
        }
        return;
      }
      responseArtifact(c, ex, 'userinfo', form, text, body, received);
      return;
    }
    case 'discovery': {
      const a = responseArtifact(c, ex, 'discovery', form, text, body, received);
      if (a?.claims && typeof a.claims.issuer === 'string') {
        a.issuer = a.claims.issuer;
        // Discovery §4.3: a document is only the issuer's when it was served from that issuer's own address.
        if (servedByIssuer(ex.url, a.claims.issuer)) {
          learnEndpoints(c.known, a.claims);
          c.out.discovery[a.claims.issuer] = a.claims;
        }
      }
      return;
    }
    case 'jwks': {
      const a = responseArtifact(c, ex, 'jwks', form, text, body, received);
      if (a?.claims) c.out.jwks[url?.base ?? ex.url] = a.claims;
      return;
    }
    case 'revocation':
      if (form?.token) c.b.token({ raw: form.token, name: 'token', issued: false, typeHint: form.token_type_hint ?? '', occurrence: occ(ex, 'request.form.token', sent) });
      return;
    default:
      if (isJsonObject(parsed)) jsonMemberTokens(c, ex, parsed, received, false);
      else if (text !== undefined && isJwtType(contentType) && looksLikeJwt(text.trim())) {
        c.b.token({ raw: text.trim(), name: 'jwt', issued: true, occurrence: occ(ex, 'response.body', received) });
      }
  }
}

/**
 * Turns exchanges into artifacts: classifies each exchange (discovery documents seen earlier in the list
 * first, then request and response shape, then paths as hints) and finds tokens wherever they travel.
 * Never throws on malformed exchanges. Does not group into flows, verify signatures or run rules.
 */
export function extractArtifacts(exchanges: readonly Exchange[], builder = createArtifactBuilder()): Extraction {
  const out: Extraction = { artifacts: builder.artifacts, discovery: {}, jwks: {}, problems: [] };
  const c: Ctx = { b: builder, known: new Map(), out, authzResponses: new Map(), states: new Set(), redirectBases: new Set() };
  const ordered = [...exchanges].sort((x, y) => x.startedAt - y.startedAt);
  // Discovery documents first, so endpoints they announce classify exchanges seen before them.
  for (const ex of ordered) {
    if (!/\/\.well-known\/(openid-configuration|oauth-authorization-server)$/.test(urlParts(ex.url)?.path ?? '')) continue;
    const doc = jsonBody(ex.responseBody ? bodyText(ex.responseBody).text : undefined).json;
    if (isJsonObject(doc) && typeof doc.issuer === 'string' && servedByIssuer(ex.url, doc.issuer)) learnEndpoints(c.known, doc);
  }
  for (const ex of ordered) {
    try {
      extractOne(c, ex);
    } catch (err) {
      // A defect in one exchange must not lose the others.
      out.problems.push(`exchange ${ex.id} (${ex.method} ${ex.url}) could not be analysed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}
