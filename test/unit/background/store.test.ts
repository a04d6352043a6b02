import { describe, expect, it } from 'vitest';
import { UNSAVED_NOTE } from '../../../src/background/store.js';
import { itemBytes } from '../../../src/background/store/session-bytes.js';
import { byteBudget, MAX_STORE_BYTES } from '../../../src/background/store/storage-area.js';
import { FakeArea } from './fake-area.js';
import { ids, obs, store, T0 } from './store-fixtures.js';


describe('store: keys and restarts', () => {
  it('keeps one key per exchange and a meta key per tab', async () => {
    const area = new FakeArea();
    const s = store(area);
    await s.record(7, [obs({ key: 'wr:1' }), obs({ key: 'wr:2', url: 'https://idp.example.com/userinfo', method: 'GET' })]);
    expect(area.keys()).toEqual(['t:7', 'x:7:e1', 'x:7:e2']);
    expect(area.value('t:7')).toEqual({ paused: false, preserve: false, evicted: 0, dropped: 0, order: ['e1', 'e2'], pauses: [], devtools: [] });
    expect(area.value('x:7:e2')).toMatchObject({ id: 'e2', method: 'GET', keys: ['wr:2'] });
  });

  it('a new store over the same area keeps everything and merges new writes into it', async () => {
    const area = new FakeArea();
    const a = store(area);
    await a.record(3, [obs({ key: 'wr:1', requestHeaders: [{ name: 'Authorization', value: 'Bearer t' }] })]);
    await a.record(4, [obs({ key: 'wr:9' })]);
    await a.pause(4);
    const before = await a.view(3);

    const b = store(area, { newId: ids('n') });
    expect((await b.view(3)).exchanges).toEqual(before.exchanges);
    expect((await b.view(4)).paused).toBe(true);
    await b.record(3, [obs({ key: 'wr:1', source: 'filterResponseData', responseBody: { text: '{"access_token":"x"}' } })]);
    const after = await b.view(3);
    expect(after.exchanges).toHaveLength(1);
    expect(after.exchanges[0]).toMatchObject({ id: 'e1', requestHeaders: [{ name: 'Authorization', value: 'Bearer t' }], responseBody: { text: '{"access_token":"x"}' } });
    expect(area.keys()).toEqual(['t:3', 't:4', 'x:3:e1', 'x:4:e2']);
  });

  it('a write arriving before the area was read waits and does not overwrite what was saved (pitfall 2)', async () => {
    const area = new FakeArea();
    const a = store(area);
    await a.record(1, [obs({ key: 'wr:1' }), obs({ key: 'wr:2', startedAt: T0 + 60_000 })]);
    area.hold();
    const b = store(area, { newId: ids('n') });
    const pending = b.record(1, [obs({ key: 'wr:3', startedAt: T0 + 120_000 })]);
    const view = b.view(1);
    area.release();
    await pending;
    expect((await view).exchanges.map((e) => e.keys)).toEqual([['wr:1'], ['wr:2'], ['wr:3']]);
    expect(area.value('t:1')).toMatchObject({ order: ['e1', 'e2', 'n1'] });
  });

  it('sets only the keys a write changed', async () => {
    const area = new FakeArea();
    const s = store(area);
    await s.record(1, [obs({ key: 'wr:1' }), obs({ key: 'wr:2', startedAt: T0 + 60_000 })]);
    area.calls.length = 0;
    await s.record(1, [obs({ key: 'wr:2', status: 200 })]);
    expect(area.calls).toEqual([{ op: 'set', keys: ['x:1:e2'] }]);
    area.calls.length = 0;
    await s.pause(1);
    expect(area.calls).toEqual([{ op: 'set', keys: ['t:1'] }]);
  });

  it('runs concurrent records one after the other', async () => {
    const area = new FakeArea();
    const s = store(area);
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.record(1, [obs({ key: 'wr:1', notes: [`n${i}`] })])));
    const { exchanges } = await s.view(1);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.notes).toHaveLength(20);
  });

  it('reads back what it can of a damaged area', async () => {
    const area = new FakeArea();
    area.data.set('settings', JSON.stringify({ domains: [] }));
    area.data.set('t:5', JSON.stringify({ paused: 'yes', evicted: -3, order: ['gone', 'b', 7] }));
    area.data.set('x:5:a', JSON.stringify({ id: 'a', method: 'GET', url: 'https://a/', startedAt: T0 + 5, requestHeaders: [], responseHeaders: [], seenBy: {} }));
    area.data.set('x:5:b', JSON.stringify({ id: 'b', method: 'GET', url: 'https://a/', startedAt: T0 + 9, requestHeaders: [], responseHeaders: [], seenBy: {} }));
    area.data.set('x:5:c', JSON.stringify({ id: 'other', method: 'GET' }));
    area.data.set('x:6:d', JSON.stringify('garbage'));
    area.data.set('t:x', JSON.stringify({}));
    const s = store(area);
    const view = await s.view(5);
    expect(view.exchanges.map((e) => e.id)).toEqual(['b', 'a']);
    expect(view).toMatchObject({ paused: false, evicted: 0 });
    expect(await s.tabIds()).toEqual([5]);
  });

  it('starts empty when the area cannot be read', async () => {
    const area = new FakeArea();
    area.get = () => Promise.reject(new Error('no session storage'));
    const s = store(area);
    await s.record(1, [obs({})]);
    expect((await s.view(1)).exchanges).toHaveLength(1);
  });

  it('a failing write rejects that operation only, and keeps the exchange in memory marked unsaved until written', async () => {
    const area = new FakeArea();
    const s = store(area);
    area.failSets = true;
    await expect(s.record(1, [obs({ key: 'wr:1' })])).rejects.toThrow('storage is broken');
    let view = await s.view(1);
    expect(view.unsaved).toBe(1);
    expect(view.exchanges[0]!.notes).toEqual([UNSAVED_NOTE]);
    area.failSets = false;
    await s.record(1, [obs({ key: 'wr:1', status: 200 })]);
    expect(area.value('x:1:e1')).toMatchObject({ status: 200 });
    expect(area.value('x:1:e1')).not.toHaveProperty('notes');
    view = await s.view(1);
    expect(view.unsaved).toBe(0);
    expect(view.exchanges[0]!.notes).toBeUndefined();
  });

  it('tells listeners which tabs changed, after writing', async () => {
    const area = new FakeArea();
    const s = store(area);
    const heard: [number, boolean][] = [];
    const off = s.onChange((tabId) => heard.push([tabId, area.data.has(`t:${tabId}`)]));
    await s.record(2, [obs({})]);
    await s.record(2, []);
    await s.pause(9);
    off();
    await s.resume(9);
    expect(heard).toEqual([[2, true], [9, true]]);
  });
});

