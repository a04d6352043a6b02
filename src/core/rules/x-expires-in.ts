import { numberMember, secondsMember } from './claim-values.js';
import { artifactsOf, issuedBy, tokenOfResponse } from './flow-helpers.js';
import type { FlowRule } from './types.js';
import { show } from './util.js';

/**
 * x-expires-in: a token response's `expires_in` equals the lifetime of the JWT access token it carried
 * (`exp - iat`), within the allowed skew (RFC 6749 §5.1; seed 002). A digit string counts as a number.
 * No finding without a numeric `expires_in`, or without an access token having numeric `exp` and `iat`.
 * Does not judge the lifetime itself nor whether the token has expired.
 */
export const xExpiresIn: FlowRule = {
  id: 'x-expires-in',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const resp of artifactsOf(flow, ctx, 'token_response')) {
      const expiresIn = secondsMember(resp.claims, 'expires_in');
      const at = issuedBy(resp, tokenOfResponse(resp, ctx, 'access_token'));
      const exp = numberMember(at?.claims, 'exp');
      const iat = numberMember(at?.claims, 'iat');
      if (!at || expiresIn === undefined || exp === undefined || iat === undefined) continue;
      const lifetime = exp - iat;
      const diff = Math.abs(expiresIn - lifetime);
      if (diff <= ctx.skew) continue;
      report({
        message: `expires_in ${show(expiresIn)} but the access token lives ${lifetime} s (exp ${exp} - iat ${iat}); they differ by ${diff} s, more than the ${ctx.skew} s skew`,
        claim: 'expires_in',
        artifacts: [resp.id, at.id],
      });
    }
  },
};
