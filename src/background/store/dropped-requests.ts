/**
 * Counting the requests a paused tab drops (issue 9 §4: "N requests dropped while paused"). One request reaches
 * the store as several observations (one per capture source and per redirect hop), so they are merged as the
 * store would have merged them, in memory only, and only new requests count.
 */
import { mergeObservation } from '../../core/capture/merge.js';
import type { Observation } from '../../core/capture/observation.js';
import type { Exchange } from '../../core/model.js';

/** Requests remembered per tab while it is paused, at most (older ones may then be counted again). */
export const MAX_REMEMBERED = 200;

/** The requests a paused tab dropped, by tab. */
export interface DroppedRequests {
  /** How many of `observations` belong to requests not dropped before in this tab (since the last `forget`). */
  count(tabId: number, observations: readonly Observation[]): number;
  /** Forgets a tab's dropped requests (it resumed, was cleared or closed). */
  forget(tabId: number): void;
}

/**
 * A counter that keeps, per tab, the last {@link MAX_REMEMBERED} dropped requests without their bodies (the merge
 * tells requests apart by method, URL, time, credentials and forms then). Memory only: a worker restart forgets
 * them, so a request whose parts straddle a restart counts twice. Never throws for well-typed input.
 */
export function createDroppedRequests(limit = MAX_REMEMBERED): DroppedRequests {
  const byTab = new Map<number, Exchange[]>();
  let next = 0;
  return {
    count(tabId, observations) {
      const list = byTab.get(tabId) ?? [];
      let added = 0;
      for (const obs of observations) {
        const { requestBody: _request, responseBody: _response, ...bare } = obs;
        const { exchange, index } = mergeObservation(list, bare, () => `d${++next}`);
        if (index < 0) {
          list.push(exchange);
          added++;
        } else list[index] = exchange;
      }
      byTab.set(tabId, list.slice(-limit));
      return added;
    },
    forget: (tabId) => void byTab.delete(tabId),
  };
}
