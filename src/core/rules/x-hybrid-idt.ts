import type { Artifact } from '../model.js';
import { sameJson } from './claim-values.js';
import { artifactsOf, fromAuthorizationEndpoint, fromTokenEndpoint, isRefreshResponse, issuePosition, parentOf } from './flow-helpers.js';
import type { FlowRule, RuleContext } from './types.js';
import { member, show } from './util.js';

/** Issued by the token endpoint of the code exchange (not by a refresh). */
function fromCodeExchange(a: Artifact, ctx: RuleContext): boolean {
  if (!fromTokenEndpoint(a)) return false;
  const parent = parentOf(a, ctx);
  return !parent || !isRefreshResponse(parent);
}

/**
 * x-hybrid-idt (hybrid flows): the ID token from the authorization endpoint and the one from the token
 * endpoint have the same `iss` and `sub` (Core §3.3.3.6); one error per differing claim. Each token-endpoint
 * ID token is paired with the authorization-endpoint one issued last before it, else the first of the flow.
 * ID tokens from refresh grants are left to x-refresh-idt; a missing claim is left to idt-required.
 */
export const xHybridIdt: FlowRule = {
  id: 'x-hybrid-idt',
  scope: 'flow',
  check(flow, ctx, report) {
    if (flow.type !== 'hybrid') return;
    const idts = artifactsOf(flow, ctx, 'id_token');
    const front = idts.filter(fromAuthorizationEndpoint);
    if (front.length === 0) return;
    for (const back of idts) {
      if (!fromCodeExchange(back, ctx) || front.includes(back)) continue;
      const pos = issuePosition(flow, back);
      const earlier = front.filter((f) => issuePosition(flow, f) < pos);
      const pair = earlier[earlier.length - 1] ?? front[0]!;
      for (const claim of ['iss', 'sub']) {
        const a = member(pair.claims, claim);
        const b = member(back.claims, claim);
        if (a === undefined || b === undefined || sameJson(a, b)) continue;
        report({
          message: `the token endpoint's ID token ${claim} ${show(b)} differs from the authorization endpoint's ID token ${claim} ${show(a)}; in the hybrid flow both must be the same`,
          claim,
          artifacts: [back.id, pair.id],
        });
      }
    }
  },
};
