import type { Artifact } from '../model.js';
import { parseUrl } from '../util/url.js';
import type { RuleContext } from './types.js';

/** Claim or member names as the catalogue writes them. */
export type Claims = Record<string, unknown>;

/** True for a finite JSON number. */
export function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * The own member `name` of a claims object; `undefined` when it is missing, `null`, or only inherited
 * (a claim named `constructor` is not found on `Object.prototype`). Does not judge the value's type.
 */
export function member(claims: Record<string, unknown> | undefined, name: string): unknown {
  if (!claims || typeof claims !== 'object' || !Object.prototype.hasOwnProperty.call(claims, name)) return undefined;
  const v = claims[name];
  return v === null ? undefined : v;
}

/**
 * True when `claims` has an own member `name` whose value is neither `undefined` nor `null` (see {@link member}).
 * Does not judge the value's type.
 */
export function hasMember(claims: Record<string, unknown> | undefined, name: string): boolean {
  return member(claims, name) !== undefined;
}

/**
 * A space-separated parameter (`scope`, `response_type`, `acr_values`) as its list of values, split on any
 * whitespace; empty when absent or not a string. Does not remove duplicates.
 */
export function spaceSeparated(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/\s+/).filter((s) => s.length > 0) : [];
}

/** `aud` as a list: a string becomes one entry; anything else gives the string entries it has. */
export function audList(aud: unknown): string[] {
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud)) return aud.filter((x): x is string => typeof x === 'string');
  return [];
}

/** True for an array whose entries are all strings (an empty array included). */
export function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** A claim value for a message: JSON, cut to 80 characters. Never throws. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * The media type of a Content-Type header value, lower-cased and without parameters
 * (`application/json;charset=utf-8` gives `application/json`). `undefined` when the value is not a
 * non-empty string. Does not validate the media type's syntax.
 */
export function mediaType(contentType: unknown): string | undefined {
  if (typeof contentType !== 'string') return undefined;
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/**
 * A URL for a message: origin and path only, so no query parameter (which may hold a token) is ever shown.
 * A value that is not an absolute URL is cut at its first `?` or `#`. Never throws.
 */
export function urlForMessage(url: unknown): string {
  if (typeof url !== 'string' || url.length === 0) return 'an unknown URL';
  const u = parseUrl(url);
  return u ? `${u.origin}${u.pathname}` : (url.split(/[?#]/)[0] ?? '');
}

/** True when the artifact's profile says its issuer is a Keycloak server. Does not look at the issuer URL. */
export function isKeycloak(ctx: RuleContext, a: Artifact): boolean {
  return ctx.profileOf(a).keycloak === true;
}

/**
 * True for a refresh token under a Keycloak profile: Keycloak keys those with a realm secret that is not in
 * the JWKS (rt-opaque reports that, so the key rules leave them alone), and writes `exp: 0` on offline ones.
 * Does not look at `alg`.
 */
export function isKeycloakRefreshToken(a: Artifact, ctx: RuleContext): boolean {
  return a.kind === 'refresh_token' && isKeycloak(ctx, a);
}
