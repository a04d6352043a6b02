import type { StorageArea } from '../../../src/background/store/storage-area.js';

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** A string's heap size in Chromium's `base::Value` (strings up to 22 bytes live inline). */
function chromiumString(s: string): number {
  const n = utf8(s);
  return n <= 22 ? 0 : (n & ~7) + 8;
}

/**
 * What Chromium 156's `storage.session.getBytesInUse` reports for an item (measured: 32 bytes per array element,
 * 64 per object member, strings' heap buffers; see src/background/store/session-bytes.ts). Independent of the
 * store's own measure, so that tests can check the store against it.
 */
export function chromiumBytes(key: string, value: unknown): number {
  const walk = (v: unknown): number => {
    if (typeof v === 'string') return chromiumString(v);
    if (Array.isArray(v)) return v.reduce((n: number, x) => n + 32 + walk(x), 0);
    if (typeof v === 'object' && v !== null) return Object.entries(v).reduce((n: number, [k, x]) => (x === undefined ? n : n + 64 + chromiumString(k) + walk(x)), 0);
    return 0;
  };
  return chromiumString(key) + walk(value);
}

/** The error Chromium rejects a `set` with when the session area is full. */
export const QUOTA_MESSAGE = 'Session storage quota bytes exceeded. Values were not stored.';

/**
 * An in-memory storage area that serialises values like the browser does, logs calls, can hold reads back, can
 * fail on demand, and can enforce a quota the way Chromium does (all keys of a `set` or none).
 */
export class FakeArea implements StorageArea {
  readonly data = new Map<string, string>();
  readonly calls: { op: 'get' | 'set' | 'remove'; keys: string[] }[] = [];
  /** Set to make the next `set` calls reject (not with a quota error). */
  failSets = false;
  /** Set to make the next `remove` calls reject. */
  failRemoves = false;
  /** How many of the next `get` calls reject. */
  failGets = 0;
  /** Bytes in use at most, by {@link chromiumBytes}; no quota when undefined. */
  quota: number | undefined;
  /** `set` calls refused for the quota. */
  quotaErrors = 0;
  private readonly sizes = new Map<string, number>();
  private gate: Promise<void> = Promise.resolve();
  private openGate: () => void = () => undefined;

  constructor(options: { quota?: number } = {}) {
    this.quota = options.quota;
  }

  /** Holds every `get` until {@link release} is called (a slow start of the worker). */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate();
  }

  /** Bytes in use, as Chromium counts them. */
  used(): number {
    let n = 0;
    for (const size of this.sizes.values()) n += size;
    return n;
  }

  async get(keys: null | string | string[]): Promise<Record<string, unknown>> {
    await this.gate;
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    this.calls.push({ op: 'get', keys: keys === null ? ['*'] : wanted });
    if (this.failGets > 0) {
      this.failGets -= 1;
      throw new Error('storage is not available');
    }
    const out: Record<string, unknown> = {};
    for (const k of wanted) {
      const v = this.data.get(k);
      if (v !== undefined) out[k] = JSON.parse(v);
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.calls.push({ op: 'set', keys: Object.keys(items) });
    if (this.failSets) throw new Error('storage is broken');
    const sizes = Object.entries(items).map(([k, v]) => [k, chromiumBytes(k, JSON.parse(JSON.stringify(v)))] as const);
    const after = this.used() + sizes.reduce((n, [k, size]) => n + size - (this.sizes.get(k) ?? 0), 0);
    if (this.quota !== undefined && after > this.quota) {
      this.quotaErrors += 1;
      throw new Error(QUOTA_MESSAGE);
    }
    for (const [k, v] of Object.entries(items)) this.data.set(k, JSON.stringify(v));
    for (const [k, size] of sizes) this.sizes.set(k, size);
  }

  async remove(keys: string | string[]): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : keys;
    this.calls.push({ op: 'remove', keys: list });
    if (this.failRemoves) throw new Error('storage is broken');
    for (const k of list) {
      this.data.delete(k);
      this.sizes.delete(k);
    }
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
