/**
 * The worker's transport for discovery documents and JWKS (the extension's only own network requests, and only
 * when the user turned key fetching on). The engine decides which issuer URLs are well-formed enough to fetch
 * (src/core/jwt/fetch-policy.ts); this keeps the requests to the configured domains and makes them as narrow as
 * they can be.
 */
import type { FetchJson } from '../core/index.js';
import { urlOnDomains, type Domain } from '../shared/domains.js';
import { isJsonContentType, readCapped } from '../shared/json-response.js';

/** The largest body read: discovery documents and JWKS are a few kilobytes. */
export const MAX_JSON_BYTES = 1024 * 1024;
/** How long one fetch may take, headers and body together. */
export const FETCH_TIMEOUT_MS = 10_000;

/** Limits of the worker's fetch (the defaults suit discovery and JWKS). */
export interface FetchJsonOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** The fetch to use (tests); the global one by default. */
  fetch?: typeof fetch;
  /**
   * The configured domains, asked at each fetch: a URL whose host is not on them is refused. A token's `iss`
   * is whatever the page wrote, so without this a hostile page could make the extension fetch any URL.
   */
  domains?: () => readonly Domain[];
}

/**
 * A {@link FetchJson} for the worker: GET, no cookies or credentials (`credentials: 'omit'`), no referrer, no
 * HTTP cache, a redirect is an error, http(s) only, hosts on `domains` only (when given), a JSON content type
 * only, at most `maxBytes` of body, and a timeout over the whole exchange. Rejects with an Error saying why on
 * any failure; a refused URL is never requested. Does not judge the URL's shape (the engine's fetch policy does)
 * and does not cache.
 */
export function createFetchJson(options: FetchJsonOptions = {}): FetchJson {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_JSON_BYTES;
  return async (url) => {
    if (!/^https?:\/\//i.test(url)) throw new Error(`refusing to fetch ${url}: not http(s)`);
    if (options.domains && !urlOnDomains(url, options.domains())) {
      throw new Error(`refusing to fetch ${url}: its host is not on a configured domain (keys are only fetched from configured domains)`);
    }
    const doFetch = options.fetch ?? fetch;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`${url} did not answer within ${timeoutMs} ms`)), timeoutMs);
    try {
      const res = await doFetch(url, {
        method: 'GET',
        headers: { accept: 'application/json, application/jwk-set+json' },
        redirect: 'error',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      });
      if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
      const type = res.headers.get('content-type');
      if (!isJsonContentType(type)) throw new Error(`${url} answered with content type ${JSON.stringify(type ?? '')}, not JSON`);
      return JSON.parse(await readCapped(res, maxBytes, url)) as unknown;
    } catch (err) {
      if (controller.signal.aborted && controller.signal.reason instanceof Error) throw controller.signal.reason;
      throw err instanceof Error ? err : new Error(String(err));
    } finally {
      clearTimeout(timer);
      // Drops the connection of a response whose body was not (fully) read.
      controller.abort();
    }
  };
}
