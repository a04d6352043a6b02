import type { PortLike } from '../../../src/background/ports.js';

/** A runtime port for tests: records what the worker posts, and lets the test send messages or disconnect. */
export class FakePort implements PortLike {
  readonly posted: unknown[] = [];
  disconnected = false;
  private readonly messageListeners = new Set<(message: unknown) => void>();
  private readonly disconnectListeners = new Set<() => void>();

  constructor(
    readonly name: string,
    readonly sender: { id?: string; url?: string } = { url: 'chrome-extension://abcdefghijklmnop/src/panel/panel.html' },
  ) {}

  readonly onMessage = {
    addListener: (cb: (message: unknown) => void) => void this.messageListeners.add(cb),
    removeListener: (cb: (message: unknown) => void) => void this.messageListeners.delete(cb),
  };

  readonly onDisconnect = {
    addListener: (cb: () => void) => void this.disconnectListeners.add(cb),
    removeListener: (cb: () => void) => void this.disconnectListeners.delete(cb),
  };

  postMessage(message: unknown): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(structuredClone(message));
  }

  disconnect(): void {
    this.disconnected = true;
  }

  /** The other end sends a message. */
  send(message: unknown): void {
    for (const cb of [...this.messageListeners]) cb(message);
  }

  /** The other end goes away. */
  drop(): void {
    this.disconnected = true;
    for (const cb of [...this.disconnectListeners]) cb();
  }

  listenerCount(): number {
    return this.messageListeners.size + this.disconnectListeners.size;
  }
}
