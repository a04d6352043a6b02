/**
 * The per-tab capture store (issue 3 §4): exchanges merged from observations, kept in a storage area
 * (`browser.storage.session`: memory only, never synced, never on disk) so that a restarted worker loses
 * nothing. Everything is loaded once at start (`ready`), every operation waits for that, and mutations run one
 * at a time; a write sets only the keys it changed, so it can never replace what an earlier worker saved
 * (BROWSER-TESTING.md, pitfall 2).
 */
import { mergeObservation } from '../core/capture/merge.js';
import type { Exchange } from '../core/model.js';
import { capObservation, MAX_BODY_CHARS } from './store/cap-body.js';
import { createDroppedRequests } from './store/dropped-requests.js';
import { enforceCaps, evictBytes, type EvictionScope } from './store/eviction.js';
import { exchangeKey, metaKey, parseKey } from './store/keys.js';
import { createPersister } from './store/persist.js';
import { byteBudget } from './store/storage-area.js';
import { closePeriod, emptyMeta, MAX_PAUSES, openPeriod } from './store/tab-meta.js';
import { emptyTab, readTabs, storedSize, type TabRecord } from './store/tab-record.js';
import type { Store, StoreOptions, StoreTotals } from './store/store-api.js';
import { metaValue, Writes } from './store/writes.js';

export type { RecordResult, Store, StoreOptions, StoreTotals, TabView } from './store/store-api.js';

/** The most exchanges kept over all tabs (issue 3 §4). */
export const MAX_EXCHANGES = 5_000;

/** Operations kept, at most, while the area cannot be read (the oldest are forgotten first). */
export const MAX_REPLAY = 1_000;

/** The note a view adds to an exchange that could not be written to the area. */
export const UNSAVED_NOTE = 'not saved in session storage (full or failing): kept in memory only, lost when the worker restarts';

function withUnsavedNote(ex: Exchange): Exchange {
  return { ...ex, notes: [...(ex.notes ?? []), UNSAVED_NOTE] };
}

/** The ids of the exchanges a write sets. */
function idsSetBy(w: Writes): Set<string> {
  const ids = new Set<string>();
  for (const key of Object.keys(w.set)) {
    const parsed = parseKey(key);
    if (parsed?.kind === 'exchange') ids.add(parsed.exchangeId);
  }
  return ids;
}

/**
 * A store over `area`. Does not analyse, push to panels or check domains (the recorder does), and never calls
 * `area.clear()`. Writes set first, then remove. A full area makes the store evict its oldest exchanges and try
 * again; what still cannot be written stays in memory, marked unsaved in the views. Another failing `set`
 * rejects that operation (memory keeps the change; a later write of the same keys persists it); a failing
 * `remove` is tried again with the next write.
 *
 * When the area cannot be read at start (twice), nothing is written until a read succeeds, as a write could
 * replace a tab's stored order, flags and counters: every mutation first tries the read again, and meanwhile
 * runs in memory only (its exchanges shown unsaved) and is remembered. Once the read succeeds, the remembered
 * mutations are applied again over what the area holds and written.
 */
