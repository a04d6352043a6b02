import type { ArtifactRule } from './types.js';
import { show } from './util.js';

/** Error codes that say the token itself is no good, i.e. an inactive answer in disguise. */
const TOKEN_ERRORS: readonly string[] = ['invalid_token', 'invalid_grant'];

/**
 * in-basics: an introspection answer has a boolean `active` (RFC 7662 §2.2; E), and an inactive token is
 * answered with 200 and `{"active":false}`, not a 4xx (W): a 4xx whose body says `active:false` or reports the
 * token as invalid (`invalid_token`, `invalid_grant`). A 401/400 for a failed client authentication or a
 * malformed request (`invalid_client`, `invalid_request`, ...) is correct and gives no finding, and error
 * answers are not asked for `active`. Does not report invalid JSON (json-parse) nor members next to
 * `active:false` (x-in-inactive-only).
 */
export const inBasics: ArtifactRule = {
  id: 'in-basics',
  scope: 'artifact',
  kinds: ['introspection'],
  check(a, _ctx, report) {
    const claims = a.claims;
    if (!claims || typeof claims !== 'object') return;
    const status = a.http?.status;
    const failed = typeof status === 'number' && status >= 400;
    const hasActive = Object.prototype.hasOwnProperty.call(claims, 'active') && claims.active !== undefined;
    const error = claims.error;
    if (hasActive && typeof claims.active !== 'boolean') {
      report({ severity: 'error', claim: 'active', message: `introspection active ${show(claims.active)} is not a boolean; RFC 7662 §2.2 requires true or false` });
    } else if (!hasActive && !failed && error === undefined) {
      report({ severity: 'error', claim: 'active', message: 'introspection answer has no active member; RFC 7662 §2.2 requires it' });
    }
    if (failed && status < 500) {
      const inactive = claims.active === false || (typeof error === 'string' && TOKEN_ERRORS.includes(error));
      if (inactive) {
        const said = claims.active === false ? 'active:false' : `error ${show(error)}`;
        report({
          severity: 'warning',
          message: `introspection answered HTTP ${status} with ${said}; an inactive token is answered with 200 and {"active":false}, RFC 7662 §2.2`,
        });
      }
    }
  },
};
