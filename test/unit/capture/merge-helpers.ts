import { mergeObservation } from '../../../src/core/capture/merge.js';
import type { Observation } from '../../../src/core/capture/observation.js';
import type { Exchange } from '../../../src/core/model.js';

/** A start time for tests (ms). */
export const T0 = 1_700_000_000_000;

/** An id generator: e1, e2, ... */
export function ids(prefix = 'e'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** A token-endpoint observation from webRequest at T0, with `part` overriding any member. */
export function obs(part: Partial<Observation>): Observation {
  return { source: 'webRequest', method: 'POST', url: 'https://idp.example.com/token', startedAt: T0, ...part };
}

/** Merges observations one by one, as the store does. */
export function fold(observations: readonly Observation[], newId: () => string = ids()): Exchange[] {
  const list: Exchange[] = [];
  for (const o of observations) {
    const { exchange, index } = mergeObservation(list, o, newId);
    if (index < 0) list.push(exchange);
    else list[index] = exchange;
  }
  return list;
}

/** The exchanges without their ids, for comparing merges of the same observations in different orders. */
export function withoutIds(list: readonly Exchange[]): Omit<Exchange, 'id'>[] {
  return list.map(({ id: _id, ...rest }) => rest);
}
