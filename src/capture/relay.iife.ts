/**
 * The page-hook relay: an ordinary content script (ISOLATED world) next to the page hook. It offers the hook a
 * private MessagePort (relay/hook-ports.ts), asks the worker which domains are configured, tells the hook only
 * whether to capture, and passes on to the worker, in batches, the hook's exchanges that are well formed and on a
 * configured domain (and, in a frame answering with `response_mode=web_message`, that page's script: see
 * relay/web-message-page.ts); the worker checks them again. The domains stay here, out of the page's reach. Registered
 * by the worker (src/background/capture/content-scripts.ts).
 */
import type { Observation } from '../core/capture/observation.js';
import { browser } from '../shared/browser.js';
import { parseDomains, type Domain } from '../shared/domains.js';
import type { RuntimeRequest } from '../shared/protocol.js';
import { createBatcher } from './relay/batcher.js';
import { offerHookPorts } from './relay/hook-ports.js';
import { keepObservation } from './relay/keep.js';
import { thisFrame, watchWebMessagePage } from './relay/web-message-page.js';

/** Undefined until the worker answers: until then nothing is passed on (the hook holds what it saw). */
let domains: Domain[] | undefined;
/** A web message page read before the worker told the domains (it is judged then). */
let pendingPage: Observation | undefined;

const batcher = createBatcher<Observation>((observations) => {
  const message: RuntimeRequest = { type: 'page-observations', observations };
  // A worker that is gone (extension reloaded) cannot take them; the page goes on regardless.
  browser.runtime.sendMessage(message).catch(() => undefined);
});

const hook = offerHookPorts(window, (value) => {
  const observation = keepObservation(value, domains);
  if (observation) batcher.add(observation);
});
// Token calls often come right before a navigation: send what is waiting before the page goes.
window.addEventListener('pagehide', () => batcher.flush());
// A frame answering an authorization request with response_mode=web_message: its script is the response.
watchWebMessagePage(thisFrame(document, window), (observation) => {
  const kept = keepObservation(observation, domains);
  if (kept) batcher.add(kept);
  else if (!domains) pendingPage = observation;
}, () => Date.now());

function configure(list: string[]): void {
  domains = parseDomains(list);
  hook.configure(domains.length > 0);
  const page = pendingPage && keepObservation(pendingPage, domains);
  pendingPage = undefined;
  if (page) batcher.add(page);
}

const ask: RuntimeRequest = { type: 'hook-config' };
browser.runtime.sendMessage(ask).then(
  (reply: unknown) => {
    const list = (reply as { domains?: unknown } | undefined)?.domains;
    configure(Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string') : []);
  },
  // No answer: capture off, so the hook drops what it buffered instead of holding it.
  () => configure([]),
);
