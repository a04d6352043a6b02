/**
 * The page hook: runs in the page's own JavaScript world (MAIN) at document_start on the configured origins,
 * before the page's scripts, and wraps `fetch` and `XMLHttpRequest` so that exchanges with configured hosts are
 * copied to the relay (relay.iife.ts). The page receives exactly what it received without the hook. Has no
 * extension API: it talks to the relay with `window.postMessage` to its own origin. Built as an IIFE (no imports
 * at run time) and registered by the worker (src/background/capture/content-scripts.ts).
 */
import { HOOK_TAG, isConfigMessage, type HookMessage } from './hook-protocol.js';
import { createForwarder } from './hook/forwarder.js';
import { wrapFetch, type HookEnv } from './hook/wrap-fetch.js';
import { wrapXhr } from './hook/wrap-xhr.js';

const INSTALLED = Symbol.for('token-inspector.page-hook');

function install(): void {
  const target = window as Window & { [INSTALLED]?: boolean };
  if (target[INSTALLED]) return;
  Object.defineProperty(target, INSTALLED, { value: true });

  // Taken now, before the page's scripts run: a page that fakes its clock or replaces postMessage later
  // does not change what the hook reports.
  const origin = location.origin;
  const post = window.postMessage.bind(window);
  const dateNow = Date.now.bind(Date);
  const send = (message: HookMessage): void => {
    try {
      post(message, origin);
    } catch {
      // An opaque origin ("null") cannot be targeted; nothing to capture there.
    }
  };
  const forwarder = createForwarder((observation) => send({ tag: HOOK_TAG, kind: 'observation', observation }));
  window.addEventListener('message', (event) => {
    try {
      if (event.source === window && isConfigMessage(event.data)) forwarder.configure(event.data.domains);
    } catch {
      // Never into the page.
    }
  });
  const env: HookEnv = { now: dateNow, baseUrl: () => document.baseURI };
  if (typeof window.fetch === 'function') window.fetch = wrapFetch(window.fetch, forwarder, env);
  if (typeof XMLHttpRequest === 'function') {
    wrapXhr(XMLHttpRequest.prototype as unknown as Parameters<typeof wrapXhr>[0], forwarder, env);
  }
  send({ tag: HOOK_TAG, kind: 'hello' });
}

try {
  install();
} catch {
  // The hook must never break the page.
}
