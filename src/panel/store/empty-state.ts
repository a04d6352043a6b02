import type { TabState } from '../../shared/protocol.js';

/** The state shown before the worker's first push: nothing captured, not paused, not analysed. */
export function emptyTabState(tabId: number): TabState {
  return { tabId, exchanges: [], paused: false, preserve: false, evicted: 0, bytes: 0 };
}
