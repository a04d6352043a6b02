import { describe, expect, it } from 'vitest';
import { answerMessage, createHandlers, type HandlerDeps, type Sender } from '../../../src/background/handlers.js';
import { RULE_IDS } from '../../../src/core/rules/catalogue.js';
import type { CaptureStats } from '../../../src/shared/protocol.js';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const PANEL: Sender = { url: `${ORIGIN}src/panel/panel.html?tab=3` };
const CONTENT: Sender = { url: 'https://rp.example.com/app', tab: { id: 12 } };

function setup(overrides: Partial<HandlerDeps> = {}) {
  const calls: unknown[][] = [];
  const stats: CaptureStats = { callbacks: { webRequest: 3 }, ignored: 1, tabs: 1, exchanges: 2, bytes: 300, evicted: 0, workerStartedAt: 5 };
  const deps: HandlerDeps = {
    extensionOrigin: ORIGIN,
    pageObservations: (tabId, payload) => (calls.push(['page', tabId, payload]), Array.isArray(payload) ? payload.length : 0),
    hookCapture: async () => true,
    settingsChanged: async () => void calls.push(['settings']),
    deepCapture: async (tabId, on) => void calls.push(['deep', tabId, on]),
    stats: async () => stats,
    ...overrides,
  };
  return { handlers: createHandlers(deps), calls, stats };
}

describe('answerMessage', () => {
  const { handlers } = setup();

  it('answers ping with pong and the catalogue size', async () => {
    await expect(answerMessage(handlers, { type: 'ping' })).resolves.toEqual({ type: 'pong', rules: RULE_IDS.length });
    expect(RULE_IDS.length).toBeGreaterThan(0);
  });

  it('ignores extra members of a ping', async () => {
    await expect(answerMessage(handlers, { type: 'ping', extra: [1, 2] })).resolves.toEqual({ type: 'pong', rules: RULE_IDS.length });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ping'],
    ['a number', 7],
    ['an array', ['ping']],
    ['an array with a type', Object.assign(['x'], { type: 'ping' })],
    ['no type', {}],
    ['a non-string type', { type: 42 }],
    ['an unknown type', { type: 'pang' }],
    ['a type in different case', { type: 'PING' }],
    ['an inherited name', { type: 'constructor' }],
    ['__proto__', { type: '__proto__' }],
    ['toString', { type: 'toString' }],
    ['hasOwnProperty', { type: 'hasOwnProperty' }],
  ])('leaves %s to other listeners', (_name, message) => {
    expect(answerMessage(handlers, message)).toBeUndefined();
  });

  it('turns a throwing handler into a rejected promise', async () => {
    const broken = setup({
      pageObservations: () => {
        throw new Error('boom');
      },
    });
    const answer = answerMessage(broken.handlers, { type: 'page-observations', observations: [] }, CONTENT);
    await expect(answer).rejects.toThrow('boom');
  });
});

