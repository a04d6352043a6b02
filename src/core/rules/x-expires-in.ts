import { artifactsOf } from './flow-helpers.js';
import { skewOf } from './time-claims.js';
import { announcedLifetime, lifetimeMismatch } from './token-lifetime.js';
import type { FlowRule } from './types.js';

/**
 * x-expires-in: a token response's `expires_in` equals the lifetime of the JWT access token it carried
 * (`exp - iat`, or `exp` minus the response's arrival for servers that backdate `iat`), within the allowed skew
 * (RFC 6749 §5.1; seed 002). A digit string counts as a number.
 * No finding without a numeric `expires_in`, or without an access token having numeric `exp` and `iat`.
 * Does not judge the lifetime itself nor whether the token has expired.
 */
export const xExpiresIn: FlowRule = {
  id: 'x-expires-in',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const resp of artifactsOf(flow, ctx, 'token_response')) {
      const lifetime = announcedLifetime(resp, ctx, 'expires_in', 'access_token');
      if (!lifetime) continue;
      const message = lifetimeMismatch(lifetime, skewOf(ctx));
      if (message === undefined) continue;
      report({ message, claim: 'expires_in', artifacts: [resp.id, lifetime.token.id] });
    }
  },
};
