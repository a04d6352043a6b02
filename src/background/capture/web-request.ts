/**
 * The webRequest capture source: request bodies, request headers (Authorization included), status, response
 * headers and redirects of requests to the configured domains.
 *
 * No `extraHeaders`: Chrome shows Authorization without it (checked in Chromium 156), and what it adds (Cookie,
 * Referer, Set-Cookie) is nothing the analysis needs and everything privacy asks us not to keep; it also slowed
 * every request by about a fifth in the capture benchmark. No onHeadersReceived either: onBeforeRedirect and
 * onCompleted carry the same status and headers, and each listener costs every request a round trip.
 */
import type { WebRequest } from 'webextension-polyfill';
import { browser } from '../../shared/browser.js';
import { urlOnDomains } from '../../shared/domains.js';
import type { CaptureContext } from './context.js';
import { listen } from './listen.js';
import { createSettingsGate } from './settings-gate.js';
import { WebRequestTracker } from './web-request-tracker.js';

// Events reach the extension only for hosts it has host access to: the configured domains (optional host
// permissions), so `<all_urls>` here never runs a callback for a page on another domain.
const ALL: WebRequest.RequestFilter = { urls: ['<all_urls>'] };

/** The webRequest capture source once installed. */
export interface WebRequestCapture {
  /**
   * Removes the listeners this source added and adds fresh ones (new function objects), synchronously. The
   * requests in flight, the settings gate and the counters are kept: a request that started before is completed
   * by the new listeners. Does not check whether the old ones ever ran; calling it when they did is harmless,
   * except that an event the browser dispatches between the removal and the new registration is missed.
   */
  reinstall(): void;
}

/**
 * Registers the webRequest listeners; call once, synchronously at the worker's top level (a listener added later
 * misses the event that woke the worker), and {@link WebRequestCapture.reinstall} when host access was granted
 * (see reinstall-on-grant.ts: Chromium refuses these listeners while the extension has no host access at all).
 * Each callback counts itself, then ignores requests without a tab (the worker's own), requests outside the
 * configured domains and everything while the source is switched off. Events that arrive before the settings
 * are loaded wait for them (see settings-gate.ts). Does not see response bodies (other sources fill them) and
 * does not block or change any request.
 */
export function installWebRequestCapture(ctx: CaptureContext): WebRequestCapture {
  const tracker = new WebRequestTracker();
  const gate = createSettingsGate(ctx);
  // Counts first; then (once the settings are known, in event order) runs `handle` for wanted requests only.
  const on = <D extends { tabId: number; url: string }>(handle: (d: D) => void) => (d: D): void => {
    ctx.count('webRequest');
    if (d.tabId < 0) return;
    gate.run(() => {
      if (ctx.settings().sources.webRequest && urlOnDomains(d.url, ctx.domains())) handle(d);
    });
  };
  const events = browser.webRequest;

  // Fresh functions on every call: each addListener is a registration of its own, whatever an earlier one did.
  const attach = (): (() => void) => {
    const detach = [
      listen(events.onBeforeRequest, on((d: WebRequest.OnBeforeRequestDetailsType) => tracker.request(d)), ALL, ['requestBody']),
      listen(events.onSendHeaders, on((d: WebRequest.OnSendHeadersDetailsType) => tracker.sendHeaders(d)), ALL, ['requestHeaders']),
      listen(
        events.onBeforeRedirect,
        on((d: WebRequest.OnBeforeRedirectDetailsType) => {
          ctx.record(d.tabId, [tracker.redirect(d)]);
          // No event of the next hop arrives for a host outside the configured domains.
          if (!urlOnDomains(d.redirectUrl, ctx.domains())) tracker.forget(d.requestId);
        }),
        ALL,
        ['responseHeaders'],
      ),
      listen(events.onCompleted, on((d: WebRequest.OnCompletedDetailsType) => ctx.record(d.tabId, [tracker.completed(d)])), ALL, ['responseHeaders']),
      listen(events.onErrorOccurred, on((d: WebRequest.OnErrorOccurredDetailsType) => ctx.record(d.tabId, [tracker.failed(d)])), ALL),
    ];
    return () => {
      for (const remove of detach) remove();
    };
  };

  let detach = attach();
  return {
    reinstall() {
      // Old ones off first: listeners that did register would otherwise record the events in between twice.
      detach();
      detach = attach();
    },
  };
}
