import { describe, expect, it, vi } from 'vitest';
import type { TabAnalysis } from '../../../src/background/analysis.js';
import { createDevtoolsPresence } from '../../../src/background/devtools-presence.js';
import { devtoolsPort, panelPort, parsePanelRequest, routePort } from '../../../src/background/ports.js';
import { createStore } from '../../../src/background/store.js';
import { createSubscriptions, tabState } from '../../../src/background/subscriptions.js';
import type { CaptureContext } from '../../../src/background/capture/context.js';
import type { AnalysisResult } from '../../../src/core/index.js';
import type { Observation } from '../../../src/core/capture/observation.js';
import { PORT_DEVTOOLS, PORT_PANEL, type PanelPush, type TabState } from '../../../src/shared/protocol.js';
import { defaultSettings } from '../../../src/shared/settings.js';
import { FakeArea } from './fake-area.js';
import { FakePort } from './fake-port.js';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const T0 = 1_700_000_000_000;
const obs = (part: Partial<Observation>): Observation => ({ source: 'webRequest', method: 'GET', url: 'https://idp.example.com/userinfo', startedAt: T0, ...part });
const EMPTY = { artifacts: [], flows: [], timelines: [], findings: [], now: 1, unreadable: [], problems: [] } as AnalysisResult;

describe('routePort', () => {
  const seen: string[] = [];
  const route = routePort({ a: (p) => seen.push(p.name) }, ORIGIN);

  it('hands a port from an extension page to the handler of its name', () => {
    const port = new FakePort('a', { url: `${ORIGIN}src/devtools/devtools.html` });
    route(port);
    expect(seen).toEqual(['a']);
    expect(port.disconnected).toBe(false);
  });

  it.each<[string, string, { url?: string }]>([
    ['an unknown name', 'b', { url: `${ORIGIN}x.html` }],
    ['an inherited name', 'constructor', { url: `${ORIGIN}x.html` }],
    ['__proto__', '__proto__', { url: `${ORIGIN}x.html` }],
    ['a content script', 'a', { url: 'https://idp.example.com/' }],
    ['no sender URL', 'a', {}],
  ])('disconnects %s', (_name, name, sender) => {
    seen.length = 0;
    const port = new FakePort(name, sender);
    route(port);
    expect(seen).toEqual([]);
    expect(port.disconnected).toBe(true);
  });
});

describe('parsePanelRequest', () => {
  it.each([
    [{ type: 'subscribe', tabId: 3 }, { type: 'subscribe', tabId: 3 }],
    [{ type: 'preserve', tabId: 0, preserve: true, extra: 1 }, { type: 'preserve', tabId: 0, preserve: true }],
    [{ type: 'clear', tabId: 2 }, { type: 'clear', tabId: 2 }],
  ])('reads %j', (message, request) => {
    expect(parsePanelRequest(message)).toEqual(request);
  });

  it.each([null, 'subscribe', [], { type: 'subscribe' }, { type: 'subscribe', tabId: -1 }, { type: 'subscribe', tabId: '3' }, { type: 'pause', tabId: 1.5 }, { type: 'preserve', tabId: 1 }, { type: 'preserve', tabId: 1, preserve: 'yes' }, { type: 'toString', tabId: 1 }, { type: 'stats', tabId: 1 }])(
    'refuses %j',
    (message) => {
      expect(parsePanelRequest(message)).toBeUndefined();
    },
  );
});

describe('tabState', () => {
  const view = { tabId: 1, exchanges: [], paused: false, preserve: true, evicted: 2, dropped: 5, pauses: [], devtools: [], bytes: 10, unsaved: 0, version: 7 };
  const latest = (version: number): TabAnalysis => ({ analysis: EMPTY, analyzedAt: 99, version });

  it('includes an analysis of exactly these exchanges', () => {
    expect(tabState(view, latest(7))).toEqual<TabState>({ tabId: 1, exchanges: [], paused: false, preserve: true, evicted: 2, bytes: 10, analysis: EMPTY, analyzedAt: 99 });
  });

  it('counts the exchanges held in memory only, when there are any', () => {
    expect(tabState({ ...view, unsaved: 3 }, undefined)).toMatchObject({ unsaved: 3 });
    expect(tabState(view, undefined)).not.toHaveProperty('unsaved');
  });

  it.each([6, 8])('leaves out an analysis of version %i', (version) => {
    expect(tabState(view, latest(version))).not.toHaveProperty('analysis');
    expect(tabState(view, undefined)).not.toHaveProperty('analyzedAt');
  });
});

