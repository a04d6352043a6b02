import type { Artifact } from '../model.js';
import { sameJson } from './claim-values.js';
import { artifactsOf, idTokenFor, kindLabel } from './flow-helpers.js';
import type { FlowRule, RuleContext } from './types.js';
import { isKeycloakRefreshToken, member, show } from './util.js';

/** JWT access tokens always; refresh tokens only where Keycloak makes them JWTs about the user. */
function applies(a: Artifact, ctx: RuleContext): boolean {
  if (a.jwt?.format !== 'jws' || !a.claims) return false;
  return a.kind === 'access_token' || isKeycloakRefreshToken(a, ctx);
}

/**
 * x-at-sub: the `sub` of each JWT access token, and of each refresh token under a Keycloak profile, equals
 * the `sub` of the flow's ID token (RFC 9068 §2.2): the ID token of the same response, else the one issued
 * last before, else any. Tokens or ID tokens without `sub` give no finding. Does not look at opaque tokens,
 * and does not judge client-credentials subjects (x-client-sub does).
 */
export const xAtSub: FlowRule = {
  id: 'x-at-sub',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const t of artifactsOf(flow, ctx, 'access_token', 'refresh_token')) {
      if (!applies(t, ctx)) continue;
      const sub = member(t.claims, 'sub');
      if (sub === undefined) continue;
      const idt = idTokenFor(flow, ctx, t);
      const idSub = member(idt?.claims, 'sub');
      if (!idt || idSub === undefined || sameJson(sub, idSub)) continue;
      report({
        message: `${kindLabel(t)} sub ${show(sub)} differs from the ID token sub ${show(idSub)}; both should name the same user`,
        claim: 'sub',
        artifacts: [t.id, idt.id],
      });
    }
  },
};
