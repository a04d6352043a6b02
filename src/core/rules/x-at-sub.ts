import type { Artifact } from '../model.js';
import { foreignAudience } from './audience.js';
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
 * last before, else any. An access token whose `aud` names neither the client nor the issuer is for another
 * resource, which may use its own subject for the user (Entra pairwise subjects, Okta's login as `sub`): an info.
 * Tokens or ID tokens without `sub` give no finding. Does not look at opaque tokens, and does not judge
 * client-credentials subjects (x-client-sub does).
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
      const issuers = [member(idt.claims, 'iss'), member(t.claims, 'iss'), flow.issuer];
      const foreign = t.kind === 'access_token' ? foreignAudience(t, ctx, issuers, [idt]) : undefined;
      if (foreign) {
        report({
          severity: 'info',
          message: `${kindLabel(t)} sub ${show(sub)} differs from the ID token sub ${show(idSub)}, but the access token's aud ${show(foreign)} names neither the client nor the issuer: it is for another resource, which may identify the user by its own subject (pairwise or per-resource subjects are common)`,
          claim: 'sub',
          artifacts: [t.id, idt.id],
        });
        continue;
      }
      report({
        message: `${kindLabel(t)} sub ${show(sub)} differs from the ID token sub ${show(idSub)}; both should name the same user`,
        claim: 'sub',
        artifacts: [t.id, idt.id],
      });
    }
  },
};