describe('panel port', () => {
  function setup() {
    const area = new FakeArea();
    const store = createStore({ area, newId: (() => { let n = 0; return () => `e${++n}`; })() });
    const analyses = new Map<number, TabAnalysis>();
    const asked: number[] = [];
    const forgotten: number[] = [];
    const subscriptions = createSubscriptions({
      view: (tabId) => store.view(tabId),
      latest: (tabId) => analyses.get(tabId),
      analyse: (tabId) => asked.push(tabId),
      unwatched: (tabId) => forgotten.push(tabId),
      intervalMs: 5,
    });
    store.onChange((tabId) => subscriptions.changed(tabId));
    const handler = panelPort(store, subscriptions);
    const connect = () => {
      const port = new FakePort(PORT_PANEL);
      handler(port);
      return port;
    };
    const states = (port: FakePort) => port.posted.filter((m): m is Extract<PanelPush, { type: 'state' }> => (m as PanelPush).type === 'state').map((m) => m.state);
    return { store, analyses, asked, forgotten, subscriptions, connect, states };
  }

  it('sends the state at once on subscribe and asks for an analysis', async () => {
    const { store, connect, states, asked } = setup();
    await store.record(4, [obs({})]);
    const port = connect();
    port.send({ type: 'subscribe', tabId: 4 });
    await vi.waitFor(() => expect(states(port)).toHaveLength(1));
    expect(states(port)[0]).toMatchObject({ tabId: 4, paused: false, evicted: 0, exchanges: [{ url: 'https://idp.example.com/userinfo' }] });
    expect(states(port)[0]).not.toHaveProperty('analysis');
    expect(asked).toEqual([4]);
  });

  it('pushes after every change of the tab, and the analysis once it is current', async () => {
    const { store, connect, states, analyses, subscriptions } = setup();
    const port = connect();
    port.send({ type: 'subscribe', tabId: 4 });
    await vi.waitFor(() => expect(states(port)).toHaveLength(1));
    await store.record(4, [obs({})]);
    await vi.waitFor(() => expect(states(port).at(-1)?.exchanges).toHaveLength(1));
    const { version } = await store.view(4);
    analyses.set(4, { analysis: EMPTY, analyzedAt: 5, version });
    subscriptions.analysed(4);
    await vi.waitFor(() => expect(states(port).at(-1)?.analysis).toEqual(EMPTY));
    await store.record(5, [obs({})]);
    await store.view(5);
    expect(states(port).every((s) => s.tabId === 4)).toBe(true);
  });

  it.each([
    [{ type: 'pause', tabId: 4 }, { paused: true }],
    [{ type: 'preserve', tabId: 4, preserve: true }, { preserve: true }],
    [{ type: 'clear', tabId: 4 }, { exchanges: [] }],
  ])('%j changes the capture and pushes the new state', async (request, expected) => {
    const { store, connect, states } = setup();
    await store.record(4, [obs({})]);
    const port = connect();
    port.send({ type: 'subscribe', tabId: 4 });
    await vi.waitFor(() => expect(states(port)).toHaveLength(1));
    port.send(request);
    await vi.waitFor(() => expect(states(port).at(-1)).toMatchObject(expected));
  });

  it('resumes a paused tab', async () => {
    const { store, connect } = setup();
    await store.pause(4);
    const port = connect();
    port.send({ type: 'resume', tabId: 4 });
    await vi.waitFor(async () => expect((await store.view(4)).paused).toBe(false));
  });

  it('answers a bad request with an error push', () => {
    const { connect } = setup();
    const port = connect();
    port.send({ type: 'subscribe', tabId: 'four' });
    expect(port.posted).toEqual([{ type: 'error', code: 'bad-request', message: 'not a panel request' }]);
  });

  it('removes its listeners and subscriptions when the port disconnects', async () => {
    const { store, connect, states, subscriptions, forgotten } = setup();
    const port = connect();
    const other = connect();
    expect(port.listenerCount()).toBe(2);
    port.send({ type: 'subscribe', tabId: 4 });
    other.send({ type: 'subscribe', tabId: 4 });
    await vi.waitFor(() => expect(states(port)).toHaveLength(1));
    port.drop();
    expect(port.listenerCount()).toBe(0);
    expect(subscriptions.watched(4)).toBe(true);
    expect(forgotten).toEqual([]);
    other.drop();
    expect(subscriptions.watched(4)).toBe(false);
    expect(forgotten).toEqual([4]);
    await store.record(4, [obs({})]);
    await store.view(4);
    expect(states(port)).toHaveLength(1);
  });

  it('drops a subscriber whose port throws', async () => {
    const { store, connect, states, subscriptions } = setup();
    const port = connect();
    port.send({ type: 'subscribe', tabId: 4 });
    await vi.waitFor(() => expect(states(port)).toHaveLength(1));
    port.disconnected = true;
    await store.record(4, [obs({})]);
    await vi.waitFor(() => expect(subscriptions.watched(4)).toBe(false));
  });
});