describe('store: caps and eviction', () => {
  it.each([
    ['no quota stated (older Firefox): the documented 10 MB', undefined, 8 * 1024 * 1024],
    ["Chrome's 10 MB", 10 * 1024 * 1024, 8 * 1024 * 1024],
    ['a quota above the cap', 500 * 1024 * 1024, MAX_STORE_BYTES],
    ['zero', 0, 8 * 1024 * 1024],
    ['negative', -1, 8 * 1024 * 1024],
    ['NaN', Number.NaN, 8 * 1024 * 1024],
    ['a string', '10485760', 8 * 1024 * 1024],
  ])('byte budget with %s', (_name, quota, budget) => {
    expect(byteBudget(quota)).toBe(budget);
  });

  it('past the exchange cap, evicts the first arrived of the tab holding the most (the one written to among equals), and counts them per tab', async () => {
    const area = new FakeArea();
    const s = store(area, { maxExchanges: 3 });
    await s.record(1, [obs({ key: 'wr:1', startedAt: T0 }), obs({ key: 'wr:2', startedAt: T0 + 10_000 }), obs({ key: 'wr:3', startedAt: T0 + 20_000 })]);
    // Tab 1 holds more than tab 2: its first arrived goes.
    await s.record(2, [obs({ key: 'wr:4', startedAt: T0 + 30_000 })]);
    expect((await s.view(1)).exchanges.map((e) => e.keys?.[0])).toEqual(['wr:2', 'wr:3']);
    // Now equal: tab 2, written to, gives back its own.
    await s.record(2, [obs({ key: 'wr:5', startedAt: T0 + 40_000 })]);
    const [one, two] = [await s.view(1), await s.view(2)];
    expect(one.exchanges.map((e) => e.keys?.[0])).toEqual(['wr:2', 'wr:3']);
    expect(two.exchanges.map((e) => e.keys?.[0])).toEqual(['wr:5']);
    expect([one.evicted, two.evicted]).toEqual([1, 1]);
    expect(area.keys()).toEqual(['t:1', 't:2', 'x:1:e2', 'x:1:e3', 'x:2:e5']);
    expect(await s.totals()).toMatchObject({ tabs: 2, exchanges: 3, evicted: 2 });
  });

  it('evicts by bytes, and keeps the exchange just written even when it alone is over budget', async () => {
    const big = (i: number, size: number) => obs({ key: `wr:${i}`, startedAt: T0 + i * 10_000, responseBody: { text: 'x'.repeat(size) } });
    const probe = new FakeArea();
    await store(probe).record(1, [big(1, 900)]);
    const one = itemBytes('x:1:e1', probe.value('x:1:e1'));
    const area = new FakeArea();
    const s = store(area, { maxBytes: Math.floor(one * 2.5) });
    await s.record(1, [big(1, 900), big(2, 900)]);
    expect((await s.view(1)).exchanges).toHaveLength(2);
    await s.record(1, [big(3, 900)]);
    let view = await s.view(1);
    expect(view.exchanges.map((e) => e.keys?.[0])).toEqual(['wr:2', 'wr:3']);
    expect(view.bytes).toBeLessThanOrEqual(one * 2.5);
    await s.record(1, [big(4, 5_000)]);
    view = await s.view(1);
    expect(view.exchanges.map((e) => e.keys?.[0])).toEqual(['wr:4']);
    expect(view.evicted).toBe(3);
    expect(view.bytes).toBe(itemBytes('x:1:e4', area.value('x:1:e4')));
  });

  it.each([
    ['a text body', { text: 'é'.repeat(40) }, 32, 'é'.repeat(32)],
    ['base64 at a 4-character boundary', { text: 'QUJD'.repeat(10), encoding: 'base64' as const }, 30, 'QUJD'.repeat(7)],
    ['text not inside a surrogate pair', { text: '😀'.repeat(20) }, 31, '😀'.repeat(15)],
  ])('cuts %s past the body cap, marks it and says so', async (_name, body, cap, text) => {
    const s = store(new FakeArea(), { maxBodyChars: cap });
    await s.record(1, [obs({ responseBody: body, requestBody: { text: 'short' } })]);
    const [ex] = (await s.view(1)).exchanges;
    expect(ex!.responseBody).toEqual({ ...body, text, truncated: true });
    expect(ex!.requestBody).toEqual({ text: 'short' });
    expect(ex!.notes).toEqual([`response body cut to 0 KB by the capture store`]);
  });

  it('drops a parsed form past the cap, with a note', async () => {
    const s = store(new FakeArea(), { maxBodyChars: 10 });
    await s.record(1, [obs({ requestForm: { a: ['0123456789'] } })]);
    const [ex] = (await s.view(1)).exchanges;
    expect(ex!.requestForm).toBeUndefined();
    expect(ex!.notes).toEqual(['request form of more than 0 KB not kept by the capture store']);
  });

  it('cuts at 512 KB by default', async () => {
    const s = store(new FakeArea());
    await s.record(1, [obs({ responseBody: { text: 'a'.repeat(600 * 1024) } })]);
    const [ex] = (await s.view(1)).exchanges;
    expect(ex!.responseBody?.text).toHaveLength(512 * 1024);
    expect(ex!.notes).toEqual(['response body cut to 512 KB by the capture store']);
  });
});

