import { authorizeRequestFor } from './flow-helpers.js';
import type { ArtifactRule } from './types.js';
import { hasMember, show, spaceSeparated } from './util.js';

/** Members every successful token response has, with why (RFC 6749 §5.1; `expires_in` is only RECOMMENDED there). */
const REQUIRED: readonly (readonly [string, string])[] = [
  ['access_token', 'RFC 6749 §5.1 requires it'],
  ['token_type', 'RFC 6749 §5.1 requires it'],
  ['expires_in', 'RFC 6749 §5.1 recommends it and seed 002 lists it as a response element'],
];

/**
 * The scope that decides whether an ID token is due: the response's `scope`, else the flow's authorize
 * request `scope`, else the token request's `scope`. `undefined` when none is a string.
 */
function effectiveScope(response: Record<string, unknown>, authorizeScope: unknown, formScope: unknown): string | undefined {
  for (const s of [response.scope, authorizeScope, formScope]) if (typeof s === 'string') return s;
  return undefined;
}

/**
 * tr-required: a successful token response has `access_token`, `token_type` and `expires_in` (one error each),
 * and an `id_token` when it answers an `authorization_code` grant whose scope contains `openid` (Core §3.1.3.3).
 * Error responses (an `error` member, or an HTTP status of 400 or more) and unreadable bodies give no finding; client_credentials and refresh
 * grants never need an ID token. A `null` member counts as missing. Does not check the members' types or values.
 */
export const trRequired: ArtifactRule = {
  id: 'tr-required',
  scope: 'artifact',
  kinds: ['token_response'],
  check(a, ctx, report) {
    const claims = a.claims;
    if (!claims || typeof claims !== 'object') return;
    if (Object.prototype.hasOwnProperty.call(claims, 'error')) return;
    const status = a.http?.status;
    if (typeof status === 'number' && status >= 400) return;
    const grant = a.http?.requestForm?.grant_type;
    const grantText = typeof grant === 'string' ? ` (grant_type ${show(grant)})` : '';
    for (const [name, why] of REQUIRED) {
      if (!hasMember(claims, name)) {
        report({ message: `token response${grantText} has no ${name}; ${why}`, claim: name });
      }
    }
    if (grant !== 'authorization_code' || hasMember(claims, 'id_token')) return;
    const scope = effectiveScope(claims, authorizeRequestFor(a, ctx)?.claims?.scope, a.http?.requestForm?.scope);
    if (!spaceSeparated(scope).includes('openid')) return;
    report({
      message: `token response to an authorization_code grant with scope ${show(scope)} has no id_token; an OpenID Connect code flow must return one (Core §3.1.3.3)`,
      claim: 'id_token',
    });
  },
};
