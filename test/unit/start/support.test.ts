import { describe, expect, it } from 'vitest';
import { Cleanup } from '../../../scripts/start/cleanup.js';
import { firstLine, phase, StartError } from '../../../scripts/start/phase.js';

describe('Cleanup', () => {
  it('closes newest first, once, ignoring failures', async () => {
    const order: string[] = [];
    const cleanup = new Cleanup();
    cleanup.add(async () => void order.push('servers'));
    cleanup.add(async () => {
      order.push('browser');
      throw new Error('already closed');
    });
    cleanup.add(async () => void order.push('filter'));
    await Promise.all([cleanup.run(), cleanup.run()]);
    await cleanup.run();
    expect(order).toEqual(['filter', 'browser', 'servers']);
  });

  it('runs a closer added after the run began (a launch that ended after Ctrl+C) at once', async () => {
    const order: string[] = [];
    const cleanup = new Cleanup();
    cleanup.add(async () => void order.push('servers'));
    await cleanup.run();
    cleanup.add(async () => void order.push('late browser'));
    await cleanup.run();
    expect(order).toEqual(['servers', 'late browser']);
  });
});

describe('phase', () => {
  it.each([
    [new Error('page.goto: net::ERR_CONNECTION_REFUSED at http://x/\nCall log:\n  - navigating'), 'net::ERR_CONNECTION_REFUSED at http://x/'],
    [new Error('\n\nError: boom\nmore'), 'boom'],
    [new Error(''), 'unknown error'],
    ['plain text', 'plain text'],
    [42, '42'],
  ])('firstLine(%j) is %j', (error, line) => {
    expect(firstLine(error)).toBe(line);
  });

  it('names the phase in one line and keeps the cause', async () => {
    const cause = new Error('locator.fill: Timeout 30000ms exceeded.\nCall log: ...');
    const failed = phase('logging in at the demo provider', () => Promise.reject(cause));
    await expect(failed).rejects.toThrow(StartError);
    await expect(failed).rejects.toMatchObject({ code: 'ERR_START_PHASE', message: 'logging in at the demo provider: Timeout 30000ms exceeded.', cause });
  });

  it('passes an inner StartError through and results through', async () => {
    await expect(phase('outer', () => phase('inner', () => Promise.reject(new Error('x'))))).rejects.toThrow(/^inner: x$/);
    await expect(phase('sync', () => 7)).resolves.toBe(7);
    expect(new StartError('no Chromium found').message).toBe('no Chromium found');
  });
});
