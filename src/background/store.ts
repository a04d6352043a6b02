/**
 * The per-tab capture store (issue 3 §4): exchanges merged from observations, kept in a storage area
 * (`browser.storage.session`: memory only, never synced, never on disk) so that a restarted worker loses
 * nothing. Everything is loaded once at start (`ready`), every operation waits for that, and mutations run one
 * at a time; a write sets only the keys it changed, so it can never replace what an earlier worker saved
 * (BROWSER-TESTING.md, pitfall 2).
 */
import { mergeObservation } from '../core/capture/merge.js';
import type { Observation } from '../core/capture/observation.js';
import type { Exchange } from '../core/model.js';
import { capObservation, MAX_BODY_CHARS } from './store/cap-body.js';
import { exchangeKey, metaKey } from './store/keys.js';
import { byteBudget, type StorageArea } from './store/storage-area.js';
import { emptyMeta } from './store/tab-meta.js';
import { emptyTab, readTabs, storedSize, type TabRecord } from './store/tab-record.js';
import { Writes } from './store/writes.js';

/** The most exchanges kept over all tabs (issue 3 §4). */
export const MAX_EXCHANGES = 5_000;

/** What a store is built over, and its caps (the defaults are issue 3's). */
export interface StoreOptions {
  area: StorageArea;
  /** The area's `QUOTA_BYTES`, when the browser states one; the byte budget is 80 % of it, at most 50 MB. */
  quotaBytes?: unknown;
  /** Overrides the byte budget (tests). */
  maxBytes?: number;
  maxExchanges?: number;
  maxBodyChars?: number;
  /** The user's "preserve log" setting: when true, no tab's captures are dropped on close. */
  preserveLog?: () => boolean;
  /** Ids for new exchanges; random UUIDs by default (they must not repeat after a worker restart). */
  newId?: () => string;
}

/** A tab as the store has it. The exchanges are shared, not copied: do not mutate them. */
export interface TabView {
  tabId: number;
  /** Oldest first. */
  exchanges: Exchange[];
  paused: boolean;
  preserve: boolean;
  evicted: number;
  dropped: number;
  bytes: number;
  /** Changes whenever the exchanges change; never repeats within one worker's life (memory only). */
  version: number;
}

/** Totals over all tabs, for the stats message. */
export interface StoreTotals {
  tabs: number;
  exchanges: number;
  bytes: number;
  evicted: number;
}

/** What {@link Store.record} did with a batch of observations. */
export interface RecordResult {
  /** Observations merged into the tab. */
  accepted: number;
  /** Observations dropped because the tab is paused. */
  dropped: number;
}

/** The per-tab capture store; see {@link createStore}. */
export interface Store {
  /** Resolves once the area was read (also when reading failed: the store then starts empty). */
  readonly ready: Promise<void>;
  /** Merges observations into a tab's exchanges, then applies the caps (oldest exchanges of any tab go first). */
  record(tabId: number, observations: readonly Observation[]): Promise<RecordResult>;
  /** The tab after every mutation asked for before this call. */
  view(tabId: number): Promise<TabView>;
  pause(tabId: number): Promise<void>;
  resume(tabId: number): Promise<void>;
  /** Removes a tab's exchanges and resets its counters; keeps paused and preserve. */
  clear(tabId: number): Promise<void>;
  setPreserve(tabId: number, preserve: boolean): Promise<void>;
  /** Drops a closed tab unless it or the settings preserve it. Resolves to whether it was dropped. */
  tabClosed(tabId: number): Promise<boolean>;
  /** Tabs the store holds anything for. */
  tabIds(): Promise<number[]>;
  totals(): Promise<StoreTotals>;
  /** Called with a tab id after each change to that tab has been written. Returns the unsubscribe function. */
  onChange(listener: (tabId: number) => void): () => void;
}

/**
 * A store over `area`. Does not analyse, push to panels or check domains (the recorder does), and never calls
 * `area.clear()`. A failing `set` or `remove` rejects that operation; memory keeps the change and a later write
 * of the same keys persists it.
 */
