import type { Artifact, Flow } from '../model.js';
import { missingFrom } from './claim-values.js';
import { artifactsOf, isRefreshResponse } from './flow-helpers.js';
import type { FlowRule, RuleContext } from './types.js';
import { member, show, spaceSeparated } from './util.js';

interface OriginalScope {
  scopes: string[];
  text: string;
  from: Artifact[];
  label: string;
}

/** Asks for a refresh token, not for access to a resource (Core §11): never counts as an added scope on request. */
const OFFLINE_ACCESS = 'offline_access';

function scopeFrom(value: unknown, from: Artifact, label: string): OriginalScope | undefined {
  const scopes = spaceSeparated(value);
  return scopes.length > 0 ? { scopes, text: value as string, from: [from], label } : undefined;
}

/** The flow's first token response before `limit` that is not a refresh. */
function firstGrant(flow: Flow, ctx: RuleContext, limit: number): Artifact | undefined {
  return artifactsOf(flow, ctx, 'token_response').find((r) => !isRefreshResponse(r) && flow.artifacts.indexOf(r.id) < limit);
}

/**
 * The scope originally granted, for the response-side check: the `scope` of the flow's first token response
 * before `limit` that is not a refresh (else the scope its request asked for, as RFC 6749 §5.1 lets the server
 * omit an unchanged scope), else the scope of the flow's first authorization request.
 */
function grantedScope(flow: Flow, ctx: RuleContext, limit: number): OriginalScope | undefined {
  const first = firstGrant(flow, ctx, limit);
  if (first) {
    const found = scopeFrom(member(first.claims, 'scope'), first, 'the first token response') ?? scopeFrom(first.http?.requestForm?.scope, first, 'the first token request');
    if (found) return found;
  }
  const authz = artifactsOf(flow, ctx, 'authorize_request')[0];
  return authz ? scopeFrom(member(authz.claims, 'scope'), authz, 'the authorization request') : undefined;
}

/**
 * The scope originally asked for or granted, for the request-side check: the union of the first authorization
 * request's scope, the first (non-refresh) token request's form scope and that response's scope, without
 * `offline_access`. `undefined` when none of them names a scope besides `offline_access`.
 */
function originalScopeUnion(flow: Flow, ctx: RuleContext, limit: number): OriginalScope | undefined {
  const parts: OriginalScope[] = [];
  const authz = artifactsOf(flow, ctx, 'authorize_request')[0];
  const first = firstGrant(flow, ctx, limit);
  const add = (p: OriginalScope | undefined) => {
    if (p) parts.push(p);
  };
  if (authz) add(scopeFrom(member(authz.claims, 'scope'), authz, 'the authorization request'));
  if (first) {
    add(scopeFrom(first.http?.requestForm?.scope, first, 'the first token request'));
    add(scopeFrom(member(first.claims, 'scope'), first, 'the first token response'));
  }
  if (parts.length === 0) return undefined;
  const scopes = [...new Set(parts.flatMap((p) => p.scopes))].filter((s) => s !== OFFLINE_ACCESS);
  if (scopes.length === 0) return undefined;
  const labels = parts.map((p) => p.label);
  const label = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''}` : (labels[0] ?? '');
  return { scopes, text: scopes.join(' '), from: [...new Set(parts.flatMap((p) => p.from))], label };
}

/** The refresh request, or the flow's first token request, names a `resource` (RFC 8707). */
function usesResourceIndicators(flow: Flow, ctx: RuleContext, refresh: Artifact, limit: number): boolean {
  const hasResource = (a: Artifact | undefined) => (a?.http?.requestForm?.resource?.length ?? 0) > 0;
  return hasResource(refresh) || hasResource(firstGrant(flow, ctx, limit));
}

/**
 * x-refresh-scope: the scope of a token response to a `refresh_token` grant, and the scope its request asked
 * for, are subsets of the scope originally granted (RFC 6749 §6); each names the extra scope values.
 * The response is compared with the first grant's scope (with the union below when a `resource` indicator is in
 * play, RFC 8707 §2.2: responses then carry per-resource scopes); the request with the union of the scopes of the
 * authorization request, the first token request and the first token response, `offline_access` ignored on
 * both sides (it asks for a refresh token, not resource access; Core §11).
 * No finding when the original scope is unknown or the refresh has no `scope` (an omitted scope means the
 * original one). With a resource indicator in play and no authorization request in the flow (not captured, or
 * the login happened before the capture) the grant is unknown too: the first response carries the scope of one
 * resource only, so neither side is judged. Scope values are compared case-sensitively. Does not judge a
 * narrowed scope.
 */
export const xRefreshScope: FlowRule = {
  id: 'x-refresh-scope',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const resp of artifactsOf(flow, ctx, 'token_response')) {
      if (!isRefreshResponse(resp)) continue;
      const limit = flow.artifacts.indexOf(resp.id);
      // With resource indicators each token response carries the scope for its resource (RFC 8707 §2.2), so the
      // first response is no measure of the grant; the grant is what was asked for and consented to.
      const perResource = usesResourceIndicators(flow, ctx, resp, limit);
      if (perResource && artifactsOf(flow, ctx, 'authorize_request').length === 0) continue;
      const original = perResource ? originalScopeUnion(flow, ctx, limit) : grantedScope(flow, ctx, limit);
      const granted = member(resp.claims, 'scope');
      const grantedExtra = original ? missingFrom(spaceSeparated(granted), original.scopes) : [];
      if (original && grantedExtra.length > 0) {
        report({
          message: `the refreshed scope ${show(granted)} adds ${show(grantedExtra.join(' '))}, not in the original scope ${show(original.text)} of ${original.label}; a refresh may only keep or narrow the scope`,
          claim: 'scope',
          artifacts: [resp.id, ...original.from.map((a) => a.id)],
        });
      }
      const union = originalScopeUnion(flow, ctx, limit);
      const asked = resp.http?.requestForm?.scope;
      const askedExtra = union ? missingFrom(spaceSeparated(asked), union.scopes).filter((s) => s !== OFFLINE_ACCESS) : [];
      if (union && askedExtra.length > 0) {
        report({
          message: `the refresh request asks for scope ${show(asked)}, adding ${show(askedExtra.join(' '))} to the original scope ${show(union.text)} of ${union.label}; a refresh may only keep or narrow the scope`,
          claim: 'scope',
          artifacts: [resp.id, ...union.from.map((a) => a.id)],
        });
      }
    }
  },
};
