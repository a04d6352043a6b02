import type { Artifact } from '../model.js';
import { artifactsOf, kindLabel, tokensOfResponse } from './flow-helpers.js';
import { artifactIds, conflicting, describeValues, type LabelledValue } from './labelled-values.js';
import type { FlowRule } from './types.js';
import { member } from './util.js';

/** Members that name the session: `sid`, and Keycloak's legacy `session_state`. */
const SESSION_MEMBERS: readonly string[] = ['sid', 'session_state'];

function sessionValues(a: Artifact, label: string): LabelledValue[] {
  const out: LabelledValue[] = [];
  for (const name of SESSION_MEMBERS) {
    const value = member(a.claims, name);
    if (value !== undefined) out.push({ artifact: a, label: `${label} ${name}`, value });
  }
  return out;
}

/**
 * x-session: within one response (token response or authorization response), the response's own
 * `session_state` / `sid` and the `sid` / `session_state` of every token it carried all name the same session
 * (OIDC Front-Channel Logout §3). Missing members are left out. Does not compare sessions across responses
 * (a new login legitimately has a new session) and does not check the format of the values.
 */
export const xSession: FlowRule = {
  id: 'x-session',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const resp of artifactsOf(flow, ctx, 'token_response', 'authorize_response')) {
      const values = sessionValues(resp, kindLabel(resp));
      for (const t of tokensOfResponse(resp, ctx)) values.push(...sessionValues(t, kindLabel(t)));
      if (!conflicting(values)) continue;
      report({
        message: `the session differs within one ${kindLabel(resp)}: ${describeValues(values)}; they should all name the same session`,
        artifacts: [resp.id, ...artifactIds(values).filter((id) => id !== resp.id)],
      });
    }
  },
};
