import { describe, expect, it } from 'vitest';
import { UNSAVED_NOTE } from '../../../src/background/store.js';
import { FakeArea } from './fake-area.js';
import { ids, obs, store, T0 } from './store-fixtures.js';


/** An area holding tab 1 as an earlier worker left it: preserved, paused, one eviction, exchanges e1 and e2. */
async function savedEarlier(): Promise<FakeArea> {
  const area = new FakeArea();
  const a = store(area, { maxExchanges: 2 });
  await a.record(1, [obs({ key: 'wr:0', startedAt: T0 - 60_000 }), obs({ key: 'wr:1' }), obs({ key: 'wr:2', startedAt: T0 + 60_000 })]);
  await a.setPreserve(1, true);
  await a.pause(1);
  expect(area.value('t:1')).toEqual({ paused: true, preserve: true, evicted: 1, dropped: 0, order: ['e2', 'e3'], pauses: [{ from: expect.any(Number), dropped: 0 }], devtools: [] });
  area.calls.length = 0;
  return area;
}

describe('store writes (issue 3 review: a failing remove lost the new exchange and meta)', () => {
  it('sets before it removes, so a failing remove does not keep the new exchange and meta from being written', async () => {
    const area = new FakeArea();
    const s = store(area, { maxExchanges: 1 });
    await s.record(1, [obs({ key: 'wr:1' })]);
    area.calls.length = 0;
    area.failRemoves = true;
    await expect(s.record(1, [obs({ key: 'wr:2', startedAt: T0 + 60_000 })])).resolves.toMatchObject({ accepted: 1 });
    expect(area.calls.map((c) => c.op)).toEqual(['set', 'remove']);
    expect(area.value('x:1:e2')).toMatchObject({ keys: ['wr:2'] });
    expect(area.value('t:1')).toMatchObject({ order: ['e2'], evicted: 1 });
    expect((await s.view(1)).unsaved).toBe(0);
  });

  it('tries a failed remove again with the next write', async () => {
    const area = new FakeArea();
    const s = store(area, { maxExchanges: 1 });
    await s.record(1, [obs({ key: 'wr:1' })]);
    area.failRemoves = true;
    await s.record(1, [obs({ key: 'wr:2', startedAt: T0 + 60_000 })]);
    expect(area.data.has('x:1:e1')).toBe(true);
    area.failRemoves = false;
    await s.pause(1);
    expect(area.keys()).toEqual(['t:1', 'x:1:e2']);
  });

  it('writes a meta that failed to be written with the next write, even one that does not change it', async () => {
    const area = new FakeArea();
    const s = store(area);
    await s.record(1, [obs({ key: 'wr:1' })]);
    area.failSets = true;
    await expect(s.record(1, [obs({ key: 'wr:2', startedAt: T0 + 60_000 })])).rejects.toThrow('storage is broken');
    area.failSets = false;
    await s.record(1, [obs({ key: 'wr:1', status: 200 })]);
    expect(area.value('t:1')).toMatchObject({ order: ['e1', 'e2'] });
  });
});

describe('store start (issue 3 review: a failed first read let the first meta write replace what was stored)', () => {
  it('tries a failed first read once more', async () => {
    const area = await savedEarlier();
    area.failGets = 1;
    const s = store(area, { newId: ids('n') });
    await s.record(1, [obs({ key: 'wr:3', startedAt: T0 + 120_000 })]);
    expect(await s.view(1)).toMatchObject({ paused: true, preserve: true, evicted: 1, dropped: 1 });
    await s.resume(1);
    await s.record(1, [obs({ key: 'wr:3', startedAt: T0 + 120_000 })]);
    expect(area.value('t:1')).toEqual({ paused: false, preserve: true, evicted: 1, dropped: 1, order: ['e2', 'e3', 'n1'], pauses: [{ from: expect.any(Number), to: expect.any(Number), dropped: 1 }], devtools: [] });
  });

  it('writes nothing while the area cannot be read, then applies what happened over what it holds', async () => {
    const area = await savedEarlier();
    area.failGets = 3;
    const s = store(area, { newId: ids('n') });
    const heard: number[] = [];
    s.onChange((tabId) => heard.push(tabId));
    await s.resume(1);
    await s.record(1, [obs({ key: 'wr:3', startedAt: T0 + 120_000 })]);
    await s.record(2, [obs({ key: 'wr:4', startedAt: T0 + 130_000 })]);
    // Three reads failed (start, its retry, the first mutation's); nothing was written before the fourth succeeded.
    const before = await s.view(1);
    expect(area.calls.slice(0, 4).map((c) => c.op)).toEqual(['get', 'get', 'get', 'get']);
    expect(area.calls.filter((c) => c.op === 'get')).toHaveLength(4);
    expect(before.exchanges.map((e) => e.keys)).toEqual([['wr:1'], ['wr:2'], ['wr:3']]);
    expect(before.unsaved).toBe(0);
    expect(area.value('t:1')).toEqual({ paused: false, preserve: true, evicted: 1, dropped: 0, order: ['e2', 'e3', expect.any(String)], pauses: [{ from: expect.any(Number), to: expect.any(Number), dropped: 0 }], devtools: [] });
    expect(area.keys().filter((k) => k.startsWith('x:'))).toHaveLength(4);
    expect(heard).toContain(1);
  });

  it('keeps showing what happens while the area stays unreadable, marked unsaved, and never writes', async () => {
    const area = await savedEarlier();
    area.failGets = 1_000;
    const s = store(area, { newId: ids('n') });
    await s.record(1, [obs({ key: 'wr:3', startedAt: T0 + 120_000 })]);
    await s.pause(1);
    const view = await s.view(1);
    expect(view).toMatchObject({ paused: true, unsaved: 1 });
    expect(view.exchanges.map((e) => e.notes)).toEqual([[UNSAVED_NOTE]]);
    expect(area.calls.filter((c) => c.op !== 'get')).toEqual([]);
    expect(area.value('t:1')).toEqual({ paused: true, preserve: true, evicted: 1, dropped: 0, order: ['e2', 'e3'], pauses: [{ from: expect.any(Number), dropped: 0 }], devtools: [] });
  });
});
