/** A tab's captures as the store holds them in memory, and reading them back from the storage area. */
import type { Exchange } from '../../core/model.js';
import { exchangeKey, parseKey } from './keys.js';
import { itemBytes } from './session-bytes.js';
import { emptyMeta, readMeta, type TabMeta } from './tab-meta.js';

/** One tab in memory: its meta and exchanges, and the stored size of each exchange. */
export interface TabRecord {
  meta: TabMeta;
  exchanges: Map<string, Exchange>;
  /** Bytes each exchange takes in the area (session-bytes.ts), by id. */
  sizes: Map<string, number>;
  bytes: number;
  /** Bumped whenever the exchanges change (memory only): tells an analysis whether it is still current. */
  version: number;
  /** Ids of exchanges whose last write failed: they live in memory only (memory only, like `version`). */
  unsaved: Set<string>;
}

/** A tab with nothing captured. */
export function emptyTab(): TabRecord {
  return { meta: emptyMeta(), exchanges: new Map(), sizes: new Map(), bytes: 0, version: 0, unsaved: new Set() };
}

/** What an exchange costs in the area, key included, as the browsers' quotas count it (session-bytes.ts). */
export function storedSize(tabId: number, ex: Exchange): number {
  return itemBytes(exchangeKey(tabId, ex.id), ex);
}

/** Enough of an Exchange's shape to hand it to the engine; the store wrote it, so this only guards against garbage. */
function isExchange(value: unknown, id: string): value is Exchange {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['id'] === id &&
    typeof v['method'] === 'string' &&
    typeof v['url'] === 'string' &&
    typeof v['startedAt'] === 'number' &&
    Array.isArray(v['requestHeaders']) &&
    Array.isArray(v['responseHeaders']) &&
    typeof v['seenBy'] === 'object' &&
    v['seenBy'] !== null
  );
}

/**
 * The tabs in everything the area holds. Keys that are not the store's are ignored, and so are exchanges that
 * do not look like one. A meta's order loses ids without an exchange; exchanges missing from the order (a write
 * cut short) are appended by start time. Does not write anything back.
 */
export function readTabs(items: Record<string, unknown>): Map<number, TabRecord> {
  const tabs = new Map<number, TabRecord>();
  const tab = (tabId: number): TabRecord => {
    let t = tabs.get(tabId);
    if (!t) tabs.set(tabId, (t = emptyTab()));
    return t;
  };
  for (const [key, value] of Object.entries(items)) {
    const parsed = parseKey(key);
    if (!parsed) continue;
    if (parsed.kind === 'meta') {
      tab(parsed.tabId).meta = readMeta(value);
    } else if (isExchange(value, parsed.exchangeId)) {
      const t = tab(parsed.tabId);
      t.exchanges.set(value.id, value);
      const size = storedSize(parsed.tabId, value);
      t.sizes.set(value.id, size);
      t.bytes += size;
    }
  }
  for (const t of tabs.values()) {
    const listed = t.meta.order.filter((id) => t.exchanges.has(id));
    const inOrder = new Set(listed);
    const missing = [...t.exchanges.values()].filter((ex) => !inOrder.has(ex.id)).sort((a, b) => a.startedAt - b.startedAt);
    t.meta.order = [...listed, ...missing.map((ex) => ex.id)];
  }
  return tabs;
}
