import { createStore, type StoreOptions } from '../../../src/background/store.js';
import type { Observation } from '../../../src/core/capture/observation.js';
import type { FakeArea } from './fake-area.js';

/** Start time of the observations the store tests make. */
export const T0 = 1_700_000_000_000;

/** A webRequest observation of a token POST at {@link T0}, with `part` over it. */
export function obs(part: Partial<Observation>): Observation {
  return { source: 'webRequest', method: 'POST', url: 'https://idp.example.com/token', startedAt: T0, ...part };
}

/** Exchange ids `<prefix>1`, `<prefix>2`, ... */
export function ids(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** A store over `area` with ids e1, e2, ... */
export function store(area: FakeArea, options: Partial<StoreOptions> = {}) {
  return createStore({ area, newId: ids('e'), ...options });
}
