/**
 * Finding artifacts inside a flow, and where a token came from, for every rule that looks beyond its artifact.
 * "Before" means earlier in `flow.artifacts`, which is in time order; a token counts from the position of
 * the response that issued it, so the order of a response and its own tokens in the list does not matter
 * (except in {@link authorizeRequestFor}, which goes by the artifact's own position).
 */
import type { Artifact, ArtifactKind, Flow } from '../model.js';
import type { RuleContext } from './types.js';

/**
 * The artifacts of a flow in flow order; only those of `kinds` when any are given. Ids the context does not
 * know are skipped. Does not look at other flows.
 */
export function artifactsOf(flow: Flow, ctx: RuleContext, ...kinds: ArtifactKind[]): Artifact[] {
  const out: Artifact[] = [];
  if (!Array.isArray(flow.artifacts)) return out;
  for (const id of flow.artifacts) {
    const a = ctx.artifact(id);
    if (a && (kinds.length === 0 || kinds.includes(a.kind))) out.push(a);
  }
  return out;
}

/**
 * The authorize request of the artifact's flow: the last one before the artifact in the flow, else the first
 * of the flow. `undefined` when the artifact has no flow or its flow has no captured authorize request.
 * Goes by the artifact's own position, not its issuing response's. Does not look at other flows.
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

/**
 * Where an artifact entered the flow: the position of the response that issued it when that response is in
 * the flow, else its own position; -1 when it is not in the flow.
 */
export function issuePosition(flow: Flow, a: Artifact): number {
  if (typeof a.parent === 'string') {
    const p = flow.artifacts.indexOf(a.parent);
    if (p >= 0) return p;
  }
  return flow.artifacts.indexOf(a.id);
}

/** The artifact named by `a.parent` (the response that issued it), when the context knows it. */
export function parentOf(a: Artifact, ctx: RuleContext): Artifact | undefined {
  return typeof a.parent === 'string' ? ctx.artifact(a.parent) : undefined;
}

/**
 * Every response that carried the artifact: `a.parent`, then the parents of its occurrences, once each, in
 * that order. Ids the context does not know are skipped. Does not look at the flow.
 */
export function parentsOf(a: Artifact, ctx: RuleContext): Artifact[] {
  const ids = new Set<string>();
  if (typeof a.parent === 'string') ids.add(a.parent);
  for (const o of a.occurrences) if (typeof o.parent === 'string') ids.add(o.parent);
  const out: Artifact[] = [];
  for (const id of ids) {
    const p = ctx.artifact(id);
    if (p) out.push(p);
  }
  return out;
}

/**
 * The tokens a response carried (its `children`), optionally only those of `kinds`, in `children` order.
 * Ids the context does not know are skipped. Does not search for tokens that only name the response as parent.
 */
export function tokensOfResponse(resp: Artifact, ctx: RuleContext, ...kinds: ArtifactKind[]): Artifact[] {
  const out: Artifact[] = [];
  if (!Array.isArray(resp.children)) return out;
  for (const id of resp.children) {
    const a = ctx.artifact(id);
    if (a && a.id !== resp.id && (kinds.length === 0 || kinds.includes(a.kind)) && !out.includes(a)) out.push(a);
  }
  return out;
}

/** The first token of one kind a response carried, or `undefined`. */
export function tokenOfResponse(resp: Artifact, ctx: RuleContext, kind: ArtifactKind): Artifact | undefined {
  return tokensOfResponse(resp, ctx, kind)[0];
}

/**
 * `token` when `resp` issued it, `undefined` when the token was issued earlier by another response and only
 * repeated in this one (a refresh token that was not rotated): its lifetime belongs to that other response.
 */
export function issuedBy(resp: Artifact, token: Artifact | undefined): Artifact | undefined {
  return token && (typeof token.parent !== 'string' || token.parent === resp.id) ? token : undefined;
}

/**
 * The artifact of `kind` issued last before the position `limit` of the flow (see {@link issuePosition}),
 * other than `exclude`. `undefined` when there is none; never falls back to a later one.
 */
