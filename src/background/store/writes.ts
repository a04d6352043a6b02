/** What one store mutation writes: the keys it sets and removes, and the tabs it touched. */
import { metaKey } from './keys.js';
import type { TabMeta } from './tab-meta.js';
import type { TabRecord } from './tab-record.js';

/** The meta as it is written: a copy, so that later changes in memory do not change a pending write. */
export function metaValue(t: TabRecord): TabMeta {
  return { ...t.meta, order: [...t.meta.order], pauses: t.meta.pauses.map((p) => ({ ...p })), devtools: t.meta.devtools.map((p) => ({ ...p })) };
}

/** The keys one mutation sets and removes, and the tabs it touched. A key set after being removed is not removed. */
export class Writes {
  readonly set: Record<string, unknown> = {};
  readonly removed = new Set<string>();
  readonly touched = new Set<number>();

  put(key: string, value: unknown): void {
    this.removed.delete(key);
    this.set[key] = value;
  }

  remove(key: string): void {
    delete this.set[key];
    this.removed.add(key);
  }

  meta(tabId: number, t: TabRecord): void {
    this.put(metaKey(tabId), metaValue(t));
    this.touched.add(tabId);
  }
}
