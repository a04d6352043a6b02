import type { Artifact, Flow } from '../model.js';
import { missingFrom } from './claim-values.js';
import { artifactsOf, isRefreshResponse } from './flow-helpers.js';
import type { FlowRule, RuleContext } from './types.js';
import { member, show, spaceSeparated } from './util.js';

interface OriginalScope {
  scopes: string[];
  text: string;
  from: Artifact;
  label: string;
}

function scopeFrom(value: unknown, from: Artifact, label: string): OriginalScope | undefined {
  const scopes = spaceSeparated(value);
  return scopes.length > 0 ? { scopes, text: value as string, from, label } : undefined;
}

/**
 * The scope originally granted: the `scope` of the flow's first token response before `limit` that is not a
 * refresh (else the scope its request asked for, as RFC 6749 §5.1 lets the server omit an unchanged scope),
 * else the scope of the flow's first authorization request.
 */
function originalScope(flow: Flow, ctx: RuleContext, limit: number): OriginalScope | undefined {
  const first = artifactsOf(flow, ctx, 'token_response').find((r) => !isRefreshResponse(r) && flow.artifacts.indexOf(r.id) < limit);
  if (first) {
    const found = scopeFrom(member(first.claims, 'scope'), first, 'the first token response') ?? scopeFrom(first.http?.requestForm?.scope, first, 'the first token request');
    if (found) return found;
  }
  const authz = artifactsOf(flow, ctx, 'authorize_request')[0];
  return authz ? scopeFrom(member(authz.claims, 'scope'), authz, 'the authorization request') : undefined;
}

/**
 * x-refresh-scope: the scope of a token response to a `refresh_token` grant, and the scope its request asked
 * for, are subsets of the scope originally granted (RFC 6749 §6); each names the extra scope values.
 * No finding when the original scope is unknown or the refresh has no `scope` (an omitted scope means the
 * original one). Scope values are compared case-sensitively. Does not judge a narrowed scope.
 */
export const xRefreshScope: FlowRule = {
  id: 'x-refresh-scope',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const resp of artifactsOf(flow, ctx, 'token_response')) {
      if (!isRefreshResponse(resp)) continue;
      const original = originalScope(flow, ctx, flow.artifacts.indexOf(resp.id));
      if (!original) continue;
      const artifacts = [resp.id, original.from.id];
      const granted = member(resp.claims, 'scope');
      const grantedExtra = missingFrom(spaceSeparated(granted), original.scopes);
      if (grantedExtra.length > 0) {
        report({
          message: `the refreshed scope ${show(granted)} adds ${show(grantedExtra.join(' '))}, not in the original scope ${show(original.text)} of ${original.label}; a refresh may only keep or narrow the scope`,
          claim: 'scope',
          artifacts,
        });
      }
      const asked = resp.http?.requestForm?.scope;
      const askedExtra = missingFrom(spaceSeparated(asked), original.scopes);
      if (askedExtra.length > 0) {
        report({
          message: `the refresh request asks for scope ${show(asked)}, adding ${show(askedExtra.join(' '))} to the original scope ${show(original.text)} of ${original.label}; a refresh may only keep or narrow the scope`,
          claim: 'scope',
          artifacts,
        });
      }
    }
  },
};
