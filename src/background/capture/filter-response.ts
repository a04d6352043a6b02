/**
 * Firefox's response filter capture source: the response bodies of configured hosts' documents and API calls,
 * read with `webRequest.filterResponseData` while the bytes pass through unchanged.
 */
import type { WebRequest } from 'webextension-polyfill';
import { browser } from '../../shared/browser.js';
import { urlOnDomains } from '../../shared/domains.js';
import { MAX_BODY_BYTES } from './bytes.js';
import type { CaptureContext } from './context.js';
import { findHeader, toHeaders } from './headers.js';
import { filteredObservation, type FilteredHop } from './filtered-observation.js';
import { createSettingsGate } from './settings-gate.js';
import { copyStreamFilter, type StreamFilterLike } from './stream-copy.js';

const FILTER: WebRequest.RequestFilter = { urls: ['<all_urls>'], types: ['main_frame', 'sub_frame', 'xmlhttprequest', 'other'] };
const MAX_HOPS = 2000;

/**
 * Registers a blocking onBeforeRequest listener that attaches a response filter to requests of tabs to the
 * configured domains (documents, frames, XHR/fetch and "other"), and an onHeadersReceived listener for the
 * status and charset. Call once at the worker's top level. A no-op where `filterResponseData` does not exist
 * (Chrome). Bodies are copied up to 512 KB (`truncated` beyond); the filter is always closed or disconnected.
 * Does not record headers or status (webRequest does) and does not change a byte of any response.
 */
export function installFilterResponseCapture(ctx: CaptureContext): void {
  const api = browser.webRequest;
  const native: unknown = (api as { filterResponseData?: unknown }).filterResponseData;
  if (typeof native !== 'function') return;
  const filterResponseData = native.bind(api) as (requestId: string) => StreamFilterLike;
  const gate = createSettingsGate(ctx);
  const hops = new Map<string, FilteredHop>();

  const attach = (d: WebRequest.OnBeforeRequestDetailsType): void => {
    if (!ctx.settings().sources.filterResponseData || !urlOnDomains(d.url, ctx.domains())) return;
    let filter: StreamFilterLike;
    try {
      filter = filterResponseData(d.requestId);
    } catch {
      return;
    }
    const hop: FilteredHop = { method: d.method, url: d.url, startedAt: d.timeStamp };
    hops.set(d.requestId, hop);
    if (hops.size > MAX_HOPS) hops.delete(hops.keys().next().value!);
    copyStreamFilter(filter, MAX_BODY_BYTES, (copy) => {
      if (hops.get(d.requestId) === hop) hops.delete(d.requestId);
      const obs = filteredObservation(d.requestId, hop, copy);
      if (obs) ctx.record(d.tabId, [obs]);
    });
  };

  api.onBeforeRequest.addListener(
    (d) => {
      ctx.count('filterResponseData');
      if (d.tabId < 0) return undefined;
      if (gate.isOpen()) {
        attach(d);
        return undefined;
      }
      // The request waits (it has not started) until the settings are known, so its response is still filterable.
      return gate.opened().then(() => {
        attach(d);
        return {};
      });
    },
    FILTER,
    ['blocking'],
  );
  api.onHeadersReceived.addListener(
    (d) => {
      ctx.count('filterResponseData');
      const hop = hops.get(d.requestId);
      if (!hop) return;
      hop.status = d.statusCode;
      hop.contentType = findHeader(toHeaders(d.responseHeaders), 'content-type');
    },
    FILTER,
    ['responseHeaders'],
  );
}
