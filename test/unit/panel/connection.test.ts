import { describe, expect, it } from 'vitest';
import { connectPanel } from '../../../src/panel/connection.js';
import { emptyTabState } from '../../../src/panel/store/empty-state.js';
import { FakePort, manualTimers } from './fake-port.js';

function setup(options: { failConnects?: number } = {}) {
  const ports: FakePort[] = [];
  let failures = options.failConnects ?? 0;
  const timers = manualTimers();
  const connection = connectPanel({
    tabId: 7,
    connect: () => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('Extension context invalidated.');
      }
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    delays: [10, 20, 40],
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  return { connection, ports, timers };
}

const state = (overrides = {}) => ({ type: 'state', state: { ...emptyTabState(7), ...overrides } });

describe('connectPanel', () => {
  it('subscribes at once and is connected when the worker answers', () => {
    const { connection, ports } = setup();
    expect(ports).toHaveLength(1);
    expect(ports[0]?.sent).toEqual([{ type: 'subscribe', tabId: 7 }]);
    expect(connection.status.value).toBe('reconnecting');
    expect(connection.everConnected.value).toBe(false);
    ports[0]?.push(state({ paused: true }));
    expect(connection.status.value).toBe('connected');
    expect(connection.state.value?.paused).toBe(true);
  });

  it.each([
    ['another tab', { type: 'state', state: { ...emptyTabState(8), paused: true } }],
    ['no state', { type: 'state' }],
    ['unknown type', { type: 'surprise', state: emptyTabState(7) }],
    ['prototype name', { type: 'constructor' }],
    ['not an object', 'state'],
    ['null', null],
  ])('ignores a push of %s', (_name, push) => {
    const { connection, ports } = setup();
    ports[0]?.push(state());
    ports[0]?.push(push);
    expect(connection.state.value?.paused).toBe(false);
    expect(connection.state.value?.tabId).toBe(7);
  });

  it('keeps the last error the worker pushed', () => {
    const { connection, ports } = setup();
    ports[0]?.push({ type: 'error', code: 'E_TAB', message: 'no such tab' });
    expect(connection.error.value).toEqual({ code: 'E_TAB', message: 'no such tab' });
    expect(connection.status.value).toBe('connected');
  });

  it('reconnects with backoff after a drop, removes the old listeners and subscribes again', () => {
    const { connection, ports, timers } = setup();
    ports[0]?.push(state({ evicted: 1 }));
    ports[0]?.drop();
    expect(connection.status.value).toBe('reconnecting');
    expect(ports[0]?.listenerCount()).toBe(0);
    expect(connection.state.value?.evicted).toBe(1);
    expect(connection.send({ type: 'clear', tabId: 7 })).toBe(false);
    timers.run();
    expect(ports).toHaveLength(2);
    // The new worker has no ports and drops at once, twice; the delays grow.
    ports[1]?.drop();
    timers.run();
    ports[2]?.drop();
    timers.run();
    expect(timers.delays).toEqual([10, 20, 40]);
    ports[3]?.push(state({ evicted: 2 }));
    expect(connection.status.value).toBe('connected');
    expect(connection.everConnected.value).toBe(true);
    expect(ports[3]?.sent).toEqual([{ type: 'subscribe', tabId: 7 }]);
    // Backoff starts again after a success.
    ports[3]?.drop();
    expect(timers.delays.at(-1)).toBe(10);
    // A stale port's late messages change nothing.
    ports[0]?.push(state({ evicted: 99 }));
    expect(connection.state.value?.evicted).toBe(2);
  });

  it('retries when connecting throws, holding the last delay', () => {
    const { ports, timers } = setup({ failConnects: 4 });
    expect(ports).toHaveLength(0);
    for (let i = 0; i < 4; i += 1) timers.run();
    expect(ports).toHaveLength(1);
    expect(timers.delays).toEqual([10, 20, 40, 40]);
  });

  it('treats a port that dies before subscribe as dropped', () => {
    const ports: FakePort[] = [];
    const timers = manualTimers();
    const connection = connectPanel({
      tabId: 7,
      connect: () => {
        const port = new FakePort();
        port.failPost = ports.length === 0;
        ports.push(port);
        return port;
      },
      delays: [5],
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });
    expect(ports[0]?.disconnected).toBe(true);
    expect(ports[0]?.listenerCount()).toBe(0);
    timers.run();
    ports[1]?.push(state());
    expect(connection.status.value).toBe('connected');
  });

  it('sends requests only while connected', () => {
    const { connection, ports } = setup();
    expect(connection.send({ type: 'pause', tabId: 7 })).toBe(false);
    ports[0]?.push(state());
    expect(connection.send({ type: 'pause', tabId: 7 })).toBe(true);
    expect(ports[0]?.sent.at(-1)).toEqual({ type: 'pause', tabId: 7 });
  });

  it('stops for good on close: disconnects, removes listeners, cancels the retry', () => {
    const { connection, ports, timers } = setup();
    ports[0]?.drop();
    expect(timers.pending.size).toBe(1);
    connection.close();
    expect(timers.pending.size).toBe(0);
    const second = setup();
    second.connection.close();
    expect(second.ports[0]?.disconnected).toBe(true);
    expect(second.ports[0]?.listenerCount()).toBe(0);
    expect(second.timers.pending.size).toBe(0);
  });
});