export function createStore(options: StoreOptions): Store {
  const { area } = options;
  const maxBytes = options.maxBytes ?? byteBudget(options.quotaBytes);
  const maxExchanges = options.maxExchanges ?? MAX_EXCHANGES;
  const maxBodyChars = options.maxBodyChars ?? MAX_BODY_CHARS;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const listeners = new Set<(tabId: number) => void>();
  let tabs = new Map<number, TabRecord>();
  // Versions come from one counter over all tabs, so a tab dropped and seen again never repeats an old version.
  let versions = 0;
  const bump = (t: TabRecord): void => {
    t.version = ++versions;
  };

  // An area that cannot be read leaves the store empty rather than dead; since writes only set the keys they
  // change, what the area still holds is not overwritten (a tab's order is rebuilt from its exchanges on load).
  const ready: Promise<void> = area.get(null).then(
    (items) => {
      tabs = readTabs(items);
      for (const t of tabs.values()) bump(t);
    },
    () => undefined,
  );
  let tail: Promise<unknown> = ready;

  /** Runs `fn` after every earlier mutation; its writes go to the area, then listeners hear of the tabs touched. */
  function mutate<T>(fn: (w: Writes) => T): Promise<T> {
    const run = tail.then(async () => {
      const w = new Writes();
      const result = fn(w);
      try {
        if (w.removed.size > 0) await area.remove([...w.removed]);
        if (Object.keys(w.set).length > 0) await area.set(w.set);
      } finally {
        for (const tabId of w.touched) for (const l of listeners) l(tabId);
      }
      return result;
    });
    tail = run.catch(() => undefined);
    return run;
  }

  const tabFor = (tabId: number): TabRecord => {
    let t = tabs.get(tabId);
    if (!t) tabs.set(tabId, (t = emptyTab()));
    return t;
  };

  function putExchange(w: Writes, tabId: number, t: TabRecord, ex: Exchange): void {
    const size = storedSize(tabId, ex);
    t.bytes += size - (t.sizes.get(ex.id) ?? 0);
    t.sizes.set(ex.id, size);
    t.exchanges.set(ex.id, ex);
    w.put(exchangeKey(tabId, ex.id), ex);
  }

  function totalsNow(): StoreTotals {
    const all = [...tabs.values()];
    return {
      tabs: all.length,
      exchanges: all.reduce((n, t) => n + t.exchanges.size, 0),
      bytes: all.reduce((n, t) => n + t.bytes, 0),
      evicted: all.reduce((n, t) => n + t.meta.evicted, 0),
    };
  }

  /** The tab whose oldest exchange started first (ties: the lower tab id), never `keep` itself. */
  function oldest(keep: string): [number, TabRecord, string] | undefined {
    let best: [number, TabRecord, string] | undefined;
    let bestAt = Infinity;
    for (const [tabId, t] of tabs) {
      const id = t.meta.order.find((x) => x !== keep);
      const at = id === undefined ? undefined : t.exchanges.get(id)?.startedAt;
      if (id === undefined || at === undefined) continue;
      if (at < bestAt || (at === bestAt && best && tabId < best[0])) {
        best = [tabId, t, id];
        bestAt = at;
      }
    }
    return best;
  }

  /** Evicts the oldest exchanges until both caps hold, sparing `keep` (the exchange just written). */
  function enforceCaps(w: Writes, keep: string): void {
    let { exchanges, bytes } = totalsNow();
    while (exchanges > maxExchanges || bytes > maxBytes) {
      const victim = oldest(keep);
      if (!victim) return;
      const [tabId, t, id] = victim;
      bytes -= t.sizes.get(id) ?? 0;
      exchanges -= 1;
      t.bytes -= t.sizes.get(id) ?? 0;
      t.sizes.delete(id);
      t.exchanges.delete(id);
      t.meta.order = t.meta.order.filter((x) => x !== id);
      t.meta.evicted += 1;
      bump(t);
      w.remove(exchangeKey(tabId, id));
      w.meta(tabId, t);
    }
  }

  function dropTab(w: Writes, tabId: number, t: TabRecord): void {
    for (const id of t.exchanges.keys()) w.remove(exchangeKey(tabId, id));
    tabs.delete(tabId);
    w.remove(metaKey(tabId));
    w.touched.add(tabId);
  }

  const setFlag = (tabId: number, change: (t: TabRecord) => void) =>
    mutate((w) => {
      const t = tabFor(tabId);
      change(t);
      w.meta(tabId, t);
    });

  return {
    ready,
    record: (tabId, observations) =>
      mutate((w) => {
        if (observations.length === 0) return { accepted: 0, dropped: 0 };
        const t = tabFor(tabId);
        if (t.meta.paused) {
          t.meta.dropped += observations.length;
          w.meta(tabId, t);
          return { accepted: 0, dropped: observations.length };
        }
        for (const raw of observations) {
          const list = t.meta.order.map((id) => t.exchanges.get(id)).filter((ex): ex is Exchange => ex !== undefined);
          const { exchange, index } = mergeObservation(list, capObservation(raw, maxBodyChars), newId);
          putExchange(w, tabId, t, exchange);
          if (index < 0) {
            t.meta.order.push(exchange.id);
            w.meta(tabId, t);
          }
          bump(t);
          w.touched.add(tabId);
          enforceCaps(w, exchange.id);
        }
        return { accepted: observations.length, dropped: 0 };
      }),
    view: async (tabId) => {
      await tail;
      const t = tabs.get(tabId) ?? emptyTab();
      return {
        tabId,
        exchanges: t.meta.order.map((id) => t.exchanges.get(id)).filter((ex): ex is Exchange => ex !== undefined),
        paused: t.meta.paused,
        preserve: t.meta.preserve,
        evicted: t.meta.evicted,
        dropped: t.meta.dropped,
        bytes: t.bytes,
        version: t.version,
      };
    },
    pause: (tabId) => setFlag(tabId, (t) => (t.meta.paused = true)),
    resume: (tabId) => setFlag(tabId, (t) => (t.meta.paused = false)),
    setPreserve: (tabId, preserve) => setFlag(tabId, (t) => (t.meta.preserve = preserve)),
    clear: (tabId) =>
      mutate((w) => {
        const t = tabFor(tabId);
        for (const id of t.exchanges.keys()) w.remove(exchangeKey(tabId, id));
        const meta = { ...emptyMeta(), paused: t.meta.paused, preserve: t.meta.preserve };
        const fresh = { ...emptyTab(), meta };
        bump(fresh);
        tabs.set(tabId, fresh);
        w.meta(tabId, fresh);
      }),
    tabClosed: (tabId) =>
      mutate((w) => {
        const t = tabs.get(tabId);
        if (!t || t.meta.preserve || options.preserveLog?.() === true) return false;
        dropTab(w, tabId, t);
        return true;
      }),
    tabIds: async () => {
      await tail;
      return [...tabs.keys()];
    },
    totals: async () => {
      await tail;
      return totalsNow();
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
