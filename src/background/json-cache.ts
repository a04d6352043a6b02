/**
 * A short-lived memory cache in front of the worker's FetchJson. Every analysis run builds a fresh key store, so
 * without it a burst of traffic on a watched tab would fetch the issuer's discovery document and JWKS once per
 * run (every ~150 ms).
 */
import type { FetchJson } from '../core/index.js';

/** How long a fetched document is reused. */
export const JSON_CACHE_MS = 5 * 60_000;

export interface JsonCache {
  /**
   * The FetchJson for one analysis run: the first request of a URL in the run may be answered from the cache; a
   * second request of the same URL in the same run (the engine's refetch for an unknown `kid`, Core §10.1.1)
   * always goes to the network and refreshes the cache.
   */
  forRun(): FetchJson;
}

/**
 * A cache over `fetchJson`: successful answers only, for `ttlMs`, with concurrent requests of one URL sharing one
 * fetch. Failures are not cached. Memory only; does not persist and does not bound the number of URLs (the engine
 * only asks for discovery and JWKS of observed issuers).
 */
export function createJsonCache(fetchJson: FetchJson, ttlMs: number = JSON_CACHE_MS, now: () => number = () => Date.now()): JsonCache {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  const fetchFresh = (url: string): Promise<unknown> => {
    const value = fetchJson(url);
    const entry = { at: now(), value };
    entries.set(url, entry);
    value.catch(() => {
      if (entries.get(url) === entry) entries.delete(url);
    });
    return value;
  };
  return {
    forRun() {
      const asked = new Set<string>();
      return (url) => {
        const again = asked.has(url);
        asked.add(url);
        const entry = entries.get(url);
        if (!again && entry && now() - entry.at < ttlMs) return entry.value;
        return fetchFresh(url);
      };
    },
  };
}
