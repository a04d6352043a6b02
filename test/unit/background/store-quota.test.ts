import { describe, expect, it } from 'vitest';
import { createStore, UNSAVED_NOTE, type StoreOptions } from '../../../src/background/store.js';
import { QUOTA_RETRIES } from '../../../src/background/store/persist.js';
import type { Observation } from '../../../src/core/capture/observation.js';
import { FakeArea } from './fake-area.js';
import { tokenObservation } from './realistic-exchange.js';

const MB = 1024 * 1024;

function ids(): () => string {
  let n = 0;
  return () => `0b7c1f3e-5d0a-4c7e-9a55-${String(++n).padStart(12, '0')}`;
}

function store(area: FakeArea, options: Partial<StoreOptions> = {}) {
  return createStore({ area, newId: ids(), ...options });
}

async function recordAll(s: ReturnType<typeof store>, from: number, to: number, tabId = 1): Promise<void> {
  for (let n = from; n < to; n++) await s.record(tabId, [tokenObservation(n)]);
}

describe("storage.session quota (issue 3 review: Chrome's quota filled long before the store's byte budget)", () => {
  it("keeps a long capture of realistic token exchanges under Chromium's 10 MB, evicting instead of failing", async () => {
    // Chromium refused the 1,402nd such exchange; the store used to count them at half their size.
    const area = new FakeArea({ quota: 10 * MB });
    const s = store(area, { quotaBytes: 10 * MB });
    await recordAll(s, 0, 2_000);
    expect(area.quotaErrors).toBe(0);
    expect(area.used()).toBeLessThanOrEqual(10 * MB);
    const view = await s.view(1);
    expect(view.evicted).toBeGreaterThan(0);
    expect(view.evicted + view.exchanges.length).toBe(2_000);
    expect(view.unsaved).toBe(0);
    expect(view.exchanges.at(-1)?.keys).toEqual(['wr:1999']);
  });

  it('a set refused for the quota evicts the first arrived of the tab holding the most bytes, counts them, and writes the new one', async () => {
    const area = new FakeArea({ quota: 64 * 1024 });
    // The byte budget does not see it coming: something else (another build, a bug) filled the area.
    const s = store(area, { maxBytes: 100 * MB });
    await s.record(2, [tokenObservation(0)]);
    await recordAll(s, 1, 20);
    expect(area.quotaErrors).toBeGreaterThan(0);
    const [one, two] = [await s.view(1), await s.view(2)];
    // Tab 2 holds less than tab 1 all along: its fair share is not touched (issue 10 §3).
    expect(two.evicted).toBe(0);
    expect(two.exchanges.map((e) => e.keys)).toEqual([['wr:0']]);
    expect(one.evicted).toBeGreaterThan(0);
    expect(one.unsaved).toBe(0);
    expect(one.exchanges.at(-1)?.keys).toEqual(['wr:19']);
    // Memory and area agree: every exchange the view shows is stored, and nothing else is.
    const stored = area.keys().filter((k) => k.startsWith('x:'));
    expect(stored).toEqual([...one.exchanges.map((e) => `x:1:${e.id}`), ...two.exchanges.map((e) => `x:2:${e.id}`)].sort());
    expect(area.value('t:1')).toMatchObject({ evicted: one.evicted, order: one.exchanges.map((e) => e.id) });
    expect(area.value('t:2')).toMatchObject({ evicted: 0, order: two.exchanges.map((e) => e.id) });
  });

  it('an exchange the area cannot take even after evicting is kept in memory and reported, not lost silently', async () => {
    const area = new FakeArea({ quota: 64 * 1024 });
    const s = store(area, { maxBytes: 100 * MB });
    await s.record(1, [tokenObservation(0)]);
    const huge: Observation = { ...tokenObservation(1), responseBody: { text: 'x'.repeat(100 * 1024) } };
    await expect(s.record(1, [huge])).resolves.toMatchObject({ accepted: 1 });
    const view = await s.view(1);
    expect(view.unsaved).toBe(1);
    expect(view.exchanges.map((e) => [e.keys, e.notes])).toEqual([[['wr:1'], [UNSAVED_NOTE]]]);
    expect(view.evicted).toBe(1);
    // Bounded: one set, then one retry per eviction round at most.
    expect(area.calls.filter((c) => c.op === 'set').length).toBeLessThanOrEqual(2 + QUOTA_RETRIES);
    // A later exchange that fits is written; the area holds no half-written tab.
    await s.record(1, [tokenObservation(2)]);
    expect(area.keys().filter((k) => k.startsWith('x:'))).toHaveLength(1);
    expect(area.value('t:1')).toMatchObject({ order: (await s.view(1)).exchanges.map((e) => e.id) });
  });

  it('answers a refused write of several keys by writing all of them, or none', async () => {
    const area = new FakeArea({ quota: 64 * 1024 });
    const s = store(area, { maxBytes: 100 * MB });
    await recordAll(s, 0, 6);
    await s.record(1, [tokenObservation(6), tokenObservation(7), tokenObservation(8)]);
    const view = await s.view(1);
    expect(view.exchanges.slice(-3).map((e) => e.keys?.[0])).toEqual(['wr:6', 'wr:7', 'wr:8']);
    expect(view.unsaved).toBe(0);
    for (const e of view.exchanges) expect(area.data.has(`x:1:${e.id}`)).toBe(true);
  });
});
