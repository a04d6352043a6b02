import type { ArtifactRule } from './types.js';
import { show } from './util.js';

/**
 * tr-token-type: the token response's `token_type` is compared case-insensitively (RFC 6749 §5.1), so
 * `bearer` in another case than `Bearer` is accepted but noted (seed 002 announces the change to `Bearer`);
 * a `token_type` that is not a string is noted too. Gives no finding for a missing `token_type` (tr-required)
 * or for other token types such as `DPoP`.
 */
export const trTokenType: ArtifactRule = {
  id: 'tr-token-type',
  scope: 'artifact',
  kinds: ['token_response'],
  check(a, _ctx, report) {
    const claims = a.claims;
    if (!claims || typeof claims !== 'object' || !Object.prototype.hasOwnProperty.call(claims, 'token_type')) return;
    const value = claims.token_type;
    if (value === undefined) return;
    if (typeof value !== 'string') {
      report({ message: `token_type ${show(value)} is not a string; expected "Bearer"`, claim: 'token_type' });
      return;
    }
    if (value !== 'Bearer' && value.toLowerCase() === 'bearer') {
      report({
        message: `token_type ${show(value)} is not written "Bearer": token types are compared case-insensitively, so it is accepted; seed 002 notes it will become Bearer`,
        claim: 'token_type',
      });
    }
  },
};
