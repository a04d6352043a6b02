/**
 * Writing one store mutation to the storage area: set first, then remove, each failure handled on its own, and a
 * full area answered by evicting old exchanges and trying again (a bounded number of times).
 */
import { itemBytes } from './session-bytes.js';
import type { StorageArea } from './storage-area.js';
import type { Writes } from './writes.js';

/** How often a write that hit the quota is tried again, each time after evicting twice as much as before. */
export const QUOTA_RETRIES = 4;

/** What the persister tells the store, and asks of it. */
export interface PersistHooks {
  /** The key is written: what it holds is saved. */
  saved(key: string): void;
  /** The key could not be written: what it holds lives in memory only. */
  unsaved(key: string): void;
  /**
   * Evicts old exchanges worth at least `bytes` (never one `w` sets), adding their removal to `w`. Returns the
   * bytes freed; 0 when nothing was left to evict.
   */
  makeRoom(w: Writes, bytes: number): number;
}

/** Writes mutations to an area; see {@link createPersister}. */
export interface Persister {
  /**
   * Sets `w.set`, then removes `w.removed` and any earlier removal that failed (when the set hits the quota, the
   * removals go first and the set is tried again before anything is evicted for it). Rejects with the error of a set
   * that failed for a reason other than the quota; a full area that eviction cannot cure resolves, with the keys
   * reported unsaved. A failed removal does not reject: it is tried again with the next flush.
   */
  flush(w: Writes): Promise<void>;
}

/**
 * Whether a rejected `set` means the area is full. Chrome: "Session storage quota bytes exceeded. Values were not
 * stored."; Firefox: "QuotaExceededError: storage.session API call exceeded its quota limitations.".
 */
export function isQuotaError(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /quota/i.test(message);
}

function writeBytes(items: Record<string, unknown>): number {
  let n = 0;
  for (const [key, value] of Object.entries(items)) n += itemBytes(key, value);
  return n;
}

/** A persister over `area`. Does not decide what to evict (the store's `makeRoom` does) and never calls `clear()`. */
export function createPersister(area: StorageArea, hooks: PersistHooks): Persister {
  // Removals that failed; a key set again since is no longer to be removed.
  const pending = new Set<string>();

  async function removeKeys(w: Writes): Promise<void> {
    for (const key of Object.keys(w.set)) pending.delete(key);
    const keys = [...new Set([...pending, ...w.removed])];
    w.removed.clear();
    if (keys.length === 0) return;
    try {
      await area.remove(keys);
      for (const key of keys) pending.delete(key);
    } catch {
      for (const key of keys) pending.add(key);
    }
  }

  /** Undefined when everything was written, else the last error (boxed: a rejection may carry `undefined`). */
  async function setKeys(w: Writes): Promise<{ error: unknown } | undefined> {
    let removedFirst = false;
    for (let attempt = 0; ; attempt++) {
      const items = { ...w.set };
      const keys = Object.keys(items);
      if (keys.length === 0) return undefined;
      try {
        await area.set(items);
        for (const key of keys) hooks.saved(key);
        return undefined;
      } catch (err) {
        // The write's own removals (exchanges already evicted from memory, for the caps) may be all the room it
        // needs: they go first, before anything else is evicted for it (issue 10 §3: a flood of large exchanges
        // in one tab otherwise made room with other tabs' captures).
        if (isQuotaError(err) && !removedFirst && (w.removed.size > 0 || pending.size > 0)) {
          removedFirst = true;
          attempt -= 1;
          await removeKeys(w);
          continue;
        }
        const freed = isQuotaError(err) && attempt < QUOTA_RETRIES ? hooks.makeRoom(w, writeBytes(items) * 2 ** attempt) : 0;
        if (freed === 0) {
          for (const key of keys) hooks.unsaved(key);
          return { error: err };
        }
        // What was evicted must leave the area before the write can fit.
        await removeKeys(w);
      }
    }
  }

  return {
    async flush(w) {
      const failed = await setKeys(w);
      await removeKeys(w);
      if (failed && !isQuotaError(failed.error)) throw failed.error;
    },
  };
}
