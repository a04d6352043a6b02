import type { FetchJson } from '../core/index.js';
import { isJsonContentType, readCapped } from '../shared/json-response.js';

/** The largest response body read: discovery documents and JWKS are a few kilobytes. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * The CLI's `--fetch-keys` transport: GET with a 10 s timeout, no redirects (a redirect is an error), a JSON
 * content type only, at most {@link MAX_RESPONSE_BYTES} of body, http(s) only, no cookies or credentials.
 * The engine only ever asks it for discovery documents and JWKS of issuers it observed, after its own fetch
 * policy allowed the URL; this does not check the URL beyond its scheme.
 */
export const fetchJson: FetchJson = async (url) => {
  if (!/^https?:\/\//i.test(url)) throw new Error(`refusing to fetch ${url}: not http(s)`);
  const controller = new AbortController();
  const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(10_000)]);
  try {
    let res: Response;
    try {
      res = await fetch(url, { headers: { accept: 'application/json, application/jwk-set+json' }, redirect: 'error', credentials: 'omit', signal });
    } catch (err) {
      // Node's fetch says only "fetch failed"; the cause says why (e.g. "unexpected redirect", ECONNREFUSED).
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
      throw new Error(`${err instanceof Error ? err.message : String(err)}${cause}`, { cause: err });
    }
    if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
    const type = res.headers.get('content-type');
    if (!isJsonContentType(type)) throw new Error(`${url} answered with content type ${JSON.stringify(type ?? '')}, not JSON`);
    return JSON.parse(await readCapped(res, MAX_RESPONSE_BYTES, url)) as unknown;
  } finally {
    // Drops the connection of a response whose body was not (fully) read.
    controller.abort();
  }
};
