/**
 * Hosts whose requests only DevTools saw (issue 9 §2): the tab's login traffic on hosts nobody configured, which
 * the extension stops seeing once DevTools closes. Pure.
 */
import type { Exchange } from '../../core/model.js';
import { parseDomains, urlOnDomains } from '../../shared/domains.js';
import { hostOf } from './filters.js';

/** One such host and how many requests of it were seen. */
export interface DevtoolsOnlyHost {
  /** Host and port as in the URL (`login.example.com`, `localhost:3000`). */
  host: string;
  requests: number;
}

/**
 * The hosts of `exchanges` that are not on the configured `domains` and whose every exchange was seen by DevTools
 * alone, most requests first (then by name). Does not look at what the requests were.
 */
export function devtoolsOnlyHosts(exchanges: readonly Exchange[], domains: readonly string[]): DevtoolsOnlyHost[] {
  const configured = parseDomains(domains);
  const counts = new Map<string, number>();
  const other = new Set<string>();
  for (const ex of exchanges) {
    const host = hostOf(ex.url);
    if (!host || urlOnDomains(ex.url, configured)) continue;
    const sources = new Set(Object.values(ex.seenBy).flatMap((s) => s ?? []));
    if (sources.size === 1 && sources.has('devtools')) counts.set(host, (counts.get(host) ?? 0) + 1);
    else other.add(host);
  }
  return [...counts]
    .filter(([host]) => !other.has(host))
    .map(([host, requests]) => ({ host, requests }))
    .sort((a, b) => b.requests - a.requests || a.host.localeCompare(b.host));
}
