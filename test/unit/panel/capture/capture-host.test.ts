import { describe, expect, it } from 'vitest';
import { captureHost, type CaptureHostDeps } from '../../../../src/panel/capture-host.js';
import { defaultSettings, type Settings } from '../../../../src/shared/settings.js';

function deps(granted: boolean | 'throws', options: { saveFails?: boolean; notifyFails?: boolean } = {}) {
  const calls: string[] = [];
  let stored: Settings = { ...defaultSettings(), domains: ['idp.example'] };
  const d: CaptureHostDeps = {
    request: (origins) => {
      calls.push(`request ${origins.join(' ')}`);
      if (granted === 'throws') throw new Error('This function must be called during a user gesture');
      return Promise.resolve(granted);
    },
    load: async () => (calls.push('load'), stored),
    save: async (s) => {
      calls.push(`save ${s.domains.join(' ')}`);
      if (options.saveFails) throw new Error('QUOTA_BYTES quota exceeded');
      stored = s;
    },
    notify: async () => {
      calls.push('notify');
      if (options.notifyFails) throw new Error('Could not establish connection. Receiving end does not exist.');
    },
  };
  return { d, calls, stored: () => stored };
}

describe('captureHost (issue 9 §2: one click captures a host with DevTools closed too)', () => {
  it('asks before its first await, then adds the host and tells the worker', async () => {
    const { d, calls, stored } = deps(true);
    const pending = captureHost('localhost:3000', d);
    expect(calls).toEqual(['request *://localhost/*']);
    expect(await pending).toEqual({ ok: true, message: 'localhost:3000 is a configured domain now: captured with DevTools closed too.' });
    expect(calls).toEqual(['request *://localhost/*', 'load', 'save idp.example localhost:3000', 'notify']);
    expect(stored().domains).toEqual(['idp.example', 'localhost:3000']);
  });

  it('adds nothing twice', async () => {
    const { d, calls } = deps(true);
    expect((await captureHost('idp.example', d)).ok).toBe(true);
    expect(calls).toEqual(['request *://idp.example/*', 'load', 'notify']);
  });

  it.each<[string, string, boolean | 'throws', { saveFails?: boolean; notifyFails?: boolean }, boolean, RegExp]>([
    ['refused', 'app.example', false, {}, false, /was refused: it is captured only while DevTools is open/],
    ['asked outside a gesture', 'app.example', 'throws', {}, false, /could not be requested: This function must be called during a user gesture/],
    ['granted, not saved', 'app.example', true, { saveFails: true }, false, /granted, but the settings could not be saved: QUOTA_BYTES/],
    ['a stopped worker', 'app.example', true, { notifyFails: true }, true, /configured domain now/],
    ['not a host', 'https://x/y?z', true, {}, false, /is not a host that can be configured/],
  ])('%s', async (_name, host, granted, options, ok, message) => {
    const { d } = deps(granted, options);
    const result = await captureHost(host, d);
    expect(result.ok).toBe(ok);
    expect(result.message).toMatch(message);
  });
});
