import type { Artifact } from '../model.js';
import type { RuleContext } from './types.js';

/** Where an ID token travels when the authorization endpoint issued it (implicit and hybrid flows). */
const FRONT_CHANNEL_LOCATIONS: readonly string[] = ['url.fragment.id_token', 'url.query.id_token', 'response.form.id_token'];

/**
 * True when the ID token was issued by the authorization endpoint: it arrived in the redirect's fragment or
 * query, or in a form_post, under the name `id_token`. Does not look at the flow type, and does not count an
 * ID token that merely travelled in a URL later (e.g. as `id_token_hint`).
 */
export function fromAuthorizationEndpoint(a: Artifact): boolean {
  return a.occurrences.some((o) => FRONT_CHANNEL_LOCATIONS.includes(o.location));
}

/** True when the ID token came in a token endpoint's JSON response. Does not check which grant it answered. */
export function fromTokenEndpoint(a: Artifact): boolean {
  return a.occurrences.some((o) => o.location === 'response.json.id_token');
}

/**
 * The authorize request of the artifact's flow: the last one before the artifact in the flow, else the first
 * of the flow. `undefined` when the artifact has no flow or its flow has no captured authorize request.
 * Does not look at other flows.
 */
export function authorizeRequestOf(a: Artifact, ctx: RuleContext): Artifact | undefined {
  const flow = ctx.flowOf(a);
  if (!flow || !Array.isArray(flow.artifacts)) return undefined;
  let before: Artifact | undefined;
  let any: Artifact | undefined;
  let seenSelf = false;
  for (const id of flow.artifacts) {
    if (id === a.id) seenSelf = true;
    const other = ctx.artifact(id);
    if (other?.kind !== 'authorize_request') continue;
    any ??= other;
    if (!seenSelf) before = other;
  }
  return before ?? any;
}

/**
 * True when the token was issued by a token response to a `refresh_token` grant (Core §12.2 relaxes some
 * checks for such ID tokens). Looks at the artifact's parent and its occurrences' parents; does not look at the flow.
 */
export function issuedByRefresh(a: Artifact, ctx: RuleContext): boolean {
  const parents = new Set<string>();
  if (typeof a.parent === 'string') parents.add(a.parent);
  for (const o of a.occurrences) if (typeof o.parent === 'string') parents.add(o.parent);
  for (const id of parents) {
    const p = ctx.artifact(id);
    if (p?.kind === 'token_response' && p.http?.requestForm?.grant_type === 'refresh_token') return true;
  }
  return false;
}

/** A parameter of an authorize request or response when it is a non-empty string; `undefined` otherwise. */
export function stringParam(a: Artifact | undefined, name: string): string | undefined {
  const v = a?.claims?.[name];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** A space-separated parameter (`response_type`, `acr_values`) as its list of values; empty when absent or not a string. */
export function spaceList(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/\s+/).filter((s) => s.length > 0) : [];
}
