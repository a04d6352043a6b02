/** Runs a job per key at most once per interval, and always once more after the last trigger. */

/** Coalesced runs of a job, per key; see {@link createCoalescer}. */
export interface Coalescer<K> {
  /** Asks for a run of `key`: soon, or after the running one, at most one per interval. */
  trigger(key: K): void;
  /** Forgets `key`: a waiting run is cancelled, a running one finishes but triggers nothing more. */
  cancel(key: K): void;
  /** Resolves once no run is waiting or running (for tests and orderly shutdown). */
  idle(): Promise<void>;
}

/** How often a key may run, and where failures go. */
export interface CoalescerOptions {
  intervalMs: number;
  /** Milliseconds; `Date.now` by default. */
  now?: () => number;
  /** Reports a run that threw or rejected; the coalescer carries on. */
  onError?: (key: unknown, err: unknown) => void;
}

interface KeyState {
  timer?: ReturnType<typeof setTimeout>;
  /** Settles when the waiting or running run has finished (or was cancelled). */
  busy?: Promise<void>;
  settle?: () => void;
  running: boolean;
  dirty: boolean;
  lastStart: number;
}

/**
 * A coalescer of `run`. A trigger while a run waits is absorbed (the run reads the latest data when it starts);
 * a trigger while a run is going marks it dirty, and one more run follows. Runs of one key never overlap and
 * start at least `intervalMs` apart; different keys are independent. Does not retry failed runs.
 */
export function createCoalescer<K>(run: (key: K) => Promise<void> | void, options: CoalescerOptions): Coalescer<K> {
  const now = options.now ?? (() => Date.now());
  const states = new Map<K, KeyState>();

  const schedule = (key: K, s: KeyState): void => {
    if (!s.busy) s.busy = new Promise<void>((resolve) => (s.settle = resolve));
    const delay = Math.max(0, s.lastStart + options.intervalMs - now());
    s.timer = setTimeout(() => void start(key, s), delay);
  };

  const finish = (s: KeyState): void => {
    const settle = s.settle;
    s.busy = undefined;
    s.settle = undefined;
    settle?.();
  };

  const start = async (key: K, s: KeyState): Promise<void> => {
    s.timer = undefined;
    s.dirty = false;
    s.running = true;
    s.lastStart = now();
    try {
      await run(key);
    } catch (err) {
      options.onError?.(key, err);
    }
    s.running = false;
    if (states.get(key) === s && s.dirty) schedule(key, s);
    else finish(s);
  };

  return {
    trigger(key) {
      let s = states.get(key);
      if (!s) states.set(key, (s = { running: false, dirty: false, lastStart: -Infinity }));
      s.dirty = true;
      if (s.timer === undefined && !s.running) schedule(key, s);
    },
    cancel(key) {
      const s = states.get(key);
      if (!s) return;
      states.delete(key);
      if (s.timer !== undefined) {
        clearTimeout(s.timer);
        s.timer = undefined;
        finish(s);
      }
    },
    async idle() {
      for (;;) {
        const busy = [...states.values()].map((s) => s.busy).filter((p): p is Promise<void> => p !== undefined);
        if (busy.length === 0) return;
        await Promise.all(busy);
      }
    },
  };
}
