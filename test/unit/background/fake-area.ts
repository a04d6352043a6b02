import type { StorageArea } from '../../../src/background/store/storage-area.js';

/** An in-memory storage area that serialises values like the browser does, logs calls and can hold reads back. */
export class FakeArea implements StorageArea {
  readonly data = new Map<string, string>();
  readonly calls: { op: 'get' | 'set' | 'remove'; keys: string[] }[] = [];
  /** Set to make the next `set` calls reject. */
  failSets = false;
  private gate: Promise<void> = Promise.resolve();
  private openGate: () => void = () => undefined;

  /** Holds every `get` until {@link release} is called (a slow start of the worker). */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate();
  }

  async get(keys: null | string | string[]): Promise<Record<string, unknown>> {
    await this.gate;
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    this.calls.push({ op: 'get', keys: keys === null ? ['*'] : wanted });
    const out: Record<string, unknown> = {};
    for (const k of wanted) {
      const v = this.data.get(k);
      if (v !== undefined) out[k] = JSON.parse(v);
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.calls.push({ op: 'set', keys: Object.keys(items) });
    if (this.failSets) throw new Error('QUOTA_BYTES quota exceeded');
    for (const [k, v] of Object.entries(items)) this.data.set(k, JSON.stringify(v));
  }

  async remove(keys: string | string[]): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : keys;
    this.calls.push({ op: 'remove', keys: list });
    for (const k of list) this.data.delete(k);
  }

  /** The parsed value of a key. */
  value(key: string): unknown {
    const v = this.data.get(key);
    return v === undefined ? undefined : JSON.parse(v);
  }

  keys(): string[] {
    return [...this.data.keys()].sort();
  }
}