describe('runtime handlers', () => {
  it("records page observations for the sender's tab, never the tab the message names", async () => {
    const { handlers, calls } = setup();
    const observations = [{ url: 'https://idp.example.com/token' }];
    await expect(answerMessage(handlers, { type: 'page-observations', tabId: 99, observations }, CONTENT)).resolves.toEqual({ ok: true });
    expect(calls).toEqual([['page', 12, observations]]);
  });

  it('issue 10 §3: tells a content script nothing about what was kept of its observations', async () => {
    const kept = setup({ pageObservations: () => 5 });
    const dropped = setup({ pageObservations: () => 0 });
    const message = { type: 'page-observations', observations: [{}] };
    const answers = await Promise.all([answerMessage(kept.handlers, message, CONTENT), answerMessage(dropped.handlers, message, CONTENT)]);
    expect(answers).toEqual([{ ok: true }, { ok: true }]);
  });

  it.each<[string, Sender]>([
    ['no sender tab', { url: 'https://rp.example.com/' }],
    ['a tab without id', { url: 'https://rp.example.com/', tab: {} }],
    ['an extension page in a tab', { ...PANEL, tab: { id: 4 } }],
  ])('accepts no page observations from %s', async (_name, sender) => {
    const { handlers, calls } = setup();
    await expect(answerMessage(handlers, { type: 'page-observations', observations: [{}] }, sender)).resolves.toEqual({ ok: true });
    expect(calls).toEqual([]);
  });

  it('issue 10 §3: tells the hook only whether to capture, once the settings are known, never the domains', async () => {
    let release: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    const { handlers } = setup({ hookCapture: async () => (await loaded, true) });
    const answer = answerMessage(handlers, { type: 'hook-config' }, CONTENT);
    let settled = false;
    void answer?.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    release();
    await expect(answer).resolves.toEqual({ capture: true });
    await expect(answerMessage(setup({ hookCapture: async () => false }).handlers, { type: 'hook-config' }, CONTENT)).resolves.toEqual({ capture: false });
  });

  it.each<[string, Sender]>([
    ['a content script', CONTENT],
    ['no sender URL', {}],
    ['a look-alike origin', { url: 'chrome-extension://abcdefghijklmnoq/panel.html' }],
  ])('issue 10 §3: refuses stats and settings reloads to %s', async (_name, sender) => {
    const { handlers, calls } = setup();
    await expect(answerMessage(handlers, { type: 'stats' }, sender)).rejects.toThrow('only the extension pages may read the capture stats');
    await expect(answerMessage(handlers, { type: 'settings-changed' }, sender)).rejects.toThrow('only the extension pages may reload the settings');
    expect(calls).toEqual([]);
  });

  it('reloads the settings when told they changed', async () => {
    const { handlers, calls } = setup();
    await expect(answerMessage(handlers, { type: 'settings-changed' }, PANEL)).resolves.toEqual({ ok: true });
    expect(calls).toEqual([['settings']]);
  });

  it('answers stats', async () => {
    const { handlers, stats } = setup();
    await expect(answerMessage(handlers, { type: 'stats' }, PANEL)).resolves.toEqual(stats);
  });

  it.each([
    [true, ['deep', 7, true]],
    [false, ['deep', 7, false]],
  ])('switches deep capture %s from an extension page', async (on, call) => {
    const { handlers, calls } = setup();
    await expect(answerMessage(handlers, { type: 'deep-capture', tabId: 7, on }, PANEL)).resolves.toEqual({ ok: true });
    expect(calls).toEqual([call]);
  });

  it.each<[string, Record<string, unknown>, Sender, string]>([
    ['a content script', { tabId: 7, on: true }, CONTENT, 'only the extension pages may switch deep capture'],
    ['no sender URL', { tabId: 7, on: true }, {}, 'only the extension pages may switch deep capture'],
    ['a look-alike origin', { tabId: 7, on: true }, { url: 'chrome-extension://abcdefghijklmnoq/panel.html' }, 'only the extension pages may switch deep capture'],
    ['a negative tab', { tabId: -1, on: true }, PANEL, 'bad request'],
    ['a fractional tab', { tabId: 1.5, on: true }, PANEL, 'bad request'],
    ['a string tab', { tabId: '7', on: true }, PANEL, 'bad request'],
    ['no on', { tabId: 7 }, PANEL, 'bad request'],
    ['a string on', { tabId: 7, on: 'true' }, PANEL, 'bad request'],
  ])('refuses deep capture from or with %s', async (_name, message, sender, error) => {
    const { handlers, calls } = setup();
    await expect(answerMessage(handlers, { type: 'deep-capture', ...message }, sender)).resolves.toEqual({ ok: false, error });
    expect(calls).toEqual([]);
  });

  it('says when the build has no deep capture', async () => {
    const { handlers } = setup({ deepCapture: undefined });
    await expect(answerMessage(handlers, { type: 'deep-capture', tabId: 7, on: true }, PANEL)).resolves.toEqual({ ok: false, error: 'this build has no deep capture' });
  });

  it('passes on why the debugger could not attach', async () => {
    const { handlers } = setup({ deepCapture: () => Promise.reject(new Error('Another debugger is already attached')) });
    await expect(answerMessage(handlers, { type: 'deep-capture', tabId: 7, on: true }, PANEL)).resolves.toEqual({ ok: false, error: 'Another debugger is already attached' });
  });
});
