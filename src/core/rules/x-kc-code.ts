import type { Artifact } from '../model.js';
import { stringMember } from './claim-values.js';
import { artifactsOf, grantTypeOf, kindLabel, latestBefore } from './flow-helpers.js';
import type { FlowRule } from './types.js';
import { isKeycloak, show } from './util.js';

/** The user-session segment of a Keycloak code `uuid.userSessionId.clientUUID`; `undefined` for other shapes. */
function userSessionOf(code: string): string | undefined {
  const parts = code.split('.');
  return parts.length === 3 && parts.every((p) => p.length > 0) ? parts[1] : undefined;
}

interface CodePair {
  code: string;
  sessionState: string;
  /** The artifact holding `session_state` first: its profile decides the severity. */
  artifacts: Artifact[];
}

/**
 * x-kc-code (Keycloak profiles only): a Keycloak authorization code has the form
 * `uuid.userSessionId.clientUUID`, and its middle segment equals the `session_state` of the token response
 * that answered it (code from the token request, else from the flow's authorization response; responses to
 * other grants are skipped), and of the authorization response that carried it. Reported as info, showing both values. Codes of another shape,
 * or a missing `session_state`, give no finding. Does not check that the segments are UUIDs.
 */
export const xKcCode: FlowRule = {
  id: 'x-kc-code',
  scope: 'flow',
  check(flow, ctx, report) {
    const pairs: CodePair[] = [];
    for (const resp of artifactsOf(flow, ctx, 'token_response')) {
      const sessionState = stringMember(resp.claims, 'session_state');
      const grant = grantTypeOf(resp);
      if (!sessionState || (grant !== undefined && grant !== 'authorization_code') || !isKeycloak(ctx, resp)) continue;
      const formCode = resp.http?.requestForm?.code;
      const authz = typeof formCode === 'string' ? undefined : latestBefore(flow, ctx, 'authorize_response', resp);
      const code = typeof formCode === 'string' ? formCode : stringMember(authz?.claims, 'code');
      if (code) pairs.push({ code, sessionState, artifacts: authz ? [resp, authz] : [resp] });
    }
    for (const authz of artifactsOf(flow, ctx, 'authorize_response')) {
      const sessionState = stringMember(authz.claims, 'session_state');
      const code = stringMember(authz.claims, 'code');
      if (sessionState && code && isKeycloak(ctx, authz)) pairs.push({ code, sessionState, artifacts: [authz] });
    }
    const seen = new Set<string>();
    for (const { code, sessionState, artifacts } of pairs) {
      const userSession = userSessionOf(code);
      const key = JSON.stringify([code, sessionState]);
      if (userSession === undefined || userSession === sessionState || seen.has(key)) continue;
      seen.add(key);
      report({
        message: `the user-session segment ${show(userSession)} of the Keycloak authorization code differs from the ${kindLabel(artifacts[0]!)}'s session_state ${show(sessionState)}; Keycloak codes are uuid.userSessionId.clientUUID`,
        claim: 'session_state',
        artifacts: artifacts.map((a) => a.id),
      });
    }
  },
};
