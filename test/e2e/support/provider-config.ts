/**
 * The oidc-provider configuration of the e2e provider: a public SPA client (PKCE, no client authentication,
 * refresh tokens), a confidential server-side client (client_secret_basic), userinfo, introspection, resource
 * indicators that turn an access token for the e2e API into a JWT, CORS for the SPA's origin, and the provider's
 * own dev login and consent pages. Pure: builds the object, starts nothing.
 *
 * Which token goes where (oidc-provider's rules): the code exchange without `resource` gives an opaque access
 * token that only the userinfo endpoint accepts; a refresh with `resource=E2E_API` gives an RFC 9068 JWT access
 * token. oidc-provider refuses to introspect JWT access tokens, so the SPA introspects the opaque one.
 *
 * The client-library worlds (clients/client-provider.ts) reuse this configuration with options: endpoint paths
 * (`routes`), `web_message` responses, and no confidential client.
 */
import { errors, type ClientMetadata, type Configuration, type JWK } from 'oidc-provider';
import { findAccount } from './accounts.js';

/** The resource indicator of the e2e API; a refresh naming it yields a JWT access token whose `aud` it is. */
export const E2E_API = 'https://api.token-inspector.test/';
/** Scope of the e2e API. */
export const E2E_API_SCOPE = 'api:read';

/** The public client of the single-page relying party. */
export const SPA_CLIENT_ID = 'e2e-spa';
/** The confidential client of the server-side relying party. */
export const SERVER_CLIENT_ID = 'e2e-server';
/** Test-only secret of {@link SERVER_CLIENT_ID}; never a real credential. */
export const SERVER_CLIENT_SECRET = 'e2e-server-secret-not-for-production-use-0123456789';

/** Lifetimes and clock options of one provider run, in seconds. */
export interface ProviderTimes {
  /** Lifetime of access tokens (opaque and JWT). Default 600. */
  accessTokenTtl?: number;
  /** Lifetime of ID tokens. Default 600. */
  idTokenTtl?: number;
  /**
   * Seconds added to `iat` and `exp` of JWT access tokens, as if the provider's clock were off: a negative
   * value larger than TTL + the inspector's skew gives a token that is already expired. Default 0.
   */
  jwtAccessTokenClockOffset?: number;
}

/** Everything the configuration depends on. */
export interface ProviderConfigInput extends ProviderTimes {
  /** The private signing key (JWK with `d`, `kid`, `alg`). */
  signingKey: JWK;
  /** Redirect URIs of the SPA client; their origins are the origins allowed by CORS. */
  spaRedirectUris: string[];
  /** Redirect URIs of the confidential client; none (the client-library worlds) leaves that client out. */
  serverRedirectUris: string[];
  /**
   * Endpoint paths (oidc-provider `routes`), below the issuer's path: the client-library worlds give the provider
   * Keycloak's or Auth0's paths. Default: oidc-provider's own (`/auth`, `/token`, `/me`, `/jwks`, ...).
   */
  routes?: Configuration['routes'];
  /**
   * Enables `response_mode=web_message` (oidc-provider's implementation of the individual draft 01), which
   * Auth0's silent authentication uses. Default off.
   */
  webMessageResponseMode?: boolean;
}

function originOf(uri: string): string {
  return new URL(uri).origin;
}

function serverClient(redirectUris: string[]): ClientMetadata {
  return {
    client_id: SERVER_CLIENT_ID,
    client_secret: SERVER_CLIENT_SECRET,
    application_type: 'web',
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: redirectUris,
  };
}

/** The oidc-provider configuration for {@link ProviderConfigInput}. */
export function providerConfig(input: ProviderConfigInput): Configuration {
  const accessTokenTtl = input.accessTokenTtl ?? 600;
  const offset = input.jwtAccessTokenClockOffset ?? 0;
  const spaOrigins = new Set(input.spaRedirectUris.map(originOf));
  return {
    ...(input.routes ? { routes: input.routes } : {}),
    clients: [
      {
        client_id: SPA_CLIENT_ID,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: input.spaRedirectUris,
      },
      // oidc-provider refuses a client without redirect URIs: no URIs, no confidential client.
      ...(input.serverRedirectUris.length === 0 ? [] : [serverClient(input.serverRedirectUris)]),
    ],
    jwks: { keys: [input.signingKey] },
    findAccount,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'offline_access', 'email', 'profile'],
    cookies: { keys: ['e2e-cookie-key-not-secret'] },
    pkce: { required: () => true },
    // Refresh tokens for every client allowed the grant, without the offline_access + prompt=consent dance.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Only the SPA calls the provider from a browser; its redirect origins are the only CORS origins.
    clientBasedCORS: (_ctx, origin, client) => client.clientId === SPA_CLIENT_ID && spaOrigins.has(origin),
    features: {
      devInteractions: { enabled: true },
      userinfo: { enabled: true },
      // A public client may introspect the tokens issued to itself (oidc-provider's default policy, made explicit).
      introspection: { enabled: true, allowedPolicy: async (ctx, client, token) => token.clientId === client.clientId },
      revocation: { enabled: true },
      ...(input.webMessageResponseMode ? { webMessageResponseMode: { enabled: true, ack: 'individual-draft-01' } } : {}),
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => undefined,
        useGrantedResource: async () => false,
        getResourceServerInfo: async (_ctx, indicator) => {
          if (indicator !== E2E_API) throw new errors.InvalidTarget();
          return { scope: E2E_API_SCOPE, audience: E2E_API, accessTokenTTL: accessTokenTtl, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    formats: {
      customizers: {
        jwt: (_ctx, _token, jwt) => {
          const payload = jwt.payload as Record<string, unknown>;
          for (const claim of ['iat', 'exp'] as const) if (typeof payload[claim] === 'number') payload[claim] = (payload[claim] as number) + offset;
        },
      },
    },
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: input.idTokenTtl ?? 600,
      RefreshToken: 24 * 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
  };
}
