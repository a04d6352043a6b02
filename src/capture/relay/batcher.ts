/** Collecting items into batches, sent when full or shortly after the first one arrived. */

/** A batcher: `add` items, `flush` to send what is waiting now. */
export interface Batcher<T> {
  add(item: T): void;
  flush(): void;
}

/**
 * Sends items in batches of at most `size`, each at the latest `delayMs` after its first item (`schedule` is
 * `setTimeout`, injectable for tests). `flush` sends at once (e.g. when the page is being left). Does not retry
 * a failed send and does not catch what `send` throws.
 */
export function createBatcher<T>(
  send: (items: T[]) => void,
  size = 20,
  delayMs = 50,
  schedule: (fn: () => void, ms: number) => unknown = setTimeout,
): Batcher<T> {
  let items: T[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (items.length === 0) return;
    const batch = items;
    items = [];
    send(batch);
  };
  return {
    add(item) {
      items.push(item);
      if (items.length >= size) flush();
      else if (!scheduled) {
        scheduled = true;
        schedule(flush, delayMs);
      }
    },
    flush,
  };
}
