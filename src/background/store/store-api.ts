/** The capture store's interface and options (implemented in ../store.ts). */
import type { Observation } from '../../core/capture/observation.js';
import type { Exchange } from '../../core/model.js';
import type { StorageArea } from './storage-area.js';
import type { Pause, Period } from './tab-meta.js';

/** What a store is built over, and its caps (the defaults are issue 3's). */
export interface StoreOptions {
  area: StorageArea;
  /** The area's `QUOTA_BYTES` (10 MB when missing); the byte budget is 80 % of it, at most 50 MB. */
  quotaBytes?: unknown;
  /** Overrides the byte budget (tests). */
  maxBytes?: number;
  maxExchanges?: number;
  maxBodyChars?: number;
  /** The user's "preserve log" setting: when true, no tab's captures are dropped on close. */
  preserveLog?: () => boolean;
  /** Ids for new exchanges; random UUIDs by default (they must not repeat after a worker restart). */
  newId?: () => string;
  /** The clock for pause times, in milliseconds; `Date.now` by default. */
  now?: () => number;
}

/** A tab as the store has it. The exchanges are shared, not copied: do not mutate them. */
export interface TabView {
  tabId: number;
  /** Oldest first. Those held in memory only carry a note saying so (store.ts `UNSAVED_NOTE`). */
  exchanges: Exchange[];
  paused: boolean;
  preserve: boolean;
  evicted: number;
  dropped: number;
  /** The pauses since the last clear, oldest first; the last is open (no `to`) while paused. */
  pauses: Pause[];
  /** When DevTools was open on the tab, oldest first; the last is open while it is. */
  devtools: Period[];
  bytes: number;
  /** Exchanges that could not be written to the area (it is full, failing, or could not be read at start). */
  unsaved: number;
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
  /** Observations dropped because the tab was closed (and not preserved) before they arrived. */
  late: number;
}

/** The per-tab capture store; see {@link createStore}. */
export interface Store {
  /** Resolves once the area was read (also when reading failed twice: the store then starts empty). */
  readonly ready: Promise<void>;
  /**
   * Merges observations into a tab's exchanges, then applies the caps: exchanges go from the tab holding the most,
   * first arrived first (store/eviction.ts), so each tab keeps its fair share.
   */
  record(tabId: number, observations: readonly Observation[]): Promise<RecordResult>;
  /** The tab after every mutation asked for before this call. */
  view(tabId: number): Promise<TabView>;
  pause(tabId: number): Promise<void>;
  resume(tabId: number): Promise<void>;
  /** Removes a tab's exchanges and resets its counters; keeps paused and preserve. */
  clear(tabId: number): Promise<void>;
  setPreserve(tabId: number, preserve: boolean): Promise<void>;
  /** Records that DevTools opened on the tab (a period starts) or closed (it ends); a repeat changes nothing. */
  setDevtools(tabId: number, open: boolean): Promise<void>;
  /**
   * Drops a closed tab unless it or the settings preserve it. Resolves to whether it was dropped. A tab closed
   * without being preserved takes nothing more: observations that arrive later for it are dropped (`late`).
   */
  tabClosed(tabId: number): Promise<boolean>;
  /** Tabs the store holds anything for. */
  tabIds(): Promise<number[]>;
  totals(): Promise<StoreTotals>;
  /** Called with a tab id after each change to that tab has been written. Returns the unsubscribe function. */
  onChange(listener: (tabId: number) => void): () => void;
}
