/**
 * What the browser itself saw of an exchange, as opposed to what only the page hook reported (issue 10 §3): the
 * page hook runs in the page's own world, so a page can make up its reports; the browser's own capture sources
 * cannot be shaped by a page. Pure.
 */
import type { CaptureSource, Exchange, ExchangePart } from '../model.js';

/** Capture sources that report what the browser itself sent and received: a page cannot shape their reports. */
export const BROWSER_SOURCES: ReadonlySet<CaptureSource> = new Set<CaptureSource>(['webRequest', 'filterResponseData', 'devtools', 'debugger']);

/** Whether a browser source (see {@link BROWSER_SOURCES}) saw `part` of `ex`. */
export function browserSaw(ex: Exchange, part: ExchangePart): boolean {
  return ex.seenBy[part]?.some((source) => BROWSER_SOURCES.has(source)) === true;
}

/**
 * Whether `ex` is a page-hook report with no browser-seen request behind it: the page may have made it up, or its
 * own service worker answered it without a network request. False for anything a browser source saw the request
 * of, and for imported exchanges (HAR, files), which no page hook reported. Does not judge the response parts:
 * the page hook alone reads most response bodies in Chrome.
 */
export function unconfirmedPageReport(ex: Exchange): boolean {
  return ex.seenBy.request?.includes('page-hook') === true && !browserSaw(ex, 'request');
}
