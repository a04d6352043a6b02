import { artifactsOf, kindLabel, tokensOfResponse } from './flow-helpers.js';
import { artifactIds, conflicting, describeValues, type LabelledValue } from './labelled-values.js';
import type { FlowRule } from './types.js';
import { member } from './util.js';

const CHECKS = [
  { claim: 'iss', severity: 'error', why: 'all tokens of one response must come from the same issuer' },
  { claim: 'azp', severity: 'warning', why: 'all tokens of one response should be for the same authorized party' },
] as const;

/**
 * x-iss-azp: the ID, access and refresh tokens one response carried (a token response, or the authorization
 * response of the implicit or hybrid flow) have identical `iss` (E) and identical `azp` (W) (RFC 8725 §3.8).
 * A token without the claim is left out of the comparison. Does not compare tokens of different responses,
 * nor other JWTs of the response (e.g. `bankid_proof`).
 */
export const xIssAzp: FlowRule = {
  id: 'x-iss-azp',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const resp of artifactsOf(flow, ctx, 'token_response', 'authorize_response')) {
      const tokens = tokensOfResponse(resp, ctx, 'id_token', 'access_token', 'refresh_token').filter((t) => t.claims);
      for (const { claim, severity, why } of CHECKS) {
        const values: LabelledValue[] = [];
        for (const t of tokens) {
          const value = member(t.claims, claim);
          if (value !== undefined) values.push({ artifact: t, label: kindLabel(t), value });
        }
        if (!conflicting(values)) continue;
        report({
          severity,
          message: `${claim} differs across the tokens of one ${kindLabel(resp)}: ${describeValues(values)}; ${why}`,
          claim,
          artifacts: [resp.id, ...artifactIds(values)],
        });
      }
    }
  },
};
