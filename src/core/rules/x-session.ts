import type { Artifact } from '../model.js';
import { artifactsOf, kindLabel, tokensOfResponse } from './flow-helpers.js';
import { artifactIds, conflicting, describeValues, type LabelledValue } from './labelled-values.js';
import type { FlowRule, RuleContext } from './types.js';
import { isKeycloak, member } from './util.js';

/**
 * Members that name the session: `sid`, and under a Keycloak profile its legacy `session_state`. Elsewhere
 * `session_state` is OIDC Session Management's salted hash of the session, which never equals a `sid`.
 */
function sessionMembers(a: Artifact, ctx: RuleContext): readonly string[] {
  return isKeycloak(ctx, a) ? ['sid', 'session_state'] : ['sid'];
}

function sessionValues(a: Artifact, label: string, ctx: RuleContext): LabelledValue[] {
  const out: LabelledValue[] = [];
  for (const name of sessionMembers(a, ctx)) {
    const value = member(a.claims, name);
    if (value !== undefined) out.push({ artifact: a, label: `${label} ${name}`, value });
  }
  return out;
}

/**
 * x-session: within one response (token response or authorization response), the response's own `sid` and
 * the `sid` of every token it carried all name the same session (OIDC Front-Channel Logout §3); under a Keycloak
 * profile their `session_state` too (Keycloak's session id). Elsewhere `session_state` is OIDC Session
 * Management's salted hash and is never compared. Missing members are left out. Does not compare sessions across responses
 * (a new login legitimately has a new session) and does not check the format of the values.
 */
export const xSession: FlowRule = {
  id: 'x-session',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const resp of artifactsOf(flow, ctx, 'token_response', 'authorize_response')) {
      const values = sessionValues(resp, kindLabel(resp), ctx);
      for (const t of tokensOfResponse(resp, ctx)) values.push(...sessionValues(t, kindLabel(t), ctx));
      if (!conflicting(values)) continue;
      report({
        message: `the session differs within one ${kindLabel(resp)}: ${describeValues(values)}; they should all name the same session`,
        artifacts: [resp.id, ...artifactIds(values).filter((id) => id !== resp.id)],
      });
    }
  },
};