describe('devtools port', () => {
  function setup() {
    const recorded: [number, Observation[]][] = [];
    const counted: string[] = [];
    const ctx: CaptureContext = {
      record: (tabId, list) => recorded.push([tabId, list]),
      domains: () => [],
      settings: () => defaultSettings(),
      count: (source) => counted.push(source),
    };
    const port = new FakePort(PORT_DEVTOOLS);
    devtoolsPort(ctx)(port);
    return { port, recorded, counted };
  }

  it('records sanitised observations as devtools ones', () => {
    const { port, recorded, counted } = setup();
    port.send({ type: 'observations', tabId: 6, observations: [obs({ source: 'webRequest', key: 'wr:1', status: 200 }), { url: 'javascript:alert(1)' }, null] });
    expect(recorded).toEqual([[6, [{ source: 'devtools', key: `dt:${T0} GET https://idp.example.com/userinfo`, method: 'GET', url: 'https://idp.example.com/userinfo', startedAt: T0, status: 200 }]]]);
    expect(counted).toEqual(['devtools']);
  });

  it('makes a request the devtools page reports twice one exchange, and polling requests two', async () => {
    const store = createStore({ area: new FakeArea() });
    const ctx: CaptureContext = { record: (tabId, list) => void store.record(tabId, list), domains: () => [], settings: () => defaultSettings(), count: () => undefined };
    const port = new FakePort(PORT_DEVTOOLS);
    devtoolsPort(ctx)(port);
    const message = { type: 'observations', tabId: 6, observations: [obs({ status: 200 }), obs({ startedAt: T0 + 1000, status: 200 })] };
    port.send(message);
    port.send(structuredClone(message));
    port.send({ ...message, observations: [obs({ status: 200, responseBody: { text: '{}' } })] });
    const { exchanges } = await store.view(6);
    expect(exchanges.map((e) => [e.startedAt, e.seenBy.request, e.responseBody?.text])).toEqual([
      [T0, ['devtools'], '{}'],
      [T0 + 1000, ['devtools'], undefined],
    ]);
  });

  it.each([
    ['another type', { type: 'subscribe', tabId: 6, observations: [] }],
    ['a bad tab', { type: 'observations', tabId: -6, observations: [obs({})] }],
    ['no list', { type: 'observations', tabId: 6, observations: obs({}) }],
    ['nothing valid', { type: 'observations', tabId: 6, observations: [{}] }],
    ['null', null],
  ])('ignores %s', (_name, message) => {
    const { port, recorded } = setup();
    port.send(message);
    expect(recorded).toEqual([]);
  });

  it('removes its listeners when the port disconnects', () => {
    const { port } = setup();
    expect(port.listenerCount()).toBe(2);
    port.drop();
    expect(port.listenerCount()).toBe(0);
  });

  it('issue 9: learns where DevTools is open, and forgets it when the port closes', () => {
    const presence = createDevtoolsPresence();
    const ctx: CaptureContext = { record: () => undefined, domains: () => [], settings: () => defaultSettings(), count: () => undefined };
    const port = new FakePort(PORT_DEVTOOLS);
    devtoolsPort(ctx, presence)(port);
    port.send({ type: 'inspected', tabId: 4, url: 'https://app.example/home' });
    expect([presence.isOpen(4), presence.urlOf(4)]).toEqual([true, 'https://app.example/home']);
    port.send({ type: 'inspected', tabId: 4, url: 'javascript:alert(1)' });
    expect([presence.isOpen(4), presence.urlOf(4)]).toEqual([true, undefined]);
    port.send({ type: 'inspected', tabId: -1, url: 'https://app.example/' });
    expect(presence.isOpen(-1)).toBe(false);
    port.drop();
    expect(presence.isOpen(4)).toBe(false);
  });
});