describe('store: pause, clear, preserve, closing tabs', () => {
  it('drops and counts observations of a paused tab, and records again after resume', async () => {
    const area = new FakeArea();
    const s = store(area);
    await s.pause(1);
    expect(await s.record(1, [obs({}), obs({ url: 'https://idp.example.com/x' })])).toEqual({ accepted: 0, dropped: 2, late: 0 });
    expect(await s.view(1)).toMatchObject({ paused: true, dropped: 2, exchanges: [] });
    await s.record(2, [obs({})]);
    expect((await s.view(2)).exchanges).toHaveLength(1);
    await s.resume(1);
    expect(await s.record(1, [obs({})])).toEqual({ accepted: 1, dropped: 0, late: 0 });
    expect(await s.view(1)).toMatchObject({ paused: false, dropped: 2 });
  });

  it('issue 9: records each pause with its start, end and the requests it dropped, kept across a worker restart', async () => {
    const area = new FakeArea();
    let now = 1000;
    const s = store(area, { now: () => now });
    await s.pause(1);
    now = 1500;
    await s.pause(1);
    await s.record(1, [obs({}), obs({ key: 'wr:2' })]);
    now = 2000;
    await s.resume(1);
    now = 3000;
    await s.pause(1);
    await s.record(1, [obs({ key: 'wr:3' })]);
    expect((await s.view(1)).pauses).toEqual([{ from: 1000, to: 2000, dropped: 2 }, { from: 3000, dropped: 1 }]);
    expect((await store(area).view(1)).pauses).toEqual([{ from: 1000, to: 2000, dropped: 2 }, { from: 3000, dropped: 1 }]);
    await s.clear(1);
    expect((await s.view(1)).pauses).toEqual([{ from: 3000, dropped: 0 }]);
  });

  it('review: records when DevTools was open on a tab, across a worker restart and a clear', async () => {
    const area = new FakeArea();
    let now = 100;
    const s = store(area, { now: () => now });
    await s.setDevtools(3, true);
    now = 200;
    await s.setDevtools(3, true);
    await s.setDevtools(3, false);
    now = 300;
    await s.setDevtools(3, false);
    await s.setDevtools(3, true);
    expect((await s.view(3)).devtools).toEqual([{ from: 100, to: 200 }, { from: 300 }]);
    expect((await store(area).view(3)).devtools).toEqual([{ from: 100, to: 200 }, { from: 300 }]);
    await s.clear(3);
    expect((await s.view(3)).devtools).toEqual([{ from: 300 }]);
  });

  it('keeps the last 20 pauses, and reads garbage pauses as none', async () => {
    const area = new FakeArea();
    let now = 0;
    const s = store(area, { now: () => now });
    for (let i = 0; i < 25; i++) {
      now = i * 10;
      await s.pause(1);
      await s.resume(1);
    }
    const pauses = (await s.view(1)).pauses;
    expect(pauses).toHaveLength(20);
    expect(pauses[0]).toEqual({ from: 50, to: 50, dropped: 0 });
    area.data.set('t:9', JSON.stringify({ pauses: [{ from: 'x' }, null, { from: 5, to: 'y', dropped: -1 }], order: [] }));
    expect((await store(area).view(9)).pauses).toEqual([{ from: 5, dropped: 0 }]);
  });

  it("clear removes that tab's exchanges and counters, and keeps paused, preserve and other tabs", async () => {
    const area = new FakeArea();
    const s = store(area, { maxExchanges: 2 });
    await s.record(1, [obs({ key: 'wr:1' }), obs({ key: 'wr:2', startedAt: T0 + 60_000 }), obs({ key: 'wr:3', startedAt: T0 + 90_000 })]);
    await s.record(2, [obs({ key: 'wr:4', startedAt: T0 + 99_000 })]);
    await s.setPreserve(1, true);
    const versionBefore = (await s.view(1)).version;
    await s.clear(1);
    const view = await s.view(1);
    expect(view).toMatchObject({ exchanges: [], evicted: 0, dropped: 0, bytes: 0, preserve: true });
    expect(view.version).toBeGreaterThan(versionBefore);
    expect(area.keys()).toEqual(['t:1', 't:2', 'x:2:e4']);
    expect(area.calls.some((c) => c.op === 'remove' && c.keys.includes('t:2'))).toBe(false);
  });

  it.each([
    ['neither preserves', false, false, true],
    ['the tab preserves', true, false, false],
    ['the settings preserve every tab', false, true, false],
  ])('closing a tab when %s', async (_name, tabPreserve, preserveLog, dropped) => {
    const area = new FakeArea();
    const s = store(area, { preserveLog: () => preserveLog });
    await s.record(1, [obs({})]);
    await s.record(2, [obs({})]);
    await s.setPreserve(1, tabPreserve);
    expect(await s.tabClosed(1)).toBe(dropped);
    expect(area.keys()).toEqual(dropped ? ['t:2', 'x:2:e2'] : ['t:1', 't:2', 'x:1:e1', 'x:2:e2']);
    expect(await s.tabIds()).toEqual(dropped ? [2] : [1, 2]);
  });

  it.each([
    ['a tab that held captures', true],
    ['a tab closed before anything was stored for it', false],
  ])('late observations of %s do not bring it back (issue 3 review: relay flush and aborted requests after close)', async (_name, captured) => {
    const area = new FakeArea();
    const s = store(area);
    if (captured) await s.record(1, [obs({ key: 'wr:1' })]);
    await s.tabClosed(1);
    area.calls.length = 0;
    expect(await s.record(1, [obs({ source: 'page-hook' }), obs({ key: 'wr:2', status: 0, notes: ['net::ERR_ABORTED'] })])).toEqual({ accepted: 0, dropped: 0, late: 2 });
    await s.pause(1);
    await s.clear(1);
    expect(area.calls).toEqual([]);
    expect(area.keys()).toEqual([]);
    expect(await s.tabIds()).toEqual([]);
  });

  it.each([
    ['the tab preserves', (s: ReturnType<typeof store>) => s.setPreserve(1, true), {}],
    ['the settings preserve every tab', async () => undefined, { preserveLog: () => true }],
  ])('late observations still reach a closed tab when %s', async (_name, preserve, options) => {
    const area = new FakeArea();
    const s = store(area, options);
    await s.record(1, [obs({ key: 'wr:1' })]);
    await preserve(s);
    await s.tabClosed(1);
    expect(await s.record(1, [obs({ key: 'wr:2', startedAt: T0 + 60_000 })])).toEqual({ accepted: 1, dropped: 0, late: 0 });
    expect((await s.view(1)).exchanges).toHaveLength(2);
  });

  it('closing an unknown tab does nothing', async () => {
    const area = new FakeArea();
    const s = store(area);
    expect(await s.tabClosed(42)).toBe(false);
    expect(area.calls.filter((c) => c.op !== 'get')).toEqual([]);
  });
});

describe('store: versions', () => {
  it('change with the exchanges, not with the flags, and never repeat', async () => {
    const s = store(new FakeArea(), { maxExchanges: 1 });
    const seen: number[] = [];
    const version = async (tabId: number) => (await s.view(tabId)).version;
    await s.record(1, [obs({ key: 'wr:1' })]);
    seen.push(await version(1));
    await s.pause(1);
    expect(await version(1)).toBe(seen.at(-1));
    await s.resume(1);
    await s.record(1, [obs({ key: 'wr:1', status: 200 })]);
    seen.push(await version(1));
    await s.record(2, [obs({ key: 'wr:2', startedAt: T0 + 60_000 })]);
    seen.push(await version(1), await version(2));
    await s.clear(2);
    seen.push(await version(2));
    await s.tabClosed(2);
    await s.record(2, [obs({ key: 'wr:3' })]);
    seen.push(await version(2));
    expect(new Set(seen).size).toBe(seen.length);
  });
});
