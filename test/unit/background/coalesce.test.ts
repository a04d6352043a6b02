import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescer } from '../../../src/background/coalesce.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A run that records its start time and can be held open. */
function recorder() {
  const starts: [string, number][] = [];
  let hold: Promise<void> | undefined;
  let release: () => void = () => undefined;
  return {
    starts,
    holdNext() {
      hold = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    run: async (key: string) => {
      starts.push([key, Date.now() - 1_000_000]);
      if (hold) {
        const h = hold;
        hold = undefined;
        await h;
      }
    },
  };
}

describe('createCoalescer', () => {
  it('runs a burst of triggers once, at once', async () => {
    const r = recorder();
    const c = createCoalescer(r.run, { intervalMs: 150 });
    for (let i = 0; i < 10; i++) c.trigger('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(r.starts).toEqual([['a', 0]]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.starts).toHaveLength(1);
  });

  it('runs once more after a trigger during a run, no sooner than the interval', async () => {
    const r = recorder();
    const c = createCoalescer(r.run, { intervalMs: 150 });
    r.holdNext();
    c.trigger('a');
    await vi.advanceTimersByTimeAsync(0);
    c.trigger('a');
    c.trigger('a');
    await vi.advanceTimersByTimeAsync(40);
    r.release();
    await vi.advanceTimersByTimeAsync(500);
    expect(r.starts).toEqual([['a', 0], ['a', 150]]);
  });

  it('starts runs of a key at least the interval apart', async () => {
    const r = recorder();
    const c = createCoalescer(r.run, { intervalMs: 150 });
    c.trigger('a');
    await vi.advanceTimersByTimeAsync(20);
    c.trigger('a');
    await vi.advanceTimersByTimeAsync(300);
    c.trigger('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(r.starts).toEqual([['a', 0], ['a', 150], ['a', 320]]);
  });

  it('keeps keys apart', async () => {
    const r = recorder();
    const c = createCoalescer(r.run, { intervalMs: 150 });
    c.trigger('a');
    c.trigger('b');
    await vi.advanceTimersByTimeAsync(0);
    expect(r.starts).toEqual([['a', 0], ['b', 0]]);
  });

  it('reports a failing run and carries on', async () => {
    const errors: unknown[] = [];
    let n = 0;
    const c = createCoalescer(
      () => {
        if (++n === 1) throw new Error('first fails');
      },
      { intervalMs: 10, onError: (key, err) => errors.push([key, (err as Error).message]) },
    );
    c.trigger('a');
    await vi.advanceTimersByTimeAsync(0);
    c.trigger('a');
    await vi.advanceTimersByTimeAsync(20);
    expect(errors).toEqual([['a', 'first fails']]);
    expect(n).toBe(2);
  });

  it('cancels a waiting run', async () => {
    const r = recorder();
    const c = createCoalescer(r.run, { intervalMs: 150 });
    c.trigger('a');
    await vi.advanceTimersByTimeAsync(0);
    c.trigger('a');
    c.cancel('a');
    await c.idle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.starts).toEqual([['a', 0]]);
  });

  it('idle waits for waiting and running runs', async () => {
    const r = recorder();
    const c = createCoalescer(r.run, { intervalMs: 150 });
    r.holdNext();
    c.trigger('a');
    let idle = false;
    void c.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(idle).toBe(false);
    r.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(idle).toBe(true);
  });
});
