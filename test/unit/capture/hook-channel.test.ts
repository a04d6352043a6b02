/**
 * The private channel between the page hook (hook/relay-link.ts) and its relay (relay/hook-ports.ts), on a
 * fake window whose message tasks the test dispatches: page listeners never see the port offer or the config,
 * forged offers and hellos get the page nothing, and either content script may install and post first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/core/capture/observation.js';
import { HOOK_TAG } from '../../../src/capture/hook-protocol.js';
import { takeBuiltins } from '../../../src/capture/hook/builtins.js';
import { linkToRelay } from '../../../src/capture/hook/relay-link.js';
import { MAX_PORT_OFFERS, offerHookPorts } from '../../../src/capture/relay/hook-ports.js';
import { FakeMessageEvent, FakeWindow, onNodePort, pageListener, settle, until } from './fake-world.js';

const obs: Observation = { source: 'page-hook', method: 'POST', url: 'https://idp.example.com/token', startedAt: 1_700_000_000_000 };

function relay(win: FakeWindow, max?: number) {
  const received: unknown[] = [];
  const ports = offerHookPorts(win as unknown as Window, (o) => received.push(o), max);
  return { ports, received };
}

function hook(win: FakeWindow) {
  const configs: boolean[] = [];
  const link = linkToRelay(win as unknown as Window, takeBuiltins(win), (m) => win.postMessage(m, win.location.origin), (c) => configs.push(c));
  return { link, configs };
}

/** A page listener's view must never hold a port or anything but the hook's hello. */
function expectNothingPrivate(seen: { data: unknown; ports: number }[]): void {
  expect(seen.filter((m) => m.ports > 0)).toEqual([]);
  expect(seen.map((m) => m.data)).toEqual(seen.map(() => ({ tag: HOOK_TAG, kind: 'hello' })));
}

const opened: MessagePort[] = [];
afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

