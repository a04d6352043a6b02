/** Evicting the oldest exchanges of any tab: for the store's caps, and to make room when the area is full. */
import { exchangeKey } from './keys.js';
import type { TabRecord } from './tab-record.js';
import type { Writes } from './writes.js';

/** The tabs an eviction looks at, and how a tab records a change of its exchanges. */
export interface EvictionScope {
  tabs: Map<number, TabRecord>;
  /** Marks the tab's exchanges as changed (a new version). */
  bump(t: TabRecord): void;
}

/** The exchange that started first over all tabs (ties: the lower tab id, then the tab's order), never one in `keep`. */
function oldest(tabs: Map<number, TabRecord>, keep: ReadonlySet<string>): [number, TabRecord, string] | undefined {
  let best: [number, TabRecord, string] | undefined;
  let bestAt = Infinity;
  for (const [tabId, t] of tabs) {
    const id = t.meta.order.find((x) => !keep.has(x));
    const at = id === undefined ? undefined : t.exchanges.get(id)?.startedAt;
    if (id === undefined || at === undefined) continue;
    if (at < bestAt || (at === bestAt && best && tabId < best[0])) {
      best = [tabId, t, id];
      bestAt = at;
    }
  }
  return best;
}

/**
 * Evicts the oldest exchange not in `keep`: from memory, from the area (`w`), counted in its tab's `evicted`.
 * Returns its stored size, or undefined when there was nothing to evict.
 */
export function evictOldest(scope: EvictionScope, w: Writes, keep: ReadonlySet<string>): number | undefined {
  const victim = oldest(scope.tabs, keep);
  if (!victim) return undefined;
  const [tabId, t, id] = victim;
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

/** Evicts the oldest exchanges (never those in `keep`) until at most `maxExchanges` and `maxBytes` are held. */
export function enforceCaps(scope: EvictionScope, w: Writes, keep: ReadonlySet<string>, maxExchanges: number, maxBytes: number): void {
  let exchanges = 0;
  let bytes = 0;
  for (const t of scope.tabs.values()) {
    exchanges += t.exchanges.size;
    bytes += t.bytes;
  }
  while (exchanges > maxExchanges || bytes > maxBytes) {
    const size = evictOldest(scope, w, keep);
    if (size === undefined) return;
    exchanges -= 1;
    bytes -= size;
  }
}

/** Evicts the oldest exchanges (never those in `keep`) until `bytes` were freed or none is left. Returns the bytes freed. */
export function evictBytes(scope: EvictionScope, w: Writes, keep: ReadonlySet<string>, bytes: number): number {
  let freed = 0;
  while (freed < bytes) {
    const size = evictOldest(scope, w, keep);
    if (size === undefined) break;
    freed += size;
  }
  return freed;
}
