import type { PortLike } from '../../../src/panel/connection.js';

class FakeEvent<F extends (...args: never[]) => void> {
  readonly listeners = new Set<F>();
  addListener(listener: F): void {
    this.listeners.add(listener);
  }
  removeListener(listener: F): void {
    this.listeners.delete(listener);
  }
  emit(...args: Parameters<F>): void {
    for (const l of [...this.listeners]) l(...args);
  }
}

/** A port whose worker side the test plays: `sent` holds what the panel posted. */
export class FakePort implements PortLike {
  readonly onMessage = new FakeEvent<(message: unknown) => void>();
  readonly onDisconnect = new FakeEvent<() => void>();
  readonly sent: unknown[] = [];
  disconnected = false;
  failPost = false;
  postMessage(message: unknown): void {
    if (this.failPost) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  /** The worker pushes a message. */
  push(message: unknown): void {
    this.onMessage.emit(message);
  }
  /** The worker goes away. */
  drop(): void {
    this.onDisconnect.emit();
  }
  listenerCount(): number {
    return this.onMessage.listeners.size + this.onDisconnect.listeners.size;
  }
}

/** Timers the test runs by hand: `delays` records what was asked, `run()` fires the pending one. */
export function manualTimers() {
  const pending = new Map<number, () => void>();
  const delays: number[] = [];
  let next = 1;
  return {
    delays,
    pending,
    setTimer: (callback: () => void, ms: number) => {
      delays.push(ms);
      const id = next++;
      pending.set(id, callback);
      return id;
    },
    clearTimer: (handle: unknown) => pending.delete(handle as number),
    run(): void {
      const [id, callback] = [...pending][0] ?? [];
      if (id === undefined || callback === undefined) throw new Error('no timer pending');
      pending.delete(id);
      callback();
    },
  };
}
