import type { Exchange } from '../model.js';
import { isJsonObject } from '../util/json-lenient.js';
import type { UrlParts } from './http.js';

/** What an exchange is, for extraction. */
export type EndpointKind = 'token' | 'userinfo' | 'introspection' | 'revocation' | 'discovery' | 'jwks' | 'authorize' | 'end_session' | 'other';

/** Endpoint URLs (without query) announced by the discovery documents seen, by kind. */
export type KnownEndpoints = Map<string, EndpointKind>;

const DISCOVERY_MEMBERS: [string, EndpointKind][] = [
  ['token_endpoint', 'token'],
  ['userinfo_endpoint', 'userinfo'],
  ['introspection_endpoint', 'introspection'],
  ['revocation_endpoint', 'revocation'],
  ['jwks_uri', 'jwks'],
  ['authorization_endpoint', 'authorize'],
  ['end_session_endpoint', 'end_session'],
];

/** Adds the endpoints a discovery document announces. Ignores members that are not strings. */
export function learnEndpoints(known: KnownEndpoints, discovery: Record<string, unknown>): void {
  for (const [member, kind] of DISCOVERY_MEMBERS) {
    const url = discovery[member];
    if (typeof url === 'string') known.set(url.split(/[?#]/)[0]!, kind);
  }
}

/** Shape of a JSON response body, for classification by response. */
export function responseShape(json: unknown): EndpointKind | 'claims' | undefined {
  if (!isJsonObject(json)) return undefined;
  if (Array.isArray(json.keys) && json.keys.every((k) => isJsonObject(k) && typeof k.kty === 'string')) return 'jwks';
  if (typeof json.issuer === 'string' && (typeof json.jwks_uri === 'string' || typeof json.authorization_endpoint === 'string' || typeof json.token_endpoint === 'string')) return 'discovery';
  if ('access_token' in json || 'id_token' in json || ('token_type' in json && 'expires_in' in json)) return 'token';
  if ('active' in json) return 'introspection';
  if (typeof json.error === 'string' && ('error_description' in json || Object.keys(json).length <= 3)) return 'token';
  return undefined;
}

const PATH_HINTS: [RegExp, EndpointKind][] = [
  [/\/\.well-known\/(openid-configuration|oauth-authorization-server)$/, 'discovery'],
  [/\/protocol\/openid-connect\/token\/introspect$/, 'introspection'],
  [/\/protocol\/openid-connect\/(token)$/, 'token'],
  [/\/protocol\/openid-connect\/userinfo$/, 'userinfo'],
  [/\/protocol\/openid-connect\/certs$/, 'jwks'],
  [/\/protocol\/openid-connect\/auth$/, 'authorize'],
  [/\/protocol\/openid-connect\/logout$/, 'end_session'],
  [/\/protocol\/openid-connect\/revoke$/, 'revocation'],
  [/\/introspect(ion)?$/, 'introspection'],
  [/\/revoke$/, 'revocation'],
  [/\/(oauth2?\/)?token$/, 'token'],
  [/\/userinfo$/, 'userinfo'],
  [/\/(jwks(\.json)?|certs)$/, 'jwks'],
  [/\/(authorize|auth)$/, 'authorize'],
];

/**
 * Classifies an exchange: by the discovery documents seen first, then by request shape (grant_type; token with
 * an introspection path or an `active` answer; response_type and client_id), then by response shape for the
 * documents that can't be mistaken (JWKS, discovery), with common paths as hints that a request shape must
 * back. A CORS preflight (OPTIONS) is always `other`. `json` is the parsed response body when it was JSON. Does not
 * extract anything.
 */
export function classifyExchange(ex: Exchange, url: UrlParts | undefined, form: Record<string, string> | undefined, json: unknown, known: KnownEndpoints): EndpointKind {
  // A CORS preflight goes to the same URL as the call it clears, but carries no token and returns no document.
  if (ex.method.toUpperCase() === 'OPTIONS') return 'other';
  const base = url?.base ?? ex.url.split(/[?#]/)[0]!;
  const announced = known.get(base);
  if (announced) return announced;
  const method = ex.method.toUpperCase();
  const path = url?.path ?? '';
  const hint = PATH_HINTS.find(([re]) => re.test(path))?.[1];
  if (method === 'POST' && form?.grant_type) return 'token';
  if (method === 'POST' && form?.token !== undefined) {
    if (hint === 'revocation') return 'revocation';
    // A `token` form field alone is common (CSRF tokens, logout forms): an introspection needs more evidence.
    if (hint === 'introspection' || (isJsonObject(json) && typeof json.active === 'boolean')) return 'introspection';
  }
  if (url && url.query.response_type && url.query.client_id) return 'authorize';
  const shape = responseShape(json);
  if (shape === 'jwks' || shape === 'discovery') return shape;
  if (hint === 'discovery' || hint === 'jwks') return hint;
  if (hint === 'userinfo') return 'userinfo';
  if (method === 'POST' && hint === 'token' && (form !== undefined || shape === 'token')) return 'token';
  if (method === 'POST' && hint === 'introspection' && form !== undefined) return 'introspection';
  if (hint === 'end_session') return 'end_session';
  // Pushed or POSTed authorization requests (PAR, JAR by value).
  if (hint === 'authorize' && (url?.query.client_id || form?.client_id) && (url?.query.response_type || form?.response_type || url?.query.request_uri)) return 'authorize';
  return 'other';
}