export function createStore(options: StoreOptions): Store {
  const { area } = options;
  const maxBytes = options.maxBytes ?? byteBudget(options.quotaBytes);
  const maxExchanges = options.maxExchanges ?? MAX_EXCHANGES;
  const maxBodyChars = options.maxBodyChars ?? MAX_BODY_CHARS;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? Date.now;
  const dropped = createDroppedRequests();
  const listeners = new Set<(tabId: number) => void>();
  let tabs = new Map<number, TabRecord>();
  // Tab ids are not reused within a browser session, so a closed tab never needs to come back.
  const closed = new Set<number>();
  // Tabs whose meta could not be written: written again with the next write.
  const dirtyMeta = new Set<number>();
  let loaded = false;
  const replay: ((w: Writes) => unknown)[] = [];
  // Versions come from one counter over all tabs, so a tab dropped and seen again never repeats an old version.
  let versions = 0;
  const bump = (t: TabRecord): void => {
    t.version = ++versions;
  };
  const scope: EvictionScope = {
    get tabs() {
      return tabs;
    },
    bump,
  };

  const mark = (key: string, unsaved: boolean): void => {
    const parsed = parseKey(key);
    const t = parsed && tabs.get(parsed.tabId);
    if (!parsed || !t) return;
    if (parsed.kind === 'meta') {
      if (unsaved) dirtyMeta.add(parsed.tabId);
      else dirtyMeta.delete(parsed.tabId);
    } else if (!unsaved) {
      t.unsaved.delete(parsed.exchangeId);
    } else if (t.exchanges.has(parsed.exchangeId)) {
      t.unsaved.add(parsed.exchangeId);
    }
  };
  const persister = createPersister(area, {
    saved: (key) => mark(key, false),
    unsaved: (key) => mark(key, true),
    makeRoom: (w, bytes) => evictBytes(scope, w, idsSetBy(w), bytes),
  });

  const load = (items: Record<string, unknown>): void => {
    tabs = readTabs(items);
    for (const t of tabs.values()) bump(t);
    dirtyMeta.clear();
    loaded = true;
  };
  const readArea = () => area.get(null);
  const ready: Promise<void> = readArea()
    .catch(() => readArea())
    .then(load, () => undefined);
  let tail: Promise<unknown> = ready;

  const notify = (tabIds: Iterable<number>): void => {
    for (const tabId of tabIds) for (const l of listeners) l(tabId);
  };

  function rewriteDirtyMeta(w: Writes): void {
    for (const tabId of dirtyMeta) {
      const t = tabs.get(tabId);
      const key = metaKey(tabId);
      if (!t) dirtyMeta.delete(tabId);
      else if (!(key in w.set) && !w.removed.has(key)) w.put(key, metaValue(t));
    }
  }

  /** Reads the area again after a failed start; on success, applies the remembered mutations over it and writes them. */
  async function catchUp(): Promise<void> {
    let items: Record<string, unknown>;
    try {
      items = await readArea();
    } catch {
      return;
    }
    const before = [...tabs.keys()];
    load(items);
    const w = new Writes();
    for (const op of replay.splice(0)) op(w);
    try {
      await persister.flush(w);
    } catch {
      // Kept in memory and marked unsaved; the next write of those keys tries again.
    }
    notify(new Set([...before, ...tabs.keys()]));
  }

  /** Runs `fn` after every earlier mutation; its writes go to the area, then listeners hear of the tabs touched. */
  function mutate<T>(fn: (w: Writes) => T): Promise<T> {
    const run = tail.then(async () => {
      if (!loaded) await catchUp();
      const w = new Writes();
      const result = fn(w);
      try {
        if (loaded) {
          rewriteDirtyMeta(w);
          await persister.flush(w);
        } else {
          replay.push(fn);
          if (replay.length > MAX_REPLAY) replay.shift();
          for (const key of Object.keys(w.set)) mark(key, true);
        }
      } finally {
        notify(w.touched);
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

  function dropTab(w: Writes, tabId: number, t: TabRecord): void {
    for (const id of t.exchanges.keys()) w.remove(exchangeKey(tabId, id));
    tabs.delete(tabId);
    w.remove(metaKey(tabId));
    w.touched.add(tabId);
  }

  const setFlag = (tabId: number, change: (t: TabRecord) => void) =>
    mutate((w) => {
      if (closed.has(tabId)) return;
      const t = tabFor(tabId);
      change(t);
      w.meta(tabId, t);
    });

  return {
    ready,
    record: (tabId, observations) =>
      mutate((w) => {
        if (observations.length === 0) return { accepted: 0, dropped: 0, late: 0 };
        if (closed.has(tabId)) return { accepted: 0, dropped: 0, late: observations.length };
        const t = tabFor(tabId);
        if (t.meta.paused) {
          const requests = dropped.count(tabId, observations);
          t.meta.dropped += requests;
          const open = t.meta.pauses.at(-1);
          if (open && open.to === undefined) open.dropped += requests;
          w.meta(tabId, t);
          return { accepted: 0, dropped: observations.length, late: 0 };
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
          enforceCaps(scope, w, new Set([exchange.id]), maxExchanges, maxBytes);
        }
        return { accepted: observations.length, dropped: 0, late: 0 };
      }),
    view: async (tabId) => {
      await tail;
      const t = tabs.get(tabId) ?? emptyTab();
      const exchanges: Exchange[] = [];
      for (const id of t.meta.order) {
        const ex = t.exchanges.get(id);
        if (ex) exchanges.push(t.unsaved.has(id) ? withUnsavedNote(ex) : ex);
      }
      return {
        tabId,
        exchanges,
        paused: t.meta.paused,
        preserve: t.meta.preserve,
        evicted: t.meta.evicted,
        dropped: t.meta.dropped,
        pauses: t.meta.pauses.map((p) => ({ ...p })),
        devtools: t.meta.devtools.map((p) => ({ ...p })),
        bytes: t.bytes,
        unsaved: t.unsaved.size,
        version: t.version,
      };
    },
    pause: (tabId) =>
      setFlag(tabId, (t) => {
        if (t.meta.paused) return;
        t.meta.paused = true;
        t.meta.pauses = [...t.meta.pauses, { from: now(), dropped: 0 }].slice(-MAX_PAUSES);
      }),
    resume: (tabId) =>
      setFlag(tabId, (t) => {
        dropped.forget(tabId);
        t.meta.paused = false;
        const open = t.meta.pauses.at(-1);
        if (open && open.to === undefined) open.to = now();
      }),
    setPreserve: (tabId, preserve) => setFlag(tabId, (t) => (t.meta.preserve = preserve)),
    setDevtools: (tabId, open) => setFlag(tabId, (t) => (t.meta.devtools = open ? openPeriod(t.meta.devtools, now()) : closePeriod(t.meta.devtools, now()))),
    clear: (tabId) =>
      mutate((w) => {
        dropped.forget(tabId);
        if (closed.has(tabId)) return;
        const t = tabFor(tabId);
        for (const id of t.exchanges.keys()) w.remove(exchangeKey(tabId, id));
        // A pause still running goes on, counted afresh; finished ones go with the exchanges.
        const open = t.meta.paused ? t.meta.pauses.filter((p) => p.to === undefined).slice(-1).map((p) => ({ from: p.from, dropped: 0 })) : [];
        const devtools = t.meta.devtools.filter((p) => p.to === undefined).slice(-1);
        const meta = { ...emptyMeta(), paused: t.meta.paused, preserve: t.meta.preserve, pauses: open, devtools };
        const fresh = { ...emptyTab(), meta };
        bump(fresh);
        tabs.set(tabId, fresh);
        w.meta(tabId, fresh);
      }),
    tabClosed: (tabId) =>
      mutate((w) => {
        const t = tabs.get(tabId);
        if (t?.meta.preserve || options.preserveLog?.() === true) return false;
        closed.add(tabId);
        dropped.forget(tabId);
        if (!t) return false;
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
