import { describe, expect, it } from 'vitest';
import { createSettingsGate } from '../../../src/background/capture/settings-gate.js';
import type { Domain } from '../../../src/shared/domains.js';

/** A schedule that runs timers only when told to, in order. */
function manualClock() {
  const timers: (() => void)[] = [];
  return {
    schedule: (fn: () => void) => void timers.push(fn),
    tick(times = 1) {
      for (let i = 0; i < times; i++) timers.shift()?.();
    },
    get pending() {
      return timers.length;
    },
  };
}

const DOMAIN: Domain = { host: 'idp.example.com', subdomains: false };

describe('createSettingsGate', () => {
  it('runs at once when the domains are known', () => {
    const clock = manualClock();
    const gate = createSettingsGate({ domains: () => [DOMAIN] }, 100, clock.schedule);
    const ran: number[] = [];
    gate.run(() => ran.push(1));
    expect(ran).toEqual([1]);
    expect(gate.isOpen()).toBe(true);
    expect(clock.pending).toBe(0);
  });

  it('holds callbacks in order until the domains arrive', () => {
    const clock = manualClock();
    let domains: Domain[] = [];
    const gate = createSettingsGate({ domains: () => domains }, 1000, clock.schedule);
    const ran: number[] = [];
    gate.run(() => ran.push(1));
    gate.run(() => ran.push(2));
    clock.tick();
    expect(ran).toEqual([]);
    domains = [DOMAIN];
    // A callback arriving now still waits behind the queued ones.
    gate.run(() => ran.push(3));
    expect(ran).toEqual([]);
    clock.tick();
    expect(ran).toEqual([1, 2, 3]);
    gate.run(() => ran.push(4));
    expect(ran).toEqual([1, 2, 3, 4]);
  });

  it('opens after the wait when no domains come, and stays open', async () => {
    const clock = manualClock();
    const gate = createSettingsGate({ domains: () => [] }, 100, clock.schedule);
    const ran: number[] = [];
    gate.run(() => ran.push(1));
    const opened = gate.opened();
    clock.tick(4);
    expect(ran).toEqual([]);
    clock.tick(1);
    expect(ran).toEqual([1]);
    await opened;
    gate.run(() => ran.push(2));
    expect(ran).toEqual([1, 2]);
  });

  it('keeps at most max callbacks, dropping the oldest', () => {
    const clock = manualClock();
    let domains: Domain[] = [];
    const gate = createSettingsGate({ domains: () => domains }, 1000, clock.schedule, 2);
    const ran: number[] = [];
    for (let i = 1; i <= 4; i++) gate.run(() => ran.push(i));
    domains = [DOMAIN];
    clock.tick();
    expect(ran).toEqual([3, 4]);
  });

  it('goes on after a callback throws', () => {
    const clock = manualClock();
    let domains: Domain[] = [];
    const gate = createSettingsGate({ domains: () => domains }, 1000, clock.schedule);
    const ran: number[] = [];
    gate.run(() => {
      throw new Error('boom');
    });
    gate.run(() => ran.push(2));
    domains = [DOMAIN];
    clock.tick();
    expect(ran).toEqual([2]);
  });
});
