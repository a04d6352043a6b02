import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/background/store.js';
import { createTabClosing } from '../../../src/background/tab-closing.js';
import type { Observation } from '../../../src/core/capture/observation.js';
import { FakeArea } from './fake-area.js';

const obs: Observation = { source: 'webRequest', key: 'wr:1', method: 'POST', url: 'https://idp.example.com/token', startedAt: 1_700_000_000_000 };

/** A worker whose settings load when `load` is called; the store holds tab 1 from an earlier worker. */
async function setup(preserveLog: boolean) {
  const area = new FakeArea();
  await createStore({ area }).record(1, [obs]);
  // Before its settings load the worker runs on the defaults: no preserve log.
  let settings = { preserveLog: false };
  let load: () => void = () => undefined;
  const settingsReady = new Promise<void>((resolve) => (load = () => ((settings = { preserveLog }), resolve())));
  const store = createStore({ area, preserveLog: () => settings.preserveLog });
  const dropped: number[] = [];
  const errors: unknown[] = [];
  const closing = createTabClosing({ store, settingsReady, dropped: (tabId) => dropped.push(tabId), onError: (err) => errors.push(err) });
  return { area, store, closing, load, dropped, errors };
}

describe('closing tabs (issue 3 review: preserve log ignored when the close woke a stopped worker)', () => {
  it.each([
    [true, ['t:1', expect.stringMatching(/^x:1:/)], []],
    [false, [], [1]],
  ])('waits for the settings before dropping a closed tab (preserve log %s)', async (preserveLog, keys, dropped) => {
    const w = await setup(preserveLog);
    const closed = w.closing.closed(1);
    await w.store.view(1);
    w.load();
    await closed;
    expect(w.area.keys()).toEqual(keys);
    expect(w.dropped).toEqual(dropped);
  });

  it('sweeps stored tabs that are no longer open, once the settings are known', async () => {
    const { area, store, closing, load, dropped } = await setup(false);
    await store.record(2, [{ ...obs, key: 'wr:2' }]);
    const swept = closing.sweep(Promise.resolve([2, undefined, 3]));
    await store.view(1);
    expect(area.keys()).toHaveLength(4);
    load();
    await swept;
    expect(dropped).toEqual([1]);
    expect(await store.tabIds()).toEqual([2]);
  });

  it('reports failures and never rejects', async () => {
    const { closing, load, errors } = await setup(false);
    load();
    await expect(closing.sweep(Promise.reject(new Error('no tabs API')))).resolves.toBeUndefined();
    expect(errors).toEqual([new Error('no tabs API')]);
  });
});
