import type { Artifact } from '../model.js';
import { artifactsOf, kindLabel, tokensOfResponse } from './flow-helpers.js';
import { foreignAudience } from './audience.js';
import { artifactIds, conflicting, describeValues, type LabelledValue } from './labelled-values.js';
import type { FlowRule } from './types.js';
import { member, show } from './util.js';

/** The labelled values of `claim` over the tokens that have it. */
function valuesOf(tokens: readonly Artifact[], claim: string): LabelledValue[] {
  const values: LabelledValue[] = [];
  for (const t of tokens) {
    const value = member(t.claims, claim);
    if (value !== undefined) values.push({ artifact: t, label: kindLabel(t), value });
  }
  return values;
}

/**
 * x-iss-azp: the ID, access and refresh tokens one response carried (a token response, or the authorization
 * response of the implicit or hybrid flow) have identical `iss` (E) and identical `azp` (W) (RFC 8725 §3.8).
 * An access token whose `aud` names neither the client nor the ID token's issuer is for another resource: its
 * differing `iss` is only info. A token without the claim is left out of the comparison. Does not compare
 * tokens of different responses, nor other JWTs of the response (e.g. `bankid_proof`).
 */
export const xIssAzp: FlowRule = {
  id: 'x-iss-azp',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const resp of artifactsOf(flow, ctx, 'token_response', 'authorize_response')) {
      const tokens = tokensOfResponse(resp, ctx, 'id_token', 'access_token', 'refresh_token').filter((t) => t.claims);
      const idTokenIssuers = tokens.filter((t) => t.kind === 'id_token').map((t) => member(t.claims, 'iss')).filter((v) => v !== undefined);
      const issValues = valuesOf(tokens, 'iss');
      // An access token for another resource (its aud names neither the client nor the ID token's issuer).
      const audienceOf = (t: Artifact) => (t.kind === 'access_token' ? foreignAudience(t, ctx, idTokenIssuers, [resp]) : undefined);
      const foreign = issValues.filter((v) => audienceOf(v.artifact) !== undefined);
      const own = issValues.filter((v) => !foreign.includes(v));
      if (conflicting(own)) {
        report({
          severity: 'error',
          message: `iss differs across the tokens of one ${kindLabel(resp)}: ${describeValues(own)}; all tokens of one response must come from the same issuer`,
          claim: 'iss',
          artifacts: [resp.id, ...artifactIds(own)],
        });
      }
      const ref = own[0] ?? foreign[0];
      for (const v of foreign) {
        if (!ref || !conflicting([ref, v])) continue;
        const aud = audienceOf(v.artifact) ?? [];
        report({
          severity: 'info',
          message: `iss differs across the tokens of one ${kindLabel(resp)}: ${describeValues([ref, v])}; the access token is for another resource (aud ${show(aud)}, not the client or the ID token's issuer), whose tokens may come from another issuer: the client is not its audience (RFC 6749 §1.4)`,
          claim: 'iss',
          artifacts: [resp.id, ...artifactIds([ref, v])],
        });
      }
      const azpValues = valuesOf(tokens, 'azp');
      if (conflicting(azpValues)) {
        report({
          severity: 'warning',
          message: `azp differs across the tokens of one ${kindLabel(resp)}: ${describeValues(azpValues)}; all tokens of one response should be for the same authorized party`,
          claim: 'azp',
          artifacts: [resp.id, ...artifactIds(azpValues)],
        });
      }
    }
  },
};
