/** How the panel marks a page-hook report that no browser-seen request confirms (issue 10 §3). Pure. */
export { unconfirmedPageReport } from '../../core/capture/browser-seen.js';

/** The badge on such a request in the list. */
export const UNCONFIRMED_LABEL = 'unconfirmed';

/** What the badge and the request's detail say about it. */
export const UNCONFIRMED_TEXT =
  'Unconfirmed: only the page hook reported this request, and the browser itself (webRequest, DevTools, the response filter) saw no such request. The page may have made it up, or its service worker answered it.';
