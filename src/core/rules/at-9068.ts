import type { ArtifactRule } from './types.js';
import { hasMember, isKeycloak, show } from './util.js';

/** The claims RFC 9068 §2.2 requires in a JWT access token, in the RFC's order. */
const REQUIRED: readonly string[] = ['iss', 'exp', 'aud', 'sub', 'client_id', 'iat', 'jti'];

/**
 * at-9068: a JWT access token (a decoded JWS payload) has `iss`, `exp`, `aud`, `sub`, `client_id`, `iat` and
 * `jti` (RFC 9068 §2.2); one finding lists every missing claim. Under a Keycloak profile the finding is an info,
 * because Keycloak puts the client in `azp`. A `null` claim counts as missing. Does not check the claims' types
 * or values, nor the header `typ` (typ-explicit), and ignores opaque access tokens and JWEs.
 */
export const at9068: ArtifactRule = {
  id: 'at-9068',
  scope: 'artifact',
  kinds: ['access_token'],
  check(a, ctx, report) {
    const payload = a.jwt?.format === 'jws' ? a.jwt.payload : undefined;
    if (!payload || typeof payload !== 'object') return;
    const missing = REQUIRED.filter((name) => !hasMember(payload, name));
    if (missing.length === 0) return;
    const keycloak = isKeycloak(ctx, a);
    let message = `JWT access token lacks ${missing.join(', ')}; RFC 9068 §2.2 requires ${REQUIRED.join(', ')}`;
    if (keycloak && missing.includes('client_id')) {
      const azp = hasMember(payload, 'azp') ? ` (azp ${show(payload.azp)})` : '';
      message += `. Keycloak puts the client in azp${azp}, not client_id: informational under the Keycloak profile`;
    } else if (keycloak) {
      message += '. Keycloak does not issue RFC 9068 access tokens: informational under the Keycloak profile';
    }
    report({
      message,
      ...(missing.length === 1 ? { claim: missing[0] } : {}),
      ...(keycloak ? { severity: 'info' as const } : {}),
    });
  },
};
