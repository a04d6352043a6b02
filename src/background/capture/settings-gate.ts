/**
 * Holds capture events back while the worker is still loading its settings. A request can only reach a capture
 * listener when the extension has host access to its host, that is when a domain is configured; so an event that
 * arrives while `ctx.domains()` is empty most likely woke the worker (after an idle stop) before the settings
 * were read, and dropping it would lose e.g. the body of a token request.
 */
import type { CaptureContext } from './context.js';

/** How long events wait for configured domains after the worker started; after that an empty list is believed. */
export const SETTINGS_WAIT_MS = 3000;
const POLL_MS = 20;

/** Runs callbacks now, or (in order) once the configured domains are known. */
export interface SettingsGate {
  /** Runs `fn` now when the gate is open, else queues it (kept in arrival order, at most `max` queued). */
  run(fn: () => void): void;
  /** Whether callbacks run now (the domains are known, or the wait is over). */
  isOpen(): boolean;
  /** Resolves when the gate is open. */
  opened(): Promise<void>;
}

/**
 * A gate that opens for good when `ctx.domains()` is first non-empty or `waitMs` after it was first needed.
 * `schedule` is `setTimeout` (injectable for tests). Does not re-close when domains are removed later.
 */
export function createSettingsGate(
  ctx: Pick<CaptureContext, 'domains'>,
  waitMs = SETTINGS_WAIT_MS,
  schedule: (fn: () => void, ms: number) => unknown = setTimeout,
  max = 500,
): SettingsGate {
  let open = false;
  let waitedFor = 0;
  let polling = false;
  const queue: (() => void)[] = [];
  const waiters: (() => void)[] = [];

  const openNow = (): void => {
    open = true;
    for (const fn of queue.splice(0)) {
      try {
        fn();
      } catch {
        // One broken event must not stop the others.
      }
    }
    for (const resolve of waiters.splice(0)) resolve();
  };
  const check = (): boolean => {
    if (!open && ctx.domains().length > 0) openNow();
    return open;
  };
  const poll = (): void => {
    if (polling || open) return;
    polling = true;
    const tick = (): void => {
      waitedFor += POLL_MS;
      if (check()) return;
      if (waitedFor >= waitMs) openNow();
      else schedule(tick, POLL_MS);
    };
    schedule(tick, POLL_MS);
  };

  return {
    run(fn) {
      if (open || (queue.length === 0 && check())) {
        fn();
        return;
      }
      if (queue.length >= max) queue.shift();
      queue.push(fn);
      poll();
    },
    isOpen: check,
    opened() {
      if (check()) return Promise.resolve();
      poll();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
