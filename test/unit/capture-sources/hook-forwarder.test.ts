import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/core/capture/observation.js';
import { createForwarder } from '../../../src/capture/hook/forwarder.js';
import { HOOK_TAG, isConfigMessage, isHookMessage } from '../../../src/capture/hook-protocol.js';
import { createBatcher } from '../../../src/capture/relay/batcher.js';

const obs = (url: string): Observation => ({ source: 'page-hook', method: 'GET', url, startedAt: 1 });

describe('createForwarder', () => {
  it('keeps exchanges until configured, then forwards only those on the domains', () => {
    const posted: string[] = [];
    const f = createForwarder((o) => posted.push(o.url));
    expect(f.wants('https://anything.example/')).toBe(true);
    f.offer(obs('https://idp.example.com/token'));
    f.offer(obs('https://cdn.example.net/x.js'));
    expect(posted).toEqual([]);
    f.configure(['idp.example.com']);
    expect(posted).toEqual(['https://idp.example.com/token']);
    f.offer(obs('https://idp.example.com/userinfo'));
    f.offer(obs('https://cdn.example.net/y.js'));
    expect(posted).toEqual(['https://idp.example.com/token', 'https://idp.example.com/userinfo']);
    expect(f.wants('https://cdn.example.net/y.js')).toBe(false);
    expect(f.wants('https://idp.example.com/a')).toBe(true);
  });

  it('keeps at most max exchanges before the configuration, dropping the oldest', () => {
    const posted: string[] = [];
    const f = createForwarder((o) => posted.push(o.url), 2);
    for (const n of [1, 2, 3]) f.offer(obs(`https://idp.example.com/${n}`));
    f.configure(['idp.example.com']);
    expect(posted).toEqual(['https://idp.example.com/2', 'https://idp.example.com/3']);
  });

  it('forwards nothing with an empty or unparsable list', () => {
    const posted: string[] = [];
    const f = createForwarder((o) => posted.push(o.url));
    f.offer(obs('https://idp.example.com/token'));
    f.configure(['', 'https://', 'not a domain/']);
    f.offer(obs('https://idp.example.com/token'));
    expect(posted).toEqual([]);
    expect(f.wants('https://idp.example.com/token')).toBe(false);
  });
});

describe('hook messages', () => {
  it.each<[string, unknown, boolean, boolean]>([
    ['an observation', { tag: HOOK_TAG, kind: 'observation', observation: {} }, true, false],
    ['hello', { tag: HOOK_TAG, kind: 'hello' }, true, false],
    ['a config', { tag: HOOK_TAG, kind: 'config', domains: ['a.example'] }, false, true],
    ['a config with a non-string domain', { tag: HOOK_TAG, kind: 'config', domains: ['a', 1] }, false, false],
    ['a config without a list', { tag: HOOK_TAG, kind: 'config', domains: 'a' }, false, false],
    ['an observation that is a string', { tag: HOOK_TAG, kind: 'observation', observation: 'x' }, false, false],
    ['another tag', { tag: 'other', kind: 'hello' }, false, false],
    ['no tag', { kind: 'hello' }, false, false],
    ['an unknown kind', { tag: HOOK_TAG, kind: 'eval' }, false, false],
    ['a string', HOOK_TAG, false, false],
    ['null', null, false, false],
  ])('%s', (_name, data, hook, config) => {
    expect(isHookMessage(data)).toBe(hook);
    expect(isConfigMessage(data)).toBe(config);
  });
});

describe('createBatcher', () => {
  function setup(size = 3) {
    const sent: number[][] = [];
    const timers: (() => void)[] = [];
    const b = createBatcher<number>((items) => sent.push(items), size, 50, (fn) => void timers.push(fn));
    return { b, sent, timers };
  }

  it('sends a full batch at once', () => {
    const { b, sent } = setup();
    [1, 2, 3, 4].forEach((n) => b.add(n));
    expect(sent).toEqual([[1, 2, 3]]);
  });

  it('sends a partial batch when its timer fires, once', () => {
    const { b, sent, timers } = setup();
    b.add(1);
    b.add(2);
    expect(timers).toHaveLength(1);
    timers[0]!();
    timers[0]!();
    expect(sent).toEqual([[1, 2]]);
  });

  it('flush sends what waits and nothing when empty', () => {
    const { b, sent } = setup();
    b.flush();
    b.add(1);
    b.flush();
    expect(sent).toEqual([[1]]);
  });
});
