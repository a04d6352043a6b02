/**
 * Issue 10 §3: which exchanges the panel marks unconfirmed (core/capture/browser-seen.ts): page-hook reports
 * with no request the browser itself saw behind them.
 */
import { describe, expect, it } from 'vitest';
import { browserSaw, unconfirmedPageReport } from '../../../src/core/capture/browser-seen.js';
import type { Exchange } from '../../../src/core/model.js';

const exchange = (seenBy: Exchange['seenBy']): Exchange => ({ id: 'x', method: 'GET', url: 'https://idp.example.com/token', requestHeaders: [], responseHeaders: [], startedAt: 1, seenBy });

describe('unconfirmedPageReport', () => {
  it.each<[string, Exchange['seenBy'], boolean]>([
    ['the page hook alone', { request: ['page-hook'], responseBody: ['page-hook'] }, true],
    ['the page hook, a body from the response filter but no browser-seen request (not possible, still unconfirmed)', { request: ['page-hook'], responseBody: ['filterResponseData'] }, true],
    ['the page hook and webRequest', { request: ['page-hook', 'webRequest'], responseBody: ['page-hook'] }, false],
    ['the page hook and DevTools', { request: ['devtools', 'page-hook'] }, false],
    ['the page hook and the debugger', { request: ['debugger', 'page-hook'] }, false],
    ['webRequest alone', { request: ['webRequest'] }, false],
    ['a HAR import', { request: ['har'], responseBody: ['har'] }, false],
    ['a file', { request: ['file'] }, false],
    ['no request part at all', {}, false],
  ])('%s: %s', (_name, seenBy, expected) => {
    expect(unconfirmedPageReport(exchange(seenBy))).toBe(expected);
  });

  it('counts only the browser sources as the browser', () => {
    expect(browserSaw(exchange({ responseBody: ['page-hook', 'har', 'file'] }), 'responseBody')).toBe(false);
    expect(browserSaw(exchange({ responseBody: ['filterResponseData'] }), 'responseBody')).toBe(true);
  });
});
