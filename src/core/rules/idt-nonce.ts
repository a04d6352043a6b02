import type { Artifact } from '../model.js';
import { stringMember } from './claim-values.js';
import { authorizeRequestFor, fromAuthorizationEndpoint, issuedByRefresh } from './flow-helpers.js';
import type { ArtifactRule, RuleContext } from './types.js';
import { show } from './util.js';

/** The `nonce` an authorize request sent, when it is a non-empty string. */
function nonceOf(request: Artifact | undefined): string | undefined {
  return stringMember(request?.claims, 'nonce') || undefined;
}

/** Authorize requests by nonce, built once per analysis (the artifact list is the analysis's identity). */
const requestsByNonce = new WeakMap<readonly Artifact[], Map<string, Artifact[]>>();

function requestsWithNonce(nonce: string, ctx: RuleContext): Artifact[] {
  const all = ctx.artifacts();
  let index = requestsByNonce.get(all);
  if (!index) {
    index = new Map();
    for (const other of all) {
      const n = other.kind === 'authorize_request' ? nonceOf(other) : undefined;
      if (n === undefined) continue;
      const list = index.get(n);
      if (list) list.push(other);
      else index.set(n, [other]);
    }
    requestsByNonce.set(all, index);
  }
  return index.get(nonce) ?? [];
}

/** Flows (other than the given one) whose authorize request sent the same nonce. */
function otherFlowsWithNonce(nonce: string, request: Artifact, ctx: RuleContext): string[] {
  const own = ctx.flowOf(request)?.id;
  const flows = new Set<string>();
  for (const other of requestsWithNonce(nonce, ctx)) {
    if (other.id === request.id) continue;
    const flow = ctx.flowOf(other)?.id ?? other.id;
    if (flow !== own) flows.add(flow);
  }
  return [...flows];
}

/** How many flow ids the reuse message names before it says "and N more". */
const MAX_LISTED = 3;

/** `f1, f2, f3 and 4 more` for a message. */
function listFlows(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} and ${ids.length - MAX_LISTED} more` : shown;
}

/**
 * idt-nonce: the ID token `nonce` equals the nonce of the flow's captured authorize request (Core §3.1.3.7
 * step 11); an ID token from the authorization endpoint (implicit, hybrid) has a nonce (Core §3.2.2.11); the same
 * nonce sent in the authorize requests of several flows is a warning. A refreshed ID token (Core §12.2) is
 * left to x-refresh-idt, which compares it with the previous ID token. Does not judge a nonce's entropy, and
 * says nothing when neither an authorize request nor a front-channel delivery was seen.
 */
export const idtNonce: ArtifactRule = {
  id: 'idt-nonce',
  scope: 'artifact',
  kinds: ['id_token'],
  check(a, ctx, report) {
    const claims = a.claims;
    if (!claims) return;
    const request = authorizeRequestFor(a, ctx);
    const sent = nonceOf(request);
    const hasNonce = Object.hasOwn(claims, 'nonce');
    const refreshed = issuedByRefresh(a, ctx);

    if (refreshed) return;
    if (sent !== undefined) {
      if (!hasNonce) {
        report({ message: `the ID token has no nonce, but the authorize request sent nonce ${show(sent)}`, claim: 'nonce' });
      } else if (claims.nonce !== sent) {
        report({ message: `nonce ${show(claims.nonce)} does not match the authorize request nonce ${show(sent)}`, claim: 'nonce' });
      }
    } else if (fromAuthorizationEndpoint(a)) {
      if (!hasNonce) {
        report({ message: 'the ID token came from the authorization endpoint (implicit or hybrid flow) without a nonce; nonce is required there', claim: 'nonce' });
      } else if (typeof claims.nonce !== 'string' || claims.nonce === '') {
        report({ message: `nonce ${show(claims.nonce)} is not a usable nonce; an ID token from the authorization endpoint requires a non-empty string nonce`, claim: 'nonce' });
      }
    }

    if (sent !== undefined && request) {
      const others = otherFlowsWithNonce(sent, request, ctx);
      if (others.length > 0) {
        report({
          severity: 'warning',
          message: `the same nonce was used for several logins: nonce ${show(sent)} was also sent in ${others.length} other flow${others.length > 1 ? 's' : ''} (${listFlows(others)})`,
          claim: 'nonce',
        });
      }
    }
  },
};
