/** What the relay passes on of the hook's exchanges (relay/keep.ts): only well-formed ones on configured domains. */
import { describe, expect, it } from 'vitest';
import { keepObservation } from '../../../src/capture/relay/keep.js';
import { parseDomains } from '../../../src/shared/domains.js';

const T0 = 1_700_000_000_000;
const domains = parseDomains(['idp.example.com', 'localhost:3000']);
const obs = (url: unknown, extra: Record<string, unknown> = {}) => ({ source: 'page-hook', method: 'post', url, startedAt: T0, ...extra });

describe('keepObservation', () => {
  it.each<[string, unknown, readonly ReturnType<typeof parseDomains>[number][] | undefined, string | undefined]>([
    ['on a configured domain', obs('https://idp.example.com/token'), domains, 'https://idp.example.com/token'],
    ['on a configured host and port', obs('http://localhost:3000/api'), domains, 'http://localhost:3000/api'],
    ['before the domains are known', obs('https://idp.example.com/token'), undefined, undefined],
    ['with no domain configured', obs('https://idp.example.com/token'), [], undefined],
    ['off the domains (a third party the page calls)', obs('https://cdn.example.net/app.json'), domains, undefined],
    ['on the host but another port', obs('http://localhost:3001/api'), domains, undefined],
    ['a URL that is not a string', obs(42), domains, undefined],
    ['not http(s)', obs('blob:https://idp.example.com/x'), domains, undefined],
    ['malformed (a bad time)', obs('https://idp.example.com/token', { startedAt: 'now' }), domains, undefined],
    ['not an object', 'https://idp.example.com/token', domains, undefined],
    ['null', null, domains, undefined],
  ])('%s', (_name, value, list, url) => {
    expect(keepObservation(value, list)?.url).toBe(url);
  });

  it('sanitises what it keeps: source forced, method upper case, no key', () => {
    expect(keepObservation(obs('https://idp.example.com/token', { source: 'webRequest', key: 'wr:1' }), domains)).toEqual({
      source: 'page-hook',
      method: 'POST',
      url: 'https://idp.example.com/token',
      startedAt: T0,
    });
  });
});
