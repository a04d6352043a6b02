/**
 * Dropping the captures of closed tabs. Whether a closed tab is kept depends on the settings ("preserve log"),
 * so nothing is dropped before they are loaded: closing a tab may be the very event that woke a stopped worker.
 */
import type { Store } from './store.js';

/** What closing tabs needs from the worker. */
export interface TabClosingDeps {
  store: Pick<Store, 'tabClosed' | 'tabIds'>;
  /** Resolves once the settings are loaded. */
  settingsReady: Promise<void>;
  /** The tab's captures were dropped: its analysis can go too. */
  dropped(tabId: number): void;
  onError?(err: unknown): void;
}

/** The worker's handling of closed tabs; see {@link createTabClosing}. */
export interface TabClosing {
  /** A tab was closed (`tabs.onRemoved`). Never rejects. */
  closed(tabId: number): Promise<void>;
  /**
   * Drops stored tabs that are not open (their close never reached the worker: it crashed, or was restarting).
   * `open` resolves to the ids of the open tabs. Never rejects.
   */
  sweep(open: Promise<readonly (number | undefined)[]>): Promise<void>;
}

/** Closing over `deps`. Does not decide what is preserved (the store asks the settings). */
export function createTabClosing(deps: TabClosingDeps): TabClosing {
  const close = async (tabId: number): Promise<void> => {
    try {
      await deps.settingsReady;
      if (await deps.store.tabClosed(tabId)) deps.dropped(tabId);
    } catch (err) {
      deps.onError?.(err);
    }
  };
  return {
    closed: close,
    async sweep(open) {
      try {
        const [stored, alive] = await Promise.all([deps.store.tabIds(), open, deps.settingsReady]);
        const openIds = new Set(alive);
        await Promise.all(stored.filter((tabId) => !openIds.has(tabId)).map(close));
      } catch (err) {
        deps.onError?.(err);
      }
    },
  };
}
