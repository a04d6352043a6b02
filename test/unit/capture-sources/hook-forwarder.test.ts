import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/core/capture/observation.js';
import { createForwarder } from '../../../src/capture/hook/forwarder.js';
import { HOOK_TAG, isConfigMessage, isHello, isObservationMessage, isPortOffer, isReadyMessage } from '../../../src/capture/hook-protocol.js';
import { createBatcher } from '../../../src/capture/relay/batcher.js';

const obs = (url: string): Observation => ({ source: 'page-hook', method: 'GET', url, startedAt: 1 });

describe('createForwarder', () => {
  it('keeps exchanges until configured, then forwards every one while capture is on', () => {
    const posted: string[] = [];
    const f = createForwarder((o) => posted.push(o.url));
    expect(f.wants('https://anything.example/')).toBe(true);
    f.offer(obs('https://idp.example.com/token'));
    f.offer(obs('https://cdn.example.net/x.js'));
    expect(posted).toEqual([]);
    f.configure(true);
    // No domain filter in the hook: the relay keeps what is on the configured domains.
    expect(posted).toEqual(['https://idp.example.com/token', 'https://cdn.example.net/x.js']);
    f.offer(obs('https://idp.example.com/userinfo'));
    expect(posted).toEqual(['https://idp.example.com/token', 'https://cdn.example.net/x.js', 'https://idp.example.com/userinfo']);
    expect(f.wants('https://cdn.example.net/y.js')).toBe(true);
  });

  it('keeps at most max exchanges before the configuration, dropping the oldest', () => {
    const posted: string[] = [];
    const f = createForwarder((o) => posted.push(o.url), 2);
    for (const n of [1, 2, 3]) f.offer(obs(`https://idp.example.com/${n}`));
    f.configure(true);
    expect(posted).toEqual(['https://idp.example.com/2', 'https://idp.example.com/3']);
  });

  it('drops what it kept, forwards nothing and wants nothing once capture is off', () => {
    const posted: string[] = [];
    const f = createForwarder((o) => posted.push(o.url));
    f.offer(obs('https://idp.example.com/token'));
    f.configure(false);
    f.offer(obs('https://idp.example.com/token'));
    expect(posted).toEqual([]);
    expect(f.wants('https://idp.example.com/token')).toBe(false);
    f.configure(true);
    f.offer(obs('https://idp.example.com/again'));
    expect(posted).toEqual(['https://idp.example.com/again']);
  });
});

describe('hook messages', () => {
  it.each<[string, unknown, string[]]>([
    ['a port offer', { tag: HOOK_TAG, kind: 'port' }, ['offer']],
    ['hello', { tag: HOOK_TAG, kind: 'hello' }, ['hello']],
    ['an observation', { kind: 'observation', observation: {} }, ['observation']],
    ['a config', { kind: 'config', capture: true }, ['config']],
    ['a config off', { kind: 'config', capture: false }, ['config']],
    ['ready', { kind: 'ready' }, ['ready']],
    ['a config with the old domain list', { tag: HOOK_TAG, kind: 'config', domains: ['a.example'] }, []],
    ['a config with a string', { kind: 'config', capture: 'yes' }, []],
    ['an observation that is a string', { kind: 'observation', observation: 'x' }, []],
    ['an observation that is null', { kind: 'observation', observation: null }, []],
    ['an offer with another tag', { tag: 'other', kind: 'port' }, []],
    ['an offer without a tag', { kind: 'port' }, []],
    ['hello without a tag', { kind: 'hello' }, []],
    ['an unknown kind', { tag: HOOK_TAG, kind: 'eval' }, []],
    ['a string', HOOK_TAG, []],
    ['null', null, []],
  ])('%s', (_name, data, kinds) => {
    const found = [
      isPortOffer(data) && 'offer',
      isHello(data) && 'hello',
      isObservationMessage(data) && 'observation',
      isConfigMessage(data) && 'config',
      isReadyMessage(data) && 'ready',
    ].filter(Boolean);
    expect(found).toEqual(kinds);
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
