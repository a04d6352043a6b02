import { artifactsOf } from './flow-helpers.js';
import { skewOf } from './time-claims.js';
import { announcedLifetime, lifetimeMismatch } from './token-lifetime.js';
import type { FlowRule } from './types.js';

/**
 * x-refresh-expires-in: a token response's `refresh_expires_in` equals the lifetime of the refresh token it
 * carried (`exp - iat`), within the allowed skew (seed 002, Keycloak). `refresh_expires_in: 0` marks an
 * offline token: no comparison, only an info when the refresh token has a non-zero `exp` anyway; a refresh token
 * with `exp: 0` (Keycloak's offline token) is never compared. No finding without
 * a numeric `refresh_expires_in` or without a refresh token with numeric `exp` and `iat`. Does not judge
 * the lifetime itself.
 */
export const xRefreshExpiresIn: FlowRule = {
  id: 'x-refresh-expires-in',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const resp of artifactsOf(flow, ctx, 'token_response')) {
      const lifetime = announcedLifetime(resp, ctx, 'refresh_expires_in', 'refresh_token');
      if (!lifetime || lifetime.exp === 0) continue;
      const artifacts = [resp.id, lifetime.token.id];
      if (lifetime.expiresIn === 0) {
        report({
          severity: 'info',
          message: `refresh_expires_in 0 marks an offline token, yet the refresh token has exp ${lifetime.exp}; its lifetime is not compared`,
          claim: 'refresh_expires_in',
          artifacts,
        });
        continue;
      }
      const message = lifetimeMismatch(lifetime, skewOf(ctx));
      if (message === undefined) continue;
      report({ message, claim: 'refresh_expires_in', artifacts });
    }
  },
};
