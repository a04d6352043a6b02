/**
 * Issue 10 §3, "a hostile page cannot steer the worker": what a page reports through the page hook cannot make
 * the store drop real captures. Eviction goes by arrival, never by the times a report claims, and each tab keeps
 * its fair share of the caps.
 */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/core/capture/observation.js';
import { FakeArea } from './fake-area.js';
import { obs, store, T0 } from './store-fixtures.js';

/** A page-hook report of a call the page made up, dated `startedAt`. */
function forged(n: number, startedAt: number, body = ''): Observation {
  return { source: 'page-hook', method: 'GET', url: `https://idp.example.com/forged/${n}`, startedAt, responseBody: { text: body } };
}

const keysOf = async (s: ReturnType<typeof store>, tabId: number) => (await s.view(tabId)).exchanges.map((e) => e.keys?.[0] ?? e.url);

describe('issue 10 §3: eviction by arrival, not by claimed time', () => {
  it('reports dated in the future do not make every new exchange be evicted at once', async () => {
    const s = store(new FakeArea(), { maxExchanges: 5 });
    const future = Date.UTC(2099, 0, 1);
    await s.record(1, Array.from({ length: 5 }, (_, n) => forged(n, future)));
    await s.record(1, [obs({ key: 'wr:1', startedAt: T0 })]);
    await s.record(1, [obs({ key: 'wr:2', startedAt: T0 + 1_000 })]);
    await s.record(1, [obs({ key: 'wr:3', startedAt: T0 + 2_000 })]);
    // The three real exchanges stay; the reports that arrived first went first.
    expect(await keysOf(s, 1)).toEqual(['https://idp.example.com/forged/3', 'https://idp.example.com/forged/4', 'wr:1', 'wr:2', 'wr:3']);
    expect((await s.view(1)).evicted).toBe(3);
  });

  it('an exchange dated long ago is not evicted before those that arrived earlier', async () => {
    const s = store(new FakeArea(), { maxExchanges: 2 });
    await s.record(1, [obs({ key: 'wr:1', startedAt: T0 })]);
    await s.record(1, [forged(1, Date.UTC(2001, 0, 1))]);
    await s.record(1, [obs({ key: 'wr:2', startedAt: T0 + 1_000 })]);
    expect(await keysOf(s, 1)).toEqual(['https://idp.example.com/forged/1', 'wr:2']);
  });
});

describe('issue 10 §3: each tab has its fair share of the caps', () => {
  it('a flood of exchanges in one tab evicts its own, never a tab holding less', async () => {
    const s = store(new FakeArea(), { maxExchanges: 10 });
    await s.record(1, [obs({ key: 'wr:1', startedAt: T0 }), obs({ key: 'wr:2', startedAt: T0 + 1 })]);
    for (let n = 0; n < 50; n++) await s.record(2, [forged(n, T0 + 10_000 + n)]);
    expect(await keysOf(s, 1)).toEqual(['wr:1', 'wr:2']);
    expect((await s.view(1)).evicted).toBe(0);
    const two = await s.view(2);
    expect(two.exchanges.map((e) => e.url)).toEqual(Array.from({ length: 8 }, (_, i) => `https://idp.example.com/forged/${42 + i}`));
    expect(two.evicted).toBe(42);
  });

  it('a flood of bytes in one tab evicts its own, never a tab holding less', async () => {
    const body = 'x'.repeat(10_000);
    const s = store(new FakeArea(), { maxBytes: 120_000 });
    await s.record(1, [obs({ key: 'wr:1', startedAt: T0, responseBody: { text: body } }), obs({ key: 'wr:2', startedAt: T0 + 1 })]);
    for (let n = 0; n < 40; n++) await s.record(2, [forged(n, T0 + 10_000 + n, body)]);
    expect(await keysOf(s, 1)).toEqual(['wr:1', 'wr:2']);
    const two = await s.view(2);
    expect(two.evicted).toBeGreaterThan(20);
    expect(two.exchanges.at(-1)?.url).toBe('https://idp.example.com/forged/39');
    expect((await s.view(1)).bytes + two.bytes).toBeLessThanOrEqual(120_000);
  });

  it('a flood in batches that fill the area does not make room with another tab\'s captures', async () => {
    const body = 'x'.repeat(20_000);
    const area = new FakeArea({ quota: 200_000 });
    const s = store(area, { quotaBytes: 200_000 });
    await s.record(1, [obs({ key: 'wr:1', startedAt: T0 }), obs({ key: 'wr:2', startedAt: T0 + 1 })]);
    for (let batch = 0; batch < 5; batch++) await s.record(2, Array.from({ length: 6 }, (_, n) => forged(batch * 6 + n, T0 + 10_000, body)));
    expect(await keysOf(s, 1)).toEqual(['wr:1', 'wr:2']);
    expect((await s.view(1)).evicted).toBe(0);
    expect((await s.view(2)).unsaved).toBe(0);
    expect(area.used()).toBeLessThanOrEqual(200_000);
  });

  it('a tab holding more than its share gives back to a newer tab, first arrived first', async () => {
    const s = store(new FakeArea(), { maxExchanges: 4 });
    await s.record(1, [1, 2, 3, 4].map((n) => obs({ key: `wr:${n}`, startedAt: T0 + 100 - n })));
    await s.record(2, [obs({ key: 'wr:5', startedAt: T0 }), obs({ key: 'wr:6', startedAt: T0 })]);
    expect(await keysOf(s, 1)).toEqual(['wr:3', 'wr:4']);
    expect(await keysOf(s, 2)).toEqual(['wr:5', 'wr:6']);
  });
});
