import { keyTypeForAlg } from '../jwt/algs.js';
import type { Artifact } from '../model.js';
import { algOf, JWS_KINDS, kindLabel } from './jws-subject.js';
import type { ArtifactRule } from './types.js';
import { isKeycloakRefreshToken, show } from './util.js';

/** JWT roles that Core or its companions allow to be keyed with the client secret (Core §10.1). */
const CLIENT_SECRET_ROLES: readonly string[] = ['id_token_hint', 'logout_token', 'client_assertion'];

/** True where an HS* signature with the client secret is legitimate: ID tokens, signed userinfo, and the like. */
function mayUseClientSecret(a: Artifact): boolean {
  if (a.kind === 'id_token' || a.kind === 'userinfo') return true;
  return a.kind === 'jwt' && typeof a.role === 'string' && CLIENT_SECRET_ROLES.includes(a.role);
}

/**
 * alg-confusion: the key used fits the header `alg` (RS/PS need RSA, ES need EC, EdDSA/Ed25519/Ed448 need
 * OKP, HS need oct); an HS* token from an issuer whose JWKS has asymmetric keys is suspect; an HS* ID token
 * is keyed with the client secret and can't be verified here (info) (RFC 8725 §2.1, §3.1; Core §3.1.3.7
 * step 8, §10.1). Keycloak refresh tokens are left to rt-opaque. Does not verify signatures itself and
 * does not judge whether `alg` is allowed (alg-allowlist).
 */
export const algConfusion: ArtifactRule = {
  id: 'alg-confusion',
  scope: 'artifact',
  kinds: JWS_KINDS,
  check(a, ctx, report) {
    if (a.jwt?.format !== 'jws') return;
    const alg = algOf(a);
    const family = alg === undefined ? undefined : keyTypeForAlg(alg);
    if (alg === undefined || family === undefined) return;
    const what = kindLabel(a);
    const sig = a.signature;
    // keyType is the JWK kty; tolerate a "kty/alg" spelling.
    const kty = typeof sig?.keyType === 'string' && sig.keyType !== '' ? sig.keyType.split('/')[0] : undefined;
    if (kty !== undefined && kty !== family) {
      report({ message: `${what} header alg ${show(alg)} needs a key of type ${family}, but the key used has kty ${show(kty)}: alg and key type must fit` });
      return;
    }
    if (family !== 'oct') return;
    if (mayUseClientSecret(a)) {
      report({ severity: 'info', message: `${what} alg ${show(alg)} is keyed with the client secret; it can't be verified in the browser` });
      return;
    }
    if (isKeycloakRefreshToken(a, ctx)) return;
    if (sig?.issuerHasAsymmetricKeys === true) {
      report({ message: `${what} alg ${show(alg)} (a shared-secret MAC) from an issuer whose JWKS publishes asymmetric keys: suspect (key confusion, RFC 8725 §2.1)` });
    }
  },
};
