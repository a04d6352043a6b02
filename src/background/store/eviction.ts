/**
 * Evicting exchanges: for the store's caps, and to make room when the area is full (issue 10 §3).
 *
 * Each tab has a fair share of the caps: the exchange evicted is always one of the tab holding the most (exchanges
 * for the exchange cap, bytes for the byte budget), so a flood in one tab evicts that tab's own captures once it
 * holds more than the others, and never those of a tab holding less. Within the tab it is the one that arrived
 * first (the tab's `order`), whatever times it claims: a page can date its own reports as it likes, so a time
 * never decides what goes.
 */
import { exchangeKey } from './keys.js';
import type { TabRecord } from './tab-record.js';
import type { Writes } from './writes.js';

/** The tabs an eviction looks at, and how a tab records a change of its exchanges. */
export interface EvictionScope {
  tabs: Map<number, TabRecord>;
  /** Marks the tab's exchanges as changed (a new version). */
  bump(t: TabRecord): void;
}

/** What a tab's share is measured in: its exchanges or its bytes. */
export type Usage = (t: TabRecord) => number;

/** The number of exchanges a tab holds. */
export const byExchanges: Usage = (t) => t.exchanges.size;
/** The bytes a tab's exchanges take in the area. */
export const byBytes: Usage = (t) => t.bytes;

/** A tab holding one of `keep`: the tab that is being written to (it gives back first among equals). */
function holdsAny(t: TabRecord, keep: ReadonlySet<string>): boolean {
  for (const id of keep) if (t.exchanges.has(id)) return true;
  return false;
}

/**
 * The exchange to evict: the first arrived, not in `keep`, of the tab with the highest `usage`; among tabs of
 * equal usage the one being written to (holding an id of `keep`), then the lower tab id.
 */
export function victim(tabs: Map<number, TabRecord>, keep: ReadonlySet<string>, usage: Usage): [number, TabRecord, string] | undefined {
  let best: [number, TabRecord, string] | undefined;
  let bestUse = -Infinity;
  let bestWriting = false;
  for (const [tabId, t] of tabs) {
    const id = t.meta.order.find((x) => !keep.has(x) && t.exchanges.has(x));
    if (id === undefined) continue;
    const use = usage(t);
    const writing = holdsAny(t, keep);
    const better = !best || use > bestUse || (use === bestUse && (writing !== bestWriting ? writing : tabId < best[0]));
    if (better) {
      best = [tabId, t, id];
      bestUse = use;
      bestWriting = writing;
    }
  }
  return best;
}

/**
 * Evicts one exchange not in `keep` (see {@link victim}): from memory, from the area (`w`), counted in its tab's
 * `evicted`. Returns its stored size, or undefined when there was nothing to evict.
 */
export function evictOne(scope: EvictionScope, w: Writes, keep: ReadonlySet<string>, usage: Usage): number | undefined {
  const chosen = victim(scope.tabs, keep, usage);
  if (!chosen) return undefined;
  const [tabId, t, id] = chosen;
  const size = t.sizes.get(id) ?? 0;
  t.bytes -= size;
  t.sizes.delete(id);
  t.exchanges.delete(id);
  t.unsaved.delete(id);
  t.meta.order = t.meta.order.filter((x) => x !== id);
  t.meta.evicted += 1;
  scope.bump(t);
  w.remove(exchangeKey(tabId, id));
  w.meta(tabId, t);
  return size;
}

/**
 * Evicts exchanges (never those in `keep`) until at most `maxExchanges` and `maxBytes` are held over all tabs:
 * past the exchange cap from the tab holding the most exchanges, past the byte budget from the one holding the
 * most bytes, first arrived first.
 */
export function enforceCaps(scope: EvictionScope, w: Writes, keep: ReadonlySet<string>, maxExchanges: number, maxBytes: number): void {
  let exchanges = 0;
  let bytes = 0;
  for (const t of scope.tabs.values()) {
    exchanges += t.exchanges.size;
    bytes += t.bytes;
  }
  while (exchanges > maxExchanges || bytes > maxBytes) {
    const size = evictOne(scope, w, keep, exchanges > maxExchanges ? byExchanges : byBytes);
    if (size === undefined) return;
    exchanges -= 1;
    bytes -= size;
  }
}

/**
 * Evicts exchanges (never those in `keep`) from the tab holding the most bytes, first arrived first, until
 * `bytes` were freed or none is left. Returns the bytes freed.
 */
export function evictBytes(scope: EvictionScope, w: Writes, keep: ReadonlySet<string>, bytes: number): number {
  let freed = 0;
  while (freed < bytes) {
    const size = evictOne(scope, w, keep, byBytes);
    if (size === undefined) break;
    freed += size;
  }
  return freed;
}
