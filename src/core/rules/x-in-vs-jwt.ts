import type { Artifact, Flow } from '../model.js';
import { TOKEN_KINDS } from '../model.js';
import { isoSeconds } from '../util/time.js';
import { numberMember, sameJson, sameSet } from './claim-values.js';
import { artifactsOf, kindLabel, latestBefore } from './flow-helpers.js';
import { skewOf } from './time-claims.js';
import type { FlowRule, Reporter, RuleContext } from './types.js';
import { isNumber, member, show, spaceSeparated } from './util.js';

/**
 * The token an introspection was about: the token artifact whose raw value is the request's `token`
 * parameter, or, when the request body was not captured, the flow's access token issued last before it.
 */
function introspectedToken(flow: Flow, ctx: RuleContext, intro: Artifact): Artifact | undefined {
  const token = intro.http?.requestForm?.token;
  if (typeof token === 'string' && token.length > 0) {
    return ctx.artifacts().find((a) => a.id !== intro.id && a.raw === token && (TOKEN_KINDS as readonly string[]).includes(a.kind));
  }
  return latestBefore(flow, ctx, 'access_token', intro);
}

/** Scopes as sets of scope tokens; a scope that is not a string is compared as JSON. */
function sameScopes(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return sameJson(a, b);
  return sameSet(spaceSeparated(a), spaceSeparated(b));
}

function compareMembers(intro: Artifact, jwt: Artifact, report: Reporter): void {
  const jwtClient = member(jwt.claims, 'client_id') !== undefined ? 'client_id' : 'azp';
  const checks: { claim: string; jwtClaim: string; equal: (a: unknown, b: unknown) => boolean }[] = [
    { claim: 'sub', jwtClaim: 'sub', equal: sameJson },
    { claim: 'client_id', jwtClaim: jwtClient, equal: sameJson },
    { claim: 'scope', jwtClaim: 'scope', equal: sameScopes },
    { claim: 'exp', jwtClaim: 'exp', equal: sameJson },
  ];
  for (const { claim, jwtClaim, equal } of checks) {
    const said = member(intro.claims, claim);
    const seen = member(jwt.claims, jwtClaim);
    if (said === undefined || seen === undefined || equal(said, seen)) continue;
    report({
      message: `introspection ${claim} ${show(said)} differs from the observed ${kindLabel(jwt)}'s ${jwtClaim} ${show(seen)}`,
      claim,
      artifacts: [intro.id, jwt.id],
    });
  }
}

/**
 * x-in-vs-jwt: an introspection answer agrees with the JWT it was about (RFC 7662 §2.2). `active: true` when
 * the JWT had expired (time of the introspection >= exp + skew) is an error; `sub`, `client_id` (against the
 * JWT's `client_id`, else `azp`), `scope` (as a set) and `exp` that differ are warnings. The JWT is found by
 * the request's `token` parameter, else it is the flow's access token. The time is that of the introspection,
 * not of the analysis, so an old capture does not make a then-valid token look expired; `ctx.now` is used only
 * when that time is unknown. No finding for `active: false`, opaque tokens, or members missing on either side.
 */
export const xInVsJwt: FlowRule = {
  id: 'x-in-vs-jwt',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const intro of artifactsOf(flow, ctx, 'introspection')) {
      const active = member(intro.claims, 'active');
      if (active === false || !intro.claims) continue;
      const jwt = introspectedToken(flow, ctx, intro);
      if (!jwt || jwt.jwt?.format !== 'jws' || !jwt.claims) continue;
      const exp = numberMember(jwt.claims, 'exp');
      const at = isNumber(intro.at) && intro.at > 0 ? Math.floor(intro.at / 1000) : ctx.now;
      const skew = skewOf(ctx);
      if (active === true && exp !== undefined && at >= exp + skew) {
        report({
          severity: 'error',
          message: `introspection at ${isoSeconds(at)} says active:true, but the ${kindLabel(jwt)} expired at ${isoSeconds(exp)} (exp ${exp}, skew ${skew} s); an expired token must be reported inactive`,
          claim: 'active',
          artifacts: [intro.id, jwt.id],
        });
      }
      compareMembers(intro, jwt, report);
    }
  },
};