describe('page hook and relay channel', () => {
  it('a page listener never sees the port offer or the config, and the exchange reaches the relay', async () => {
    const win = new FakeWindow();
    const r = relay(win);
    const h = hook(win);
    // Page scripts run after both content scripts: one listener of each phase.
    const capturing = pageListener(win, true);
    const bubbling = pageListener(win, false);
    win.runTasks();
    r.ports.configure(true);
    await until('the hook got the config', () => h.configs.length > 0);
    expect(h.configs).toEqual([true]);
    h.link.send({ kind: 'observation', observation: obs });
    await until('the relay got the exchange', () => r.received.length > 0);
    expect(r.received).toEqual([obs]);
    expectNothingPrivate(capturing);
    expectNothingPrivate(bubbling);
    expect(JSON.stringify([capturing, bubbling])).not.toContain('config');
  });

  it.each([
    ['the relay installs first', ['relay', 'hook', 'run']],
    ['the hook installs first', ['hook', 'relay', 'run']],
    ["the relay's first offer is dispatched before the hook exists", ['relay', 'run', 'hook', 'run']],
    ["the hook's hello is dispatched before the relay exists", ['hook', 'run', 'relay', 'run']],
  ])('%s: the hook is linked, the page sees no port', async (_name, steps) => {
    const win = new FakeWindow();
    let r: ReturnType<typeof relay> | undefined;
    let h: ReturnType<typeof hook> | undefined;
    let page: { data: unknown; ports: number }[] | undefined;
    for (const step of steps) {
      if (step === 'relay') r = relay(win);
      else if (step === 'hook') {
        h = hook(win);
        page = pageListener(win, true);
      } else win.runTasks();
    }
    r!.ports.configure(true);
    await until('the hook got the config', () => h!.configs.length > 0);
    h!.link.send({ kind: 'observation', observation: obs });
    await until('the relay got the exchange', () => r!.received.length > 0);
    expect(r!.received).toEqual([obs]);
    expectNothingPrivate(page!);
  });

  it('an offer the page forges is stopped, and its port is closed without a word', async () => {
    const win = new FakeWindow();
    const r = relay(win);
    const h = hook(win);
    const page = pageListener(win, true);
    win.runTasks();
    const forged = new MessageChannel();
    opened.push(forged.port1);
    const heard: unknown[] = [];
    let closed = false;
    onNodePort(forged.port1, 'message', (m: unknown) => heard.push(m));
    onNodePort(forged.port1, 'close', () => (closed = true));
    win.postMessage({ tag: HOOK_TAG, kind: 'port' }, win.location.origin, [forged.port2]);
    win.runTasks();
    r.ports.configure(true);
    await until('the hook got the config', () => h.configs.length > 0);
    await until('the forged port was closed', () => closed);
    h.link.send({ kind: 'observation', observation: obs });
    await until('the relay got the exchange', () => r.received.length > 0);
    expect(heard).toEqual([]);
    expectNothingPrivate(page);
  });

  it('hellos the page forges make the relay offer at most MAX_PORT_OFFERS ports, all stopped before the page', async () => {
    const win = new FakeWindow();
    const r = relay(win);
    hook(win);
    const page = pageListener(win, true);
    for (let i = 0; i < 5; i++) win.postMessage({ tag: HOOK_TAG, kind: 'hello' }, win.location.origin);
    win.runTasks();
    const offers = win.posted.filter((p) => (p.data as { kind?: string }).kind === 'port');
    expect(offers).toHaveLength(MAX_PORT_OFFERS);
    expect(offers.every((o) => o.transfer.length === 1 && o.targetOrigin === win.location.origin)).toBe(true);
    r.ports.configure(true);
    await settle();
    expect(page.filter((m) => m.ports > 0)).toEqual([]);
  });

  it('an offer from another window is not taken and not stopped', async () => {
    const win = new FakeWindow();
    const h = hook(win);
    const page = pageListener(win, true);
    const other = new MessageChannel();
    opened.push(other.port1, other.port2);
    win.dispatchEvent(new FakeMessageEvent('message', { data: { tag: HOOK_TAG, kind: 'port' }, ports: [other.port2], source: new FakeWindow() }));
    other.port1.postMessage({ kind: 'config', capture: true });
    await settle();
    expect(h.configs).toEqual([]);
    expect(page).toEqual([{ data: { tag: HOOK_TAG, kind: 'port' }, ports: 1 }]);
  });

  it('a config switching capture off reaches the hook', async () => {
    const win = new FakeWindow();
    const r = relay(win);
    const h = hook(win);
    win.runTasks();
    r.ports.configure(false);
    await until('the hook got the config', () => h.configs.length > 0);
    expect(h.configs).toEqual([false]);
  });

  it('a relay configured before the hook took its port still tells it', async () => {
    const win = new FakeWindow();
    const r = relay(win);
    r.ports.configure(true);
    const h = hook(win);
    win.runTasks();
    await until('the hook got the config', () => h.configs.length > 0);
    expect(h.configs[0]).toBe(true);
  });

  it('built-ins the page patches after the hook installed never see the offer or the hook port', async () => {
    const win = new FakeWindow();
    const h = hook(win);
    const touched: unknown[] = [];
    const proto = FakeMessageEvent.prototype;
    const patches: [object, string, PropertyDescriptor][] = [];
    const patch = (target: object, name: string, make: (original: PropertyDescriptor) => PropertyDescriptor) => {
      const original = Object.getOwnPropertyDescriptor(target, name)!;
      patches.push([target, name, original]);
      Object.defineProperty(target, name, { ...make(original), configurable: true });
    };
    const record = (fn: (...a: unknown[]) => unknown) =>
      function (this: unknown, ...args: unknown[]) {
        touched.push(this, ...args);
        return fn.apply(this, args);
      };
    const postOriginal = MessagePort.prototype.postMessage;
    const channel = new MessageChannel();
    opened.push(channel.port1);
    try {
      for (const name of ['data', 'ports', 'source']) patch(proto, name, (o) => ({ get: record(o.get!) }));
      patch(Event.prototype, 'stopImmediatePropagation', (o) => ({ value: record(o.value) }));
      patch(EventTarget.prototype, 'addEventListener', (o) => ({ value: record(o.value) }));
      patch(MessagePort.prototype, 'postMessage', (o) => ({ value: record(o.value) }));
      patch(MessagePort.prototype, 'start', (o) => ({ value: record(o.value) }));
      const fromRelay: unknown[] = [];
      onNodePort(channel.port1, 'message', (m: unknown) => fromRelay.push(m));
      win.postMessage({ tag: HOOK_TAG, kind: 'port' }, win.location.origin, [channel.port2]);
      win.runTasks();
      postOriginal.call(channel.port1, { kind: 'config', capture: true });
      await until('the hook got the config', () => h.configs.length > 0);
      h.link.send({ kind: 'observation', observation: obs });
      await until('the relay end got the exchange', () => fromRelay.length > 0);
    } finally {
      for (const [target, name, original] of patches.reverse()) Object.defineProperty(target, name, original);
    }
    // Booleans, not the arrays: chai inspects its operands, and node's MessagePort does not inspect well.
    expect(touched.includes(channel.port2), 'a patched built-in got the hook port').toBe(false);
    expect(touched.some((t) => t instanceof FakeMessageEvent), 'a patched built-in got the offer event').toBe(false);
    expect(touched.some((t) => typeof t === 'object' && t !== null && (t as { kind?: unknown }).kind !== undefined), 'a patched built-in got a message').toBe(false);
  });
});
