/**
 * Adds a listener to a WebExtension event and hands back the function that removes exactly that listener, so a
 * capture source can take its own listeners off again (web-request.ts re-adds them after a host permission grant)
 * without keeping a list of function objects per event.
 */

/** The members of a WebExtension event used here; `extra` are the event's own arguments (filter, options). */
export interface RemovableEvent<F, X extends unknown[]> {
  addListener(callback: F, ...extra: X): void;
  removeListener(callback: F): void;
}

/**
 * Calls `event.addListener(callback, ...extra)` now and returns a function that calls
 * `event.removeListener(callback)`; calling that again does nothing. Does not catch what `addListener` throws
 * and does not know whether the browser accepted the registration (Chromium reports a refused webRequest
 * listener only in the worker's console).
 */
export function listen<F, X extends unknown[]>(event: RemovableEvent<F, X>, callback: F, ...extra: X): () => void {
  event.addListener(callback, ...extra);
  let added = true;
  return () => {
    if (!added) return;
    added = false;
    event.removeListener(callback);
  };
}
