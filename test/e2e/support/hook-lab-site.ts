/**
 * A site on a configured host (127.0.0.1; the e2e build configures 127.0.0.1 and localhost) that probes the page
 * hook from the page's side, for page-hook-private.spec.ts:
 * - `/`: its first script records every window message the page's own listeners get (any sight of the domain
 *   list, a port, or a message of the private channel is a leak) and forges the hook's messages (a hello, a port
 *   offer whose port then listens and talks); it starts a same-origin frame after scripting that frame's initial
 *   about:blank window, whose listeners and prototypes the browser keeps for the frame's document (HTML's window
 *   reuse), so that the frame's hook runs in a world the page prepared; and it starts dedicated workers from
 *   blob: URLs (classic, revoked right after the constructor, named, talking over MessageChannel ports as
 *   @auth0/auth0-spa-js does; module; one that throws) whose token calls go to `/worker-token` and
 *   `/module-token`; and it makes the real @auth0/auth0-spa-js (`/auth0.js`) start its token worker and sends a
 *   code exchange to `/oauth/token` through it. `#done` appears when every worker answered; `window.probe` holds
 *   what was seen.
 * - `/frame`: the frame's document, which makes one call of its own.
 * Nothing here ever names `localhost`: that string in anything the page saw can only come from the domain list.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { listen, readBody, send, type Listening } from './listen.js';
import { ROOT } from './root.js';

/**
 * What the page records in `window.probe`: the window messages its listeners saw, replies on the forged port, what
 * the prepared frame heard, each worker's result, and errors.
 */
export interface Probe {
  seen: { data: string; ports: number }[];
  forged: string[];
  frame: string[];
  workers: Record<string, Record<string, unknown>>;
  errors: string[];
}

/** What the worker's token endpoints answer (a fixed token, so the test can find it in the capture). */
export const WORKER_TOKEN = 'at-from-the-classic-worker';
export const MODULE_TOKEN = 'at-from-the-module-worker';
export const AUTH0_TOKEN = 'at-from-the-auth0-worker';

/** @auth0/auth0-spa-js as a page loads it (its UMD build, global `auth0`). */
function auth0Script(): string {
  return readFileSync(createRequire(join(ROOT, 'package.json')).resolve('@auth0/auth0-spa-js/dist/auth0-spa-js.production.js'), 'utf8');
}

const CLASSIC_WORKER = `
let seen = 0;
self.addEventListener('message', async (event) => {
  seen += 1;
  const port = event.ports[0];
  if (!port || !event.data || event.data.type !== 'token') return;
  const response = await fetch(event.data.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token&refresh_token=rt-classic' });
  port.postMessage({ name: self.name, seen, status: response.status, json: await response.json(), importScripts: typeof importScripts });
});`;

const MODULE_WORKER = `
let seen = 0;
self.onmessage = async (event) => {
  seen += 1;
  const response = await fetch(event.data.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: 'rt-module' }) });
  self.postMessage({ name: self.name, seen, status: response.status, json: await response.json(), module: typeof import.meta === 'object' });
};`;

