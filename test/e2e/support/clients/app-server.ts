/**
 * Serves one client-library app on `http(s)://localhost:<port>/`: the page at `/` (start), `/callback` (redirect
 * URI of the login), `/silent` (redirect URI of the hidden iframe) and `/popup` (redirect URI of a popup), each
 * with the app's configuration in `#e2e-config`, and the app itself, apps/<library>.ts bundled with the real
 * library from node_modules by esbuild when the server starts. Does not talk to the provider: the page does.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { send } from '../listen.js';
import { E2E_API, E2E_API_SCOPE, SPA_CLIENT_ID } from '../provider-config.js';
import { ROOT } from '../root.js';
import type { AppConfig } from './apps/steps.js';
import type { ClientLibrary } from './libraries.js';
import { serveLocalhost } from './serve.js';
import type { TlsIdentity } from './tls.js';

/** A running app server; `configure` gives the page the issuer (the provider starts after the app). */
export interface ClientAppServer {
  origin: string;
  /** Every redirect URI the app uses: register them all at the provider. */
  redirectUris: string[];
  configure(issuer: string): void;
  close(): Promise<void>;
}

/** Paths that serve the app's page. */
const PAGES = new Set(['/', '/callback', '/silent', '/popup']);

const bundles = new Map<ClientLibrary, Promise<string>>();

/** The app of `library` bundled with its library (once per process: the bundle does not depend on the world). */
export function bundleApp(library: ClientLibrary): Promise<string> {
  let bundle = bundles.get(library);
  if (!bundle) {
    // From the root, not import.meta.url: these modules may run bundled elsewhere (see root.ts).
    const entry = join(ROOT, 'test', 'e2e', 'support', 'clients', 'apps', `${library}.ts`);
    bundle = build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'silent' }).then((r) => {
      const out = r.outputFiles[0];
      if (!out) throw new Error(`esbuild made nothing for ${entry}`);
      return out.text;
    });
    bundles.set(library, bundle);
    bundle.catch(() => bundles.delete(library));
  }
  return bundle;
}

/** JSON for a `<script type=application/json>`: `<` escaped so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function page(library: ClientLibrary, config: AppConfig): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>e2e ${library}</title><link rel="icon" href="data:,">
<script type="application/json" id="e2e-config">${scriptJson(config)}</script>
<script type="module" src="/app.js"></script></head>
<body><h1>e2e ${library}</h1><button id="login">Log in</button><ol id="steps"></ol></body></html>`;
}

/** Starts the app server of `library` on 127.0.0.1, announced as `localhost` (https with `tls`). */
export async function startClientApp(library: ClientLibrary, tls?: TlsIdentity): Promise<ClientAppServer> {
  const app = await bundleApp(library);
  let config: AppConfig | undefined;
  const server = await serveLocalhost((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/app.js') return send(res, 200, 'text/javascript', app);
    if (!PAGES.has(path)) return send(res, 404, 'text/plain', 'not found');
    if (!config) return send(res, 503, 'text/plain', 'no issuer configured');
    send(res, 200, 'text/html; charset=utf-8', page(library, config));
  }, tls);
  const at = (path: string) => `${server.origin}${path}`;
  const redirectUris = [at('/callback'), at('/silent'), at('/popup')];
  return {
    origin: server.origin,
    redirectUris,
    configure: (issuer) => {
      config = {
        issuer,
        clientId: SPA_CLIENT_ID,
        redirectUri: at('/callback'),
        silentRedirectUri: at('/silent'),
        popupRedirectUri: at('/popup'),
        scope: `openid email profile offline_access ${E2E_API_SCOPE}`,
        resource: E2E_API,
        resourceScope: E2E_API_SCOPE,
      };
    },
    close: server.close,
  };
}
