/**
 * Makes one oidc-provider instance issue Keycloak-shaped access and refresh tokens: each token's value (its
 * id in the provider's store) becomes a JWT signed with the provider's own RS256 key, with Keycloak's payload
 * (`typ` "Bearer" or "Refresh", `azp`, `sid`, `scope`; a refresh token's `aud` is the realm URL).
 *
 * Why: keycloak-js decodes the access token and, when there is one, the refresh token as JWTs, and calls
 * userinfo with that access token. oidc-provider's own JWT access tokens always carry an audience and its
 * userinfo endpoint refuses those; it has no JWT refresh tokens at all. A store id that happens to be a JWT keeps
 * every oidc-provider rule (lookup, expiry, rotation, userinfo) as it is, because the value is still looked up,
 * never trusted. Unlike real Keycloak, the refresh token is signed with the published RS256 key rather than a
 * realm secret, so a client can verify it. Does not change ID tokens, codes or any other model, and touches only
 * the given provider's classes.
 */
import { createPrivateKey, randomUUID, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { JWK } from 'oidc-provider';

/** The fields of oidc-provider's token models read here (present when `save()` asks for a value). */
interface TokenFields {
  accountId?: string;
  clientId?: string;
  scope?: string;
  sid?: string;
  authTime?: number;
  readonly expiration: number;
  format?: string;
}

type TokenClass = { prototype: object };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signer(signingKey: JWK): (payload: Record<string, unknown>) => string {
  const key: KeyObject = createPrivateKey({ key: signingKey as JsonWebKey, format: 'jwk' });
  const header = b64({ alg: 'RS256', typ: 'JWT', kid: signingKey.kid });
  return (payload) => {
    const input = `${header}.${b64(payload)}`;
    return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
  };
}

/** Replaces the id generator of one token class; oidc-provider calls it once, when the token is first saved. */
function shapeIds(model: TokenClass, build: (token: TokenFields) => string): void {
  Object.defineProperty(model.prototype, 'generateTokenId', {
    configurable: true,
    writable: true,
    value(this: TokenFields) {
      // oidc-provider's AccessToken picks its format while generating the id; the value stays an opaque handle.
      this.format = 'opaque';
      return build(this);
    },
  });
}

/** Switches `provider` (whose issuer is the realm URL `issuer`) to Keycloak-shaped access and refresh token values. */
export function issueKeycloakShapedTokens(provider: Provider, signingKey: JWK, issuer: string): void {
  const jwt = signer(signingKey);
  const common = (t: TokenFields, typ: string) => {
    const iat = Math.floor(Date.now() / 1000);
    return { exp: iat + t.expiration, iat, jti: randomUUID(), iss: issuer, sub: t.accountId, typ, azp: t.clientId, sid: t.sid, scope: t.scope };
  };
  shapeIds(provider.AccessToken, (t) => jwt({ ...common(t, 'Bearer'), ...(t.authTime ? { auth_time: t.authTime } : {}) }));
  shapeIds(provider.RefreshToken, (t) => jwt({ ...common(t, 'Refresh'), aud: issuer }));
}