export function lastIssuedBefore(flow: Flow, ctx: RuleContext, kind: ArtifactKind, limit: number, exclude?: Artifact): Artifact | undefined {
  let found: Artifact | undefined;
  let foundPos = -1;
  for (const a of artifactsOf(flow, ctx, kind)) {
    if (a.id === exclude?.id) continue;
    const pos = issuePosition(flow, a);
    if (pos < limit && pos >= foundPos) {
      found = a;
      foundPos = pos;
    }
  }
  return found;
}

/**
 * The artifact of `kind` issued last before `ref` in the flow, else the first of that kind in the flow;
 * never `ref` itself. `undefined` when the flow has none.
 */
export function latestBefore(flow: Flow, ctx: RuleContext, kind: ArtifactKind, ref: Artifact): Artifact | undefined {
  return lastIssuedBefore(flow, ctx, kind, issuePosition(flow, ref), ref) ?? artifactsOf(flow, ctx, kind).find((a) => a.id !== ref.id);
}

/**
 * The ID token that `a` is to be compared with: the ID token of the same response when `a` came in one,
 * else the one issued last before `a`, else the first of the flow. Never `a` itself.
 */
export function idTokenFor(flow: Flow, ctx: RuleContext, a: Artifact): Artifact | undefined {
  const parent = parentOf(a, ctx);
  const sibling = parent ? tokensOfResponse(parent, ctx, 'id_token').find((t) => t.id !== a.id) : undefined;
  return sibling ?? latestBefore(flow, ctx, 'id_token', a);
}

/** The `grant_type` of the token request a response answered, when it was captured as a string. */
export function grantTypeOf(resp: Artifact): string | undefined {
  const g = resp.http?.requestForm?.grant_type;
  return typeof g === 'string' ? g : undefined;
}

/** True for a token response to a `refresh_token` grant. Does not look at the response body. */
export function isRefreshResponse(resp: Artifact): boolean {
  return resp.kind === 'token_response' && grantTypeOf(resp) === 'refresh_token';
}

/**
 * True when the token was issued by a token response to a `refresh_token` grant (Core §12.2 relaxes some
 * checks for such ID tokens): any of its parents (see {@link parentsOf}) is a refresh response. Does not
 * look at the flow type.
 */
export function issuedByRefresh(a: Artifact, ctx: RuleContext): boolean {
  return parentsOf(a, ctx).some(isRefreshResponse);
}

/** Where an ID token travels when the authorization endpoint issued it (implicit and hybrid flows). */
const FRONT_CHANNEL_ID_TOKEN: readonly string[] = ['url.fragment.id_token', 'url.query.id_token', 'response.form.id_token', 'response.web_message.id_token'];

/**
 * True when the ID token was issued by the authorization endpoint: it arrived in the redirect's fragment or
 * query, in a form_post or a web message, under the name `id_token`. Does not look at the flow type, and does not count an
 * ID token that merely travelled in a URL later (e.g. as `id_token_hint`).
 */
export function fromAuthorizationEndpoint(a: Artifact): boolean {
  return a.occurrences.some((o) => FRONT_CHANNEL_ID_TOKEN.includes(o.location));
}

/** True when the ID token came in a token endpoint's JSON response. Does not check which grant it answered. */
export function fromTokenEndpoint(a: Artifact): boolean {
  return a.occurrences.some((o) => o.location === 'response.json.id_token');
}

const KIND_LABELS: Partial<Record<ArtifactKind, string>> = {
  id_token: 'ID token',
  access_token: 'access token',
  refresh_token: 'refresh token',
  opaque_token: 'opaque token',
  token_response: 'token response',
  authorize_response: 'authorization response',
  authorize_request: 'authorization request',
  userinfo: 'userinfo',
  introspection: 'introspection',
};

/** A short human name of an artifact's kind for messages ("ID token", "access token", the role of a `jwt`). */
export function kindLabel(a: Artifact): string {
  if (a.kind === 'jwt') return typeof a.role === 'string' && a.role ? a.role : 'JWT';
  return KIND_LABELS[a.kind] ?? a.kind;
}
