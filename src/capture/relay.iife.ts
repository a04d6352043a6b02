/**
 * The page-hook relay: an ordinary content script (ISOLATED world) next to the page hook. It asks the worker
 * which domains the hook should forward, tells the hook, and passes the hook's exchanges on to the worker in
 * batches. It accepts only messages from its own window with the hook's tag and a well-formed observation;
 * the worker checks them again. Registered by the worker (src/background/capture/content-scripts.ts).
 */
import type { Observation } from '../core/capture/observation.js';
import { browser } from '../shared/browser.js';
import { parseDomains, urlOnDomains, type Domain } from '../shared/domains.js';
import type { RuntimeRequest } from '../shared/protocol.js';
import { HOOK_TAG, isHookMessage, type ConfigMessage, type HookMessage } from './hook-protocol.js';
import { sanitizeObservation } from './observation-guard.js';
import { createBatcher } from './relay/batcher.js';

const origin = location.origin;
let entries: string[] | undefined;
let domains: Domain[] | undefined;

const batcher = createBatcher<Observation>((observations) => {
  const message: RuntimeRequest = { type: 'page-observations', observations };
  // A worker that is gone (extension reloaded) cannot take them; the page goes on regardless.
  browser.runtime.sendMessage(message).catch(() => undefined);
});

function postConfig(): void {
  if (entries === undefined) return;
  const message: ConfigMessage = { tag: HOOK_TAG, kind: 'config', domains: entries };
  window.postMessage(message, origin);
}

const handlers: { [K in HookMessage['kind']]: (message: Extract<HookMessage, { kind: K }>) => void } = {
  observation(message) {
    const observation = sanitizeObservation(message.observation);
    if (observation && (domains === undefined || urlOnDomains(observation.url, domains))) batcher.add(observation);
  },
  hello: postConfig,
};

window.addEventListener('message', (event) => {
  if (event.source !== window) return;
  const data: unknown = event.data;
  if (!isHookMessage(data)) return;
  (handlers[data.kind] as (message: HookMessage) => void)(data);
});
// Token calls often come right before a navigation: send what is waiting before the page goes.
window.addEventListener('pagehide', () => batcher.flush());

function configure(list: string[]): void {
  entries = list;
  domains = parseDomains(list);
  postConfig();
}

const ask: RuntimeRequest = { type: 'hook-config' };
browser.runtime.sendMessage(ask).then(
  (reply: unknown) => {
    const list = (reply as { domains?: unknown } | undefined)?.domains;
    configure(Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string') : []);
  },
  // No answer: an empty list lets the hook drop what it buffered instead of holding it.
  () => configure([]),
);
