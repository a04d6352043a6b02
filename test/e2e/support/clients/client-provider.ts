/**
 * The real oidc-provider as one client library expects to find it: configured by provider-config.ts (the same
 * public client `e2e-spa`, accounts, lifetimes and resource indicator as the SPA's provider) with the library's
 * endpoint paths, its issuer form (`<origin>`, `<origin>/` for Auth0, `<origin>/realms/<realm>` for Keycloak,
 * the provider then mounted under that path), http or https, and the extras a library needs: CORS with
 * credentials, `web_message` responses, Keycloak-shaped token values. Served on `localhost` so that it is
 * same-site with the app. In memory, for one test: start, use, close. Does not start the app.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import type { Configuration } from 'oidc-provider';
import type { Listening } from '../listen.js';
import { providerConfig } from '../provider-config.js';
import { signingKey } from '../provider.js';
import { issueKeycloakShapedTokens } from './keycloak-tokens.js';
import { serveLocalhost } from './serve.js';
import type { TlsIdentity } from './tls.js';

/** How one library needs the provider. */
export interface ProviderShape {
  /** The issuer's path after the origin: `''`, `'/'` (an issuer ending in a slash) or a mount path like `/realms/e2e`. */
  issuerPath: string;
  /** Endpoint paths below the issuer's path (oidc-provider `routes`); default oidc-provider's own. */
  routes?: Configuration['routes'];
  /** Answer `credentials: 'include'` calls from the app (`Access-Control-Allow-Credentials`). */
  corsCredentials?: boolean;
  /** Enable `response_mode=web_message`. */
  webMessageResponseMode?: boolean;
  /** Access and refresh token values that are Keycloak's JWTs (keycloak-tokens.ts). */
  keycloakTokens?: boolean;
}

/** Everything needed to start the provider for one app. */
export interface ClientProviderOptions extends ProviderShape {
  /** The app's redirect URIs; their origins are the only CORS origins. */
  redirectUris: string[];
  /** Serve https with this identity (MSAL refuses an http authority); http without. */
  tls?: TlsIdentity;
}

/** A running provider. */
export interface ClientProvider {
  /** The issuer identifier, exactly as in the tokens. */
  issuer: string;
  /** Its OpenID discovery document. */
  discoveryUrl: string;
  close(): Promise<void>;
}

/** Strips a mount path the way connect-style mounting does, which oidc-provider reads to build its URLs. */
function mounted(path: string, handler: RequestListener): RequestListener {
  if (path === '' || path === '/') return handler;
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (url !== path && !url.startsWith(`${path}/`) && !url.startsWith(`${path}?`)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(path.length) || '/';
    if (!req.url.startsWith('/')) req.url = `/${req.url}`;
    handler(req, res);
  };
}

/** Adds `Access-Control-Allow-Credentials` where oidc-provider allowed one of `origins` (it never adds it itself). */
function allowCredentials(origins: Set<string>): Parameters<Provider['use']>[0] {
  return async (ctx, next) => {
    await next();
    const origin = ctx.get('Origin');
    if (origins.has(origin) && ctx.response.get('Access-Control-Allow-Origin') === origin) ctx.set('Access-Control-Allow-Credentials', 'true');
  };
}

/** Starts the provider; the issuer is known once it listens. */
export async function startClientProvider(options: ClientProviderOptions): Promise<ClientProvider> {
  const key = await signingKey();
  const config = providerConfig({
    signingKey: key,
    spaRedirectUris: options.redirectUris,
    serverRedirectUris: [],
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.webMessageResponseMode ? { webMessageResponseMode: true } : {}),
  });
  const app: { handle?: RequestListener } = {};
  const server: Listening = await serveLocalhost((req, res) => {
    if (!app.handle) res.writeHead(503).end();
    else app.handle(req, res);
  }, options.tls);
  try {
    const issuer = `${server.origin}${options.issuerPath}`;
    const provider = new Provider(issuer, config);
    provider.on('server_error', (_ctx, error) => console.error('e2e client provider server_error:', error));
    if (options.corsCredentials) provider.use(allowCredentials(new Set(options.redirectUris.map((u) => new URL(u).origin))));
    if (options.keycloakTokens) issueKeycloakShapedTokens(provider, key, issuer);
    app.handle = mounted(options.issuerPath, provider.callback() as RequestListener);
    return { issuer, discoveryUrl: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, close: server.close };
  } catch (error) {
    await server.close();
    throw error;
  }
}
