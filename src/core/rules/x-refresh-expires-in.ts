import { numberMember, secondsMember } from './claim-values.js';
import { artifactsOf, issuedBy, tokenOfResponse } from './flow-helpers.js';
import type { FlowRule } from './types.js';
import { show } from './util.js';

/**
 * x-refresh-expires-in: a token response's `refresh_expires_in` equals the lifetime of the refresh token it
 * carried (`exp - iat`), within the allowed skew (seed 002, Keycloak). `refresh_expires_in: 0` marks an
 * offline token: no comparison, only an info when the refresh token has an `exp` anyway. No finding without
 * a numeric `refresh_expires_in` or without a refresh token with numeric `exp` and `iat`. Does not judge
 * the lifetime itself.
 */
export const xRefreshExpiresIn: FlowRule = {
  id: 'x-refresh-expires-in',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const resp of artifactsOf(flow, ctx, 'token_response')) {
      const expiresIn = secondsMember(resp.claims, 'refresh_expires_in');
      const rt = issuedBy(resp, tokenOfResponse(resp, ctx, 'refresh_token'));
      const exp = numberMember(rt?.claims, 'exp');
      if (!rt || expiresIn === undefined || exp === undefined) continue;
      if (expiresIn === 0) {
        report({
          severity: 'info',
          message: `refresh_expires_in 0 marks an offline token, yet the refresh token has exp ${exp}; its lifetime is not compared`,
          claim: 'refresh_expires_in',
          artifacts: [resp.id, rt.id],
        });
        continue;
      }
      const iat = numberMember(rt.claims, 'iat');
      if (iat === undefined) continue;
      const lifetime = exp - iat;
      const diff = Math.abs(expiresIn - lifetime);
      if (diff <= ctx.skew) continue;
      report({
        message: `refresh_expires_in ${show(expiresIn)} but the refresh token lives ${lifetime} s (exp ${exp} - iat ${iat}); they differ by ${diff} s, more than the ${ctx.skew} s skew`,
        claim: 'refresh_expires_in',
        artifacts: [resp.id, rt.id],
      });
    }
  },
};
