/**
 * The page hook: runs in the page's own JavaScript world (MAIN) at document_start on the configured origins,
 * before the page's scripts. It wraps `fetch` and `XMLHttpRequest`, and `Worker` so that dedicated workers the
 * page starts from blob: URLs run the same wrappers (hook/wrap-worker.ts), and sends what they see to the relay
 * (relay.iife.ts) over a private MessagePort (hook/relay-link.ts). The page receives exactly what it received
 * without the hook. Has no extension API, and never learns the configured domains: the worker filters. Built as
 * an IIFE (no imports at run time) and registered by the worker (src/background/capture/content-scripts.ts).
 */
import { takeBuiltins, type Builtins } from './hook/builtins.js';
import { createForwarder, type Forwarder } from './hook/forwarder.js';
import { trackObjectUrls } from './hook/object-urls.js';
import { linkToRelay } from './hook/relay-link.js';
import { WORKER_HOOK_SOURCE } from './hook/worker-hook-source.js';
import { wrapFetch, type HookEnv } from './hook/wrap-fetch.js';
import { wrapWorker } from './hook/wrap-worker.js';
import { wrapXhr } from './hook/wrap-xhr.js';
import type { Hello } from './hook-protocol.js';
import type { Observation } from '../core/capture/observation.js';

const INSTALLED = Symbol.for('token-inspector.page-hook');

function installWorkers(forwarder: Forwarder, b: Builtins): void {
  if (WORKER_HOOK_SOURCE === '' || typeof Worker !== 'function' || typeof Blob !== 'function') return;
  const urls = trackObjectUrls(URL);
  const original = window.Worker;
  const wrapped = wrapWorker(window, {
    b,
    urls,
    hookSource: WORKER_HOOK_SOURCE,
    // Unchecked here, like the hook's own: the relay and the extension's worker sanitise every observation.
    onObservation: (observation) => forwarder.offer(observation as Observation),
  });
  window.Worker = wrapped;
  try {
    // `Worker.prototype.constructor === Worker`, as without the hook.
    Object.defineProperty(original.prototype, 'constructor', { value: wrapped });
  } catch {
    // Cosmetic only.
  }
}

function install(): void {
  const target = window as Window & { [INSTALLED]?: boolean };
  if (target[INSTALLED]) return;
  Object.defineProperty(target, INSTALLED, { value: true });

  // Taken now, before the page's scripts run: a page that fakes its clock or replaces postMessage or the
  // MessagePort and MessageEvent built-ins later does not change what the hook reports or who receives it.
  const b = takeBuiltins(window);
  const origin = location.origin;
  const post = window.postMessage.bind(window);
  const dateNow = Date.now.bind(Date);
  // Called only once the relay's config arrived over the port, long after `relay` below is set.
  const forwarder = createForwarder((observation) => relay.send({ kind: 'observation', observation }));
  // Our own window: an opaque origin ("null") cannot be named as a target.
  const toSelf = origin === 'null' ? '*' : origin;
  const relay = linkToRelay(window, b, (message: Hello) => post(message, toSelf), (capture) => forwarder.configure(capture));
  const env: HookEnv = { now: dateNow, baseUrl: () => document.baseURI };
  if (typeof window.fetch === 'function') window.fetch = wrapFetch(window.fetch, forwarder, env);
  if (typeof XMLHttpRequest === 'function') {
    wrapXhr(XMLHttpRequest.prototype as unknown as Parameters<typeof wrapXhr>[0], forwarder, env);
  }
  try {
    installWorkers(forwarder, b);
  } catch {
    // Workers stay the page's own; fetch and XHR are still captured.
  }
}

try {
  install();
} catch {
  // The hook must never break the page.
}
