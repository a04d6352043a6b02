import { parseUrl } from '../util/url.js';
import type { Artifact, ArtifactKind } from '../model.js';
import type { RuleContext } from './types.js';

/**
 * True when `claims` has an own member `name` whose value is neither `undefined` nor `null`.
 * Own members only, so a claim named like an `Object.prototype` member is not "present" by accident.
 * Does not judge the value's type.
 */
export function hasMember(claims: Record<string, unknown> | undefined, name: string): boolean {
  if (!claims || !Object.prototype.hasOwnProperty.call(claims, name)) return false;
  const v = claims[name];
  return v !== undefined && v !== null;
}

/** A space-separated parameter (`scope`, `response_type`) as its list of values; empty when absent or not a string. */
export function spaceSeparated(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/\s+/).filter((s) => s.length > 0) : [];
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

/**
 * The artifacts of one kind in the artifact's flow, in flow order. Empty when the artifact has no flow.
 * Does not look at other flows.
 */
export function flowArtifactsOfKind(a: Artifact, kind: ArtifactKind, ctx: RuleContext): Artifact[] {
  const flow = ctx.flowOf(a);
  if (!flow || !Array.isArray(flow.artifacts)) return [];
  const out: Artifact[] = [];
  for (const id of flow.artifacts) {
    const other = ctx.artifact(id);
    if (other?.kind === kind) out.push(other);
  }
  return out;
}

/**
 * The authorize request of the artifact's flow: the last one before the artifact in the flow, else the first
 * of the flow. `undefined` when there is none. Does not look at other flows.
 */
export function authorizeRequestFor(a: Artifact, ctx: RuleContext): Artifact | undefined {
  const flow = ctx.flowOf(a);
  if (!flow || !Array.isArray(flow.artifacts)) return undefined;
  let before: Artifact | undefined;
  let first: Artifact | undefined;
  let seenSelf = false;
  for (const id of flow.artifacts) {
    if (id === a.id) seenSelf = true;
    const other = ctx.artifact(id);
    if (other?.kind !== 'authorize_request') continue;
    first ??= other;
    if (!seenSelf) before = other;
  }
  return before ?? first;
}
