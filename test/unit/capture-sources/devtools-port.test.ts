import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/core/capture/observation.js';
import { createObservationSender, type PortLike } from '../../../src/devtools/devtools-port.js';

const obs = (n: number): Observation => ({ source: 'devtools', method: 'GET', url: `https://idp.example.com/${n}`, startedAt: n });

class FakePort implements PortLike {
  messages: unknown[] = [];
  dead = false;
  private listeners: (() => void)[] = [];
  onDisconnect = { addListener: (cb: () => void) => void this.listeners.push(cb) };
  postMessage(message: unknown): void {
    if (this.dead) throw new Error('Attempting to use a disconnected port object');
    this.messages.push(message);
  }
  drop(): void {
    this.dead = true;
    for (const cb of this.listeners) cb();
  }
}

function setup(options: { failConnect?: () => boolean } = {}) {
  const ports: FakePort[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  let time = 0;
  const sender = createObservationSender(
    7,
    () => {
      if (options.failConnect?.()) throw new Error('Extension context invalidated.');
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    { now: () => time, schedule: (fn, ms) => void timers.push({ fn, ms }), resendWindowMs: 1000 },
  );
  return {
    sender,
    ports,
    timers,
    advance: (ms: number) => (time += ms),
    runTimers: () => {
      for (const t of timers.splice(0)) t.fn();
    },
  };
}

const urls = (port: FakePort | undefined) =>
  (port?.messages ?? []).map((m) => (m as { observations: Observation[] }).observations.map((o) => o.url.slice(-1)).join());

describe('createObservationSender', () => {
  it('opens one port lazily and sends typed messages for the tab', () => {
    const { sender, ports } = setup();
    expect(ports).toHaveLength(0);
    sender.send([obs(1)]);
    sender.send([obs(2), obs(3)]);
    sender.send([]);
    expect(ports).toHaveLength(1);
    expect(ports[0]!.messages[0]).toEqual({ type: 'observations', tabId: 7, observations: [obs(1)] });
    expect(urls(ports[0])).toEqual(['1', '2,3']);
  });

  it('reopens after a drop and resends what was sent shortly before', () => {
    const { sender, ports, advance, runTimers, timers } = setup();
    sender.send([obs(1)]);
    advance(2000);
    sender.send([obs(2)]);
    ports[0]!.drop();
    expect(timers).toHaveLength(1);
    runTimers();
    expect(ports).toHaveLength(2);
    // Message 1 is older than the window; message 2 may have been lost with the worker.
    expect(urls(ports[1])).toEqual(['2']);
    sender.send([obs(3)]);
    expect(urls(ports[1])).toEqual(['2', '3']);
  });

  it('waits for the next send when nothing recent needs resending', () => {
    const { sender, ports, advance, timers } = setup();
    sender.send([obs(1)]);
    advance(5000);
    ports[0]!.drop();
    expect(timers).toHaveLength(0);
    sender.send([obs(2)]);
    expect(ports).toHaveLength(2);
    expect(urls(ports[1])).toEqual(['2']);
  });

  it('reconnects when posting on a dead port throws', () => {
    const { sender, ports, runTimers } = setup();
    sender.send([obs(1)]);
    ports[0]!.dead = true; // died without telling
    sender.send([obs(2)]);
    expect(ports).toHaveLength(2);
    expect(urls(ports[1])).toEqual(['2']);
    runTimers();
  });

  it('gives up after a bounded number of attempts when it cannot connect, without throwing', () => {
    let fail = false;
    const { sender, ports, timers, runTimers } = setup({ failConnect: () => fail });
    sender.send([obs(1)]);
    fail = true;
    ports[0]!.drop();
    let rounds = 0;
    while (timers.length > 0 && rounds < 20) {
      runTimers();
      rounds++;
    }
    expect(rounds).toBe(6);
    expect(() => sender.send([obs(2)])).not.toThrow();
  });
});

describe('createObservationSender: the inspected tab (issue 9: the worker knows DevTools is open, and where)', () => {
  const inspected = (port: FakePort | undefined) => (port?.messages ?? []).filter((m) => (m as { type: string }).type === 'inspected');

  it('says where the tab is at once, first on every new port, and reconnects for it after a drop', () => {
    const { sender, ports, runTimers } = setup();
    sender.inspected('https://app.example/');
    expect(ports).toHaveLength(1);
    expect(ports[0]!.messages).toEqual([{ type: 'inspected', tabId: 7, url: 'https://app.example/' }]);
    sender.inspected('https://app.example/next');
    expect(inspected(ports[0])).toHaveLength(2);
    ports[0]!.drop();
    runTimers();
    expect(ports).toHaveLength(2);
    expect(ports[1]!.messages).toEqual([{ type: 'inspected', tabId: 7, url: 'https://app.example/next' }]);
  });

  it('without an address, a drop with nothing to resend opens no port', () => {
    const { sender, ports, timers, advance } = setup();
    sender.send([obs(1)]);
    advance(5000);
    ports[0]!.drop();
    expect(timers).toHaveLength(0);
  });

  it('keeps trying with backoff while the worker cannot be reached, then gives up until the next message', () => {
    let failing = true;
    const { sender, ports, timers, runTimers } = setup({ failConnect: () => failing });
    sender.inspected('https://app.example/');
    for (let i = 0; i < 6; i++) runTimers();
    expect(timers).toHaveLength(0);
    failing = false;
    sender.send([obs(2)]);
    expect(ports).toHaveLength(1);
    expect(ports[0]!.messages[0]).toEqual({ type: 'inspected', tabId: 7, url: 'https://app.example/' });
  });
});
