/**
 * The page-hook relay: an ordinary content script (ISOLATED world) next to the page hook. It offers the hook a
 * private MessagePort (relay/hook-ports.ts), asks the worker whether to capture at all, tells the hook just that,
 * and passes on to the worker, in batches, the hook's exchanges that are well formed (and, in a frame answering
 * with `response_mode=web_message`, that page's script: see relay/web-message-page.ts). The worker checks them
 * again and keeps those on configured domains: the relay never learns the domains, as it runs in the page's
 * process, which a hostile page may control (issue 10 §3). Registered by the worker
 * (src/background/capture/content-scripts.ts).
 */
import type { Observation } from '../core/capture/observation.js';
import { browser } from '../shared/browser.js';
import type { RuntimeRequest } from '../shared/protocol.js';
import { createBatcher } from './relay/batcher.js';
import { offerHookPorts } from './relay/hook-ports.js';
import { keepObservation } from './relay/keep.js';
import { thisFrame, watchWebMessagePage } from './relay/web-message-page.js';

/** Undefined until the worker answers: until then nothing is passed on (the hook holds what it saw). */
let capture: boolean | undefined;
/** A web message page read before the worker answered (it is judged then). */
let pendingPage: Observation | undefined;

const batcher = createBatcher<Observation>((observations) => {
  const message: RuntimeRequest = { type: 'page-observations', observations };
  // A worker that is gone (extension reloaded) cannot take them; the page goes on regardless.
  browser.runtime.sendMessage(message).catch(() => undefined);
});

const hook = offerHookPorts(window, (value) => {
  const observation = keepObservation(value, capture);
  if (observation) batcher.add(observation);
});
// Token calls often come right before a navigation: send what is waiting before the page goes.
window.addEventListener('pagehide', () => batcher.flush());
// A frame answering an authorization request with response_mode=web_message: its script is the response.
watchWebMessagePage(thisFrame(document, window), (observation) => {
  const kept = keepObservation(observation, capture);
  if (kept) batcher.add(kept);
  else if (capture === undefined) pendingPage = observation;
}, () => Date.now());

function configure(on: boolean): void {
  capture = on;
  hook.configure(on);
  const page = pendingPage && keepObservation(pendingPage, on);
  pendingPage = undefined;
  if (page) batcher.add(page);
}

const ask: RuntimeRequest = { type: 'hook-config' };
browser.runtime.sendMessage(ask).then(
  (reply: unknown) => configure((reply as { capture?: unknown } | undefined)?.capture === true),
  // No answer: capture off, so the hook drops what it buffered instead of holding it.
  () => configure(false),
);
