/**
 * Serves the e2e single-page relying party on `http://localhost:<port>/`: the page (`/` and the `/callback`
 * redirect URI), its script spa/app.ts compiled by esbuild on the fly, and oauth4webapi's own ESM build from
 * node_modules through an import map. Does not talk to the provider itself: the page does, from the browser.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { listen, send } from './listen.js';
import { E2E_API, E2E_API_SCOPE, SPA_CLIENT_ID } from './provider-config.js';
import { ROOT } from './root.js';

/** A running SPA server; `configure` tells the page which issuer to use (the provider starts after it). */
export interface SpaServer {
  origin: string;
  redirectUri: string;
  configure(issuer: string): void;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

async function compiledApp(): Promise<string> {
  // From the root, not import.meta.url: `npm start` runs this module bundled into build/start/.
  const source = await readFile(join(ROOT, 'test', 'e2e', 'support', 'spa', 'app.ts'), 'utf8');
  return (await transform(source, { loader: 'ts', format: 'esm', target: 'es2022' })).code;
}

/** JSON for a `<script type=application/json>`: `<` escaped so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function page(config: unknown): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>e2e SPA</title><link rel="icon" href="data:,">
<script type="importmap">{"imports":{"oauth4webapi":"/vendor/oauth4webapi.js"}}</script>
<script type="application/json" id="e2e-config">${scriptJson(config)}</script>
<script type="module" src="/app.js"></script></head>
<body><h1>e2e SPA</h1><button id="login">Log in</button><ol id="steps"></ol></body></html>`;
}

/** Starts the SPA server on 127.0.0.1, announced as `localhost` (a different origin from the provider's). */
export async function startSpaServer(): Promise<SpaServer> {
  const [app, library] = await Promise.all([compiledApp(), readFile(require.resolve('oauth4webapi'), 'utf8')]);
  let issuer: string | undefined;
  let redirectUri = '';
  const server = await listen((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/app.js') return send(res, 200, 'text/javascript', app);
    if (path === '/vendor/oauth4webapi.js') return send(res, 200, 'text/javascript', library);
    if (path !== '/' && path !== '/callback') return send(res, 404, 'text/plain', 'not found');
    if (!issuer) return send(res, 503, 'text/plain', 'no issuer configured');
    send(res, 200, 'text/html; charset=utf-8', page({ issuer, clientId: SPA_CLIENT_ID, redirectUri, scope: `openid email profile offline_access ${E2E_API_SCOPE}`, resource: E2E_API }));
  }, '127.0.0.1', 'localhost');
  redirectUri = `${server.origin}/callback`;
  return { origin: server.origin, redirectUri, configure: (value) => void (issuer = value), close: server.close };
}
