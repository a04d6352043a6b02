/**
 * What the relay passes on of the hook's exchanges (relay/keep.ts): well-formed ones, while capture is on. It
 * never learns the configured domains (issue 10 §3): the worker keeps what is on them.
 */
import { describe, expect, it } from 'vitest';
import { keepObservation } from '../../../src/capture/relay/keep.js';

const T0 = 1_700_000_000_000;
const obs = (url: unknown, extra: Record<string, unknown> = {}) => ({ source: 'page-hook', method: 'post', url, startedAt: T0, ...extra });

describe('keepObservation', () => {
  it.each<[string, unknown, boolean | undefined, string | undefined]>([
    ['while capture is on', obs('https://idp.example.com/token'), true, 'https://idp.example.com/token'],
    ['a third party the page calls (the worker judges the domain)', obs('https://cdn.example.net/app.json'), true, 'https://cdn.example.net/app.json'],
    ['before the worker answered', obs('https://idp.example.com/token'), undefined, undefined],
    ['with capture off', obs('https://idp.example.com/token'), false, undefined],
    ['a URL that is not a string', obs(42), true, undefined],
    ['not http(s)', obs('blob:https://idp.example.com/x'), true, undefined],
    ['malformed (a bad time)', obs('https://idp.example.com/token', { startedAt: 'now' }), true, undefined],
    ['not an object', 'https://idp.example.com/token', true, undefined],
    ['null', null, true, undefined],
  ])('%s', (_name, value, capture, url) => {
    expect(keepObservation(value, capture)?.url).toBe(url);
  });

  it('sanitises what it keeps: source forced, method upper case, no key', () => {
    expect(keepObservation(obs('https://idp.example.com/token', { source: 'webRequest', key: 'wr:1' }), true)).toEqual({
      source: 'page-hook',
      method: 'POST',
      url: 'https://idp.example.com/token',
      startedAt: T0,
    });
  });
});
