import type { ArtifactRule } from './types.js';
import { show } from './util.js';

/**
 * ui-sub: a userinfo response contains `sub` (Core §5.3.2), which the client must compare with the ID token
 * `sub`. A `null` or empty `sub` counts as missing. An unreadable body (no claims) and error responses
 * (an `error` member, or an HTTP status of 400 or more) give no finding. Does not compare with the ID token (x-ui-sub) nor check the type of a
 * non-empty `sub` (claim-types).
 */
export const uiSub: ArtifactRule = {
  id: 'ui-sub',
  scope: 'artifact',
  kinds: ['userinfo'],
  check(a, _ctx, report) {
    const claims = a.claims;
    if (!claims || typeof claims !== 'object') return;
    if (Object.prototype.hasOwnProperty.call(claims, 'error')) return;
    const status = a.http?.status;
    if (typeof status === 'number' && status >= 400) return;
    const has = Object.prototype.hasOwnProperty.call(claims, 'sub');
    const sub = has ? claims.sub : undefined;
    if (sub !== undefined && sub !== null && sub !== '') return;
    const what = has ? `has sub ${show(sub)}` : 'has no sub';
    report({
      message: `userinfo response ${what}; Core §5.3.2 requires it, and without it the answer cannot be matched to the ID token's user`,
      claim: 'sub',
    });
  },
};
