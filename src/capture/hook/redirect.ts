/** The request a redirected fetch or XHR ended with, as far as the page can tell. */
import type { Observation } from '../../core/capture/observation.js';

/** The request-body header names the Fetch standard removes with the body when a redirect changes the method. */
const BODY_HEADERS = new Set(['content-encoding', 'content-language', 'content-location', 'content-type']);

/**
 * Makes `obs` describe the last request of a redirect chain, which is what webRequest reports for the final URL:
 * that URL, and the method the browser used. The Fetch standard (HTTP-redirect fetch, step 12) turns a POST
 * into GET after 301, 302 or 303, and any other method but GET and HEAD into GET after 303, dropping the body
 * and its headers; 307 and 308 keep both. The page sees only that there were redirects, not their statuses, so
 * a POST is taken to end as GET (three of the four statuses do that) and other methods as they were; a note
 * says what was inferred. Does not check that `finalUrl` differs from `obs.url`.
 */
export function followRedirect(obs: Observation, finalUrl: string): void {
  const notes = (obs.notes ??= []);
  if (obs.method === 'POST') {
    notes.push(`redirected from POST ${obs.url}; the final request taken as GET without a body (what 301, 302 and 303 do; 307 and 308 would keep the POST)`);
    obs.method = 'GET';
    delete obs.requestBody;
    delete obs.requestForm;
    if (obs.requestHeaders) obs.requestHeaders = obs.requestHeaders.filter((h) => !BODY_HEADERS.has(h.name.toLowerCase()));
  } else {
    notes.push(`redirected from ${obs.url}`);
  }
  obs.url = finalUrl;
}

/** The URL without its fragment: what `responseURL` and `Response.url` report of a request URL. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