// Line 2: the error event must still say so, with the hook in front of the script.
const THROWING_WORKER = `// first line
throw new Error('boom from the worker');`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>page-hook probe</title><link rel="icon" href="data:,">
<script>
(() => {
  const TAG = 'token-inspector:page-hook';
  const probe = window.probe = { seen: [], forged: [], frame: [], workers: {}, errors: [] };
  const text = (value) => { try { return JSON.stringify(value) ?? String(value); } catch { return String(value); } };
  const record = (list) => (event) => list.push({ data: text(event.data), ports: event.ports.length });
  // (a) Every window message the page's listeners get, in both phases.
  window.addEventListener('message', record(probe.seen), true);
  window.addEventListener('message', record(probe.seen));

  // (b) The hook's messages, forged: a hello, and a port offer whose port listens and speaks.
  window.postMessage({ tag: TAG, kind: 'hello' }, location.origin);
  const forged = new MessageChannel();
  forged.port1.onmessage = (event) => probe.forged.push(text(event.data));
  window.postMessage({ tag: TAG, kind: 'port' }, location.origin, [forged.port2]);
  forged.port1.postMessage({ kind: 'observation', observation: { method: 'GET', url: location.origin + '/forged-by-the-page', startedAt: Date.now() } });

  // (c) A same-origin frame whose window the page scripts before the frame's document (and its hook) exist.
  const frame = document.createElement('iframe');
  frame.src = '/frame';
  document.documentElement.append(frame);
  const w = frame.contentWindow;
  w.addEventListener('message', (event) => {
    probe.frame.push('window: ' + text(event.data) + ' ports=' + event.ports.length);
    for (const port of event.ports) port.addEventListener('message', (m) => probe.frame.push('port: ' + text(m.data)));
  }, true);
  const post = w.MessagePort.prototype.postMessage;
  w.MessagePort.prototype.postMessage = function (...args) { probe.frame.push('postMessage: ' + text(args[0])); return post.apply(this, args); };
})();
</script></head><body><ol id="steps"></ol>
<script src="/auth0.js"></script>
<script>
(async () => {
  const probe = window.probe;
  const blobUrl = (source, type = 'application/javascript') => URL.createObjectURL(new Blob([source], { type }));
  const ask = (worker, message) => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage(message, [channel.port2]);
  });

  // (d) Classic, as @auth0/auth0-spa-js makes its token worker; the page revokes its URL at once.
  const classicUrl = blobUrl(${JSON.stringify(CLASSIC_WORKER)});
  const classic = new Worker(classicUrl, { name: 'token-worker' });
  URL.revokeObjectURL(classicUrl);
  classic.onerror = (event) => probe.errors.push('classic: ' + event.message);
  probe.workers.classic = await ask(classic, { type: 'token', url: location.origin + '/worker-token' });

  const module = new Worker(blobUrl(${JSON.stringify(MODULE_WORKER)}, 'text/javascript'), { type: 'module', name: 'module-worker' });
  module.onerror = (event) => probe.errors.push('module: ' + (event.message || event.type));
  probe.workers.module = await new Promise((resolve) => {
    module.onmessage = (event) => resolve(event.data);
    module.postMessage({ url: location.origin + '/module-token' });
  });

  const throwing = new Worker(blobUrl(${JSON.stringify(THROWING_WORKER)}));
  probe.workers.throwing = await new Promise((resolve) => {
    throwing.onerror = (event) => { event.preventDefault(); resolve({ message: event.message, lineno: event.lineno, filename: event.filename.slice(0, 5) }); };
  });
  // (e) The real @auth0/auth0-spa-js: its Auth0Client makes its token worker from a blob: URL at once (and never
  // revokes it); a code exchange through that worker, as the client's own fetchWithWorker sends one.
  const client = new auth0.Auth0Client({ domain: location.origin, clientId: 'probe-client', useRefreshTokens: true, cacheLocation: 'memory' });
  probe.workers.auth0 = await ask(client.worker, {
    fetchUrl: location.origin + '/oauth/token',
    fetchOptions: { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=authorization_code&client_id=probe-client&code=probe-code&code_verifier=probe-verifier&redirect_uri=' + encodeURIComponent(location.origin + '/') },
    auth: { audience: 'default', scope: 'openid' },
    timeout: 10000,
    useFormData: true,
  });

  probe.workers.native = { Worker: Worker === Worker.prototype.constructor, SharedWorker: String(SharedWorker).includes('[native code]') };

  const done = document.createElement('p');
  done.id = 'done';
  done.textContent = 'done';
  document.body.append(done);
})().catch((error) => { window.probe.errors.push('page: ' + error); });
</script></body></html>`;

const FRAME = `<!doctype html><html><head><meta charset="utf-8"><title>frame</title></head><body>
<script>fetch('/frame-call', { method: 'POST', body: 'x=1' }).then((r) => r.text()).then(() => { document.body.dataset.called = 'yes'; });</script>
</body></html>`;

/** Starts the probe site on 127.0.0.1 at a free port. */
export function startHookLabSite(): Promise<Listening> {
  return listen(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = await readBody(req);
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', PAGE);
    if (path === '/frame') return send(res, 200, 'text/html; charset=utf-8', FRAME);
    if (path === '/auth0.js') return send(res, 200, 'text/javascript; charset=utf-8', auth0Script());
    if (path === '/oauth/token' && body.includes('code=probe-code')) {
      return send(res, 200, 'application/json', JSON.stringify({ access_token: AUTH0_TOKEN, token_type: 'Bearer', expires_in: 300 }));
    }
    if (path === '/frame-call') return send(res, 200, 'application/json', '{"ok":true}');
    if (path === '/worker-token' && body.includes('rt-classic')) {
      return send(res, 200, 'application/json', JSON.stringify({ access_token: WORKER_TOKEN, token_type: 'Bearer', expires_in: 300 }));
    }
    if (path === '/module-token' && body.includes('rt-module')) {
      return send(res, 200, 'application/json', JSON.stringify({ access_token: MODULE_TOKEN, token_type: 'Bearer', expires_in: 300 }));
    }
    send(res, 404, 'text/plain', 'not found');
  }, '127.0.0.1');
}
