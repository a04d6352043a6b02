/**
 * The panel's "now": a signal of unix seconds that ticks once a second while something watches it, so
 * countdowns and "expired 12 min ago" stay true. Timers are injectable for tests.
 */
import { signal, type ReadonlySignal } from '@preact/signals';

/** What {@link createClock} needs; defaults to the real clock and timers. */
export interface ClockOptions {
  nowMs?: () => number;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/** A ticking clock; `stop()` ends the ticking. */
export interface Clock {
  seconds: ReadonlySignal<number>;
  stop(): void;
}

/** Starts ticking at once; the value is whole unix seconds and only changes when the second changes. */
export function createClock(options: ClockOptions = {}): Clock {
  const nowMs = options.nowMs ?? (() => Date.now());
  const read = () => Math.floor(nowMs() / 1000);
  const seconds = signal(read());
  const start = options.setInterval ?? ((cb, ms) => globalThis.setInterval(cb, ms));
  const end = options.clearInterval ?? ((h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>));
  const handle = start(() => {
    seconds.value = read();
  }, 1000);
  return { seconds, stop: () => end(handle) };
}
