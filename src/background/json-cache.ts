/**
 * A short-lived memory cache in front of the worker's FetchJson. Every analysis run builds a fresh key store, so
 * without it a burst of traffic on a watched tab would fetch the issuer's discovery document and JWKS once per
 * run (every ~150 ms).
 */
import type { FetchJson } from '../core/index.js';

/** How long a fetched document is reused. */
export const JSON_CACHE_MS = 5 * 60_000;

/**
 * How long after one network request of a URL the next may go out: the engine's refetch for an unknown `kid`
 * and a failed fetch are answered from the last attempt until then (a token whose `kid` the issuer does not have
 * would otherwise refetch the JWKS on every analysis run, several times a second while a panel watches).
 */
export const REFETCH_INTERVAL_MS = 60_000;

export interface JsonCache {
  /**
   * The FetchJson for one analysis run: the first request of a URL in the run may be answered from the cache; a
   * second request of the same URL in the same run (the engine's refetch for an unknown `kid`, Core §10.1.1)
   * goes to the network and refreshes the cache, unless the URL was fetched less than
   * {@link REFETCH_INTERVAL_MS} ago.
   */
  forRun(): FetchJson;
  /** Forgets everything (the settings changed: which URLs may be fetched may have too). */
  clear(): void;
}

interface Entry {
  /** When the network request went out. */
  at: number;
  value: Promise<unknown>;
  failed: boolean;
}

/**
 * A cache over `fetchJson`: successful answers for `ttlMs`, failures for `refetchMs`, with concurrent requests
 * of one URL sharing one fetch, and at most one network request per URL per `refetchMs`. Memory only; does not
 * persist and does not bound the number of URLs (the engine only asks for discovery and JWKS of observed issuers).
 */
export function createJsonCache(
  fetchJson: FetchJson,
  ttlMs: number = JSON_CACHE_MS,
  now: () => number = () => Date.now(),
  refetchMs: number = REFETCH_INTERVAL_MS,
): JsonCache {
  const entries = new Map<string, Entry>();
  const fetchFresh = (url: string): Promise<unknown> => {
    const entry: Entry = { at: now(), value: fetchJson(url), failed: false };
    entries.set(url, entry);
    entry.value.catch(() => (entry.failed = true));
    return entry.value;
  };
  return {
    forRun() {
      const asked = new Set<string>();
      return (url) => {
        const again = asked.has(url);
        asked.add(url);
        const entry = entries.get(url);
        if (entry) {
          const age = now() - entry.at;
          if (age < refetchMs) return entry.value;
          if (!again && !entry.failed && age < ttlMs) return entry.value;
        }
        return fetchFresh(url);
      };
    },
    clear: () => entries.clear(),
  };
}
