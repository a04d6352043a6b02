/**
 * A real OpenID provider for the e2e tests: oidc-provider on 127.0.0.1 at a free port, configured by
 * provider-config.ts, optionally behind the userinfo-rewriting proxy (then the proxy's origin is the issuer and
 * every request goes through it). Does not persist anything (oidc-provider's in-memory adapter) and is meant
 * for one test: start, use, close.
 */
import type { RequestListener } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { listen, type Listening } from './listen.js';
import { providerConfig, type ProviderTimes } from './provider-config.js';
import { startRewriteProxy, type RewriteProxyTarget } from './userinfo-rewrite-proxy.js';

/** How to run the provider. */
export interface ProviderOptions extends ProviderTimes {
  spaRedirectUris: string[];
  serverRedirectUris: string[];
  /** Put a proxy in front that answers userinfo with this `sub` instead of the account's. */
  rewriteUserinfoSub?: string;
}

/** A running provider. */
export interface RunningProvider {
  /** The issuer identifier (the proxy's origin when a proxy is in front). */
  issuer: string;
  /** The provider's own origin, behind the proxy if any. */
  upstream: string;
  /** Userinfo endpoint path. */
  userinfoPath: string;
  close(): Promise<void>;
}

const USERINFO_PATH = '/me';

/** A fresh RS256 private signing key as a JWK with a random `kid`, `alg` and `use`; the client-library worlds use it too. */
export async function signingKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: `e2e-${Math.random().toString(36).slice(2, 10)}`, alg: 'RS256', use: 'sig' };
}

/** Starts the provider (and the proxy first when asked, because the issuer is then the proxy's URL). */
export async function startProvider(options: ProviderOptions): Promise<RunningProvider> {
  let proxyTarget: RewriteProxyTarget | undefined;
  const proxy = options.rewriteUserinfoSub === undefined ? undefined : await startRewriteProxy(() => proxyTarget);
  let server: Listening | undefined;
  try {
    const config = providerConfig({ ...options, signingKey: await signingKey() });
    // The issuer is needed before listening; when there is no proxy, listen first and build the provider after.
    const app: { handle?: RequestListener } = {};
    server = await listen((req, res) => {
      if (!app.handle) res.writeHead(503).end();
      else app.handle(req, res);
    });
    const issuer = proxy?.origin ?? server.origin;
    const provider = new Provider(issuer, config);
    provider.on('server_error', (_ctx, error) => console.error('e2e provider server_error:', error));
    app.handle = provider.callback() as RequestListener;
    if (proxy && options.rewriteUserinfoSub !== undefined) proxyTarget = { upstream: server.origin, userinfoPath: USERINFO_PATH, sub: options.rewriteUserinfoSub };
    const listening = server;
    return {
      issuer,
      upstream: server.origin,
      userinfoPath: USERINFO_PATH,
      close: async () => {
        await Promise.all([listening.close(), proxy?.close()]);
      },
    };
  } catch (error) {
    await Promise.all([server?.close(), proxy?.close()]);
    throw error;
  }
}
