/**
 * The webRequest capture source: request bodies, request headers (with Authorization where the browser needs
 * `extraHeaders` for it), status, response headers and redirects of requests to the configured domains.
 */
import type { WebRequest } from 'webextension-polyfill';
import { browser } from '../../shared/browser.js';
import { urlOnDomains } from '../../shared/domains.js';
import type { CaptureContext } from './context.js';
import { createSettingsGate } from './settings-gate.js';
import { WebRequestTracker } from './web-request-tracker.js';

// Events reach the extension only for hosts it has host access to: the configured domains (optional host
// permissions), so `<all_urls>` here never runs a callback for a page on another domain.
const ALL: WebRequest.RequestFilter = { urls: ['<all_urls>'] };

interface ListenerEvent<D, O> {
  addListener(callback: (details: D) => void, filter: WebRequest.RequestFilter, extraInfoSpec?: O[]): void;
}

/**
 * Adds the listener with `extraHeaders` (Chrome hides some headers without it), or without it where the browser
 * refuses the value (Firefox throws "Invalid enumeration value").
 */
function addWithExtraHeaders<D, O extends string>(event: ListenerEvent<D, O>, callback: (details: D) => void, spec: O[], extra: O): void {
  try {
    event.addListener(callback, ALL, [...spec, extra]);
  } catch {
    event.addListener(callback, ALL, spec);
  }
}

/**
 * Registers the webRequest listeners; call once, synchronously at the worker's top level (a listener added later
 * misses the event that woke the worker). Each callback counts itself, then ignores requests without a tab (the
 * worker's own), requests outside the configured domains and everything while the source is switched off.
 * Events that arrive before the settings are loaded wait for them (see settings-gate.ts). Does not see response
 * bodies (other sources fill them) and does not block or change any request.
 */
export function installWebRequestCapture(ctx: CaptureContext): void {
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

  events.onBeforeRequest.addListener(
    on((d: WebRequest.OnBeforeRequestDetailsType) => tracker.request(d)),
    ALL,
    ['requestBody'],
  );
  addWithExtraHeaders(
    events.onSendHeaders,
    on((d: WebRequest.OnSendHeadersDetailsType) => tracker.sendHeaders(d)),
    ['requestHeaders'],
    'extraHeaders',
  );
  events.onHeadersReceived.addListener(
    on((d: WebRequest.OnHeadersReceivedDetailsType) => tracker.headersReceived(d)),
    ALL,
    ['responseHeaders'],
  );
  events.onBeforeRedirect.addListener(
    on((d: WebRequest.OnBeforeRedirectDetailsType) => {
      ctx.record(d.tabId, [tracker.redirect(d)]);
      // No event of the next hop arrives for a host outside the configured domains.
      if (!urlOnDomains(d.redirectUrl, ctx.domains())) tracker.forget(d.requestId);
    }),
    ALL,
    ['responseHeaders'],
  );
  events.onCompleted.addListener(
    on((d: WebRequest.OnCompletedDetailsType) => ctx.record(d.tabId, [tracker.completed(d)])),
    ALL,
    ['responseHeaders'],
  );
  events.onErrorOccurred.addListener(
    on((d: WebRequest.OnErrorOccurredDetailsType) => ctx.record(d.tabId, [tracker.failed(d)])),
    ALL,
  );
}
