import { describe, expect, it } from 'vitest';
import { DebuggerTracker, cdpHeaders } from '../../../src/background/capture/debugger-tracker.js';

const WALL = 1_700_000_000; // seconds, as CDP's wallTime
const wanted = (url: string) => url.startsWith('https://idp.example.com/');
const tracker = () => new DebuggerTracker(wanted, () => 42);

const willBeSend = (requestId: string, url: string, extra: Record<string, unknown> = {}) => ({
  requestId,
  wallTime: WALL,
  timestamp: 100,
  request: { url, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, postData: 'grant_type=x' },
  ...extra,
});

describe('DebuggerTracker', () => {
  it('asks for the body of a finished request, with request and response parts', () => {
    const t = tracker();
    expect(t.event('Network.requestWillBeSent', willBeSend('1', 'https://idp.example.com/token'))).toBeUndefined();
    t.event('Network.responseReceived', { requestId: '1', response: { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' } } });
    const action = t.event('Network.loadingFinished', { requestId: '1', timestamp: 100.25 });
    expect(action).toEqual({
      type: 'fetch-body',
      requestId: '1',
      requestBodyMissing: false,
      observation: {
        source: 'debugger',
        key: 'dbg:1',
        method: 'POST',
        url: 'https://idp.example.com/token',
        startedAt: WALL * 1000,
        endedAt: WALL * 1000 + 250,
        requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
        requestBody: { text: 'grant_type=x' },
        status: 200,
        statusText: 'OK',
        responseHeaders: [{ name: 'content-type', value: 'application/json' }],
      },
    });
    expect(t.size).toBe(0);
  });

  it('ignores URLs outside the configured domains', () => {
    const t = tracker();
    t.event('Network.requestWillBeSent', willBeSend('2', 'https://cdn.example.net/x.js'));
    expect(t.size).toBe(0);
    expect(t.event('Network.loadingFinished', { requestId: '2', timestamp: 101 })).toBeUndefined();
  });

  it('records each redirect hop and keeps following the request', () => {
    const t = tracker();
    t.event('Network.requestWillBeSent', willBeSend('3', 'https://idp.example.com/authorize'));
    const hop = t.event(
      'Network.requestWillBeSent',
      willBeSend('3', 'https://idp.example.com/login', { timestamp: 100.5, redirectResponse: { status: 302, headers: { Location: '/login' } } }),
    );
    expect(hop).toMatchObject({
      type: 'record',
      observation: { key: 'dbg:3#1', url: 'https://idp.example.com/authorize', status: 302, redirectUrl: 'https://idp.example.com/login', endedAt: WALL * 1000 + 500 },
    });
    const last = t.event('Network.loadingFinished', { requestId: '3', timestamp: 101 });
    expect(last).toMatchObject({ type: 'fetch-body', observation: { key: 'dbg:3', url: 'https://idp.example.com/login' } });
  });

  it('records the last wanted hop when a redirect leaves the configured domains', () => {
    const t = tracker();
    t.event('Network.requestWillBeSent', willBeSend('4', 'https://idp.example.com/authorize'));
    const next = willBeSend('4', 'https://rp.example.org/cb', { redirectResponse: { status: 302 } });
    const hop = t.event('Network.requestWillBeSent', { ...next, request: { ...next.request, urlFragment: '#code=c' } });
    expect(hop).toMatchObject({ type: 'record', observation: { redirectUrl: 'https://rp.example.org/cb#code=c' } });
    expect(t.size).toBe(0);
  });

  it('records a failed request with a note', () => {
    const t = tracker();
    t.event('Network.requestWillBeSent', willBeSend('5', 'https://idp.example.com/token'));
    expect(t.event('Network.loadingFailed', { requestId: '5', errorText: 'net::ERR_FAILED' })).toMatchObject({
      type: 'record',
      observation: { notes: ['request failed: net::ERR_FAILED'] },
    });
    t.event('Network.requestWillBeSent', willBeSend('6', 'https://idp.example.com/token'));
    expect(t.event('Network.loadingFailed', { requestId: '6', canceled: true })).toMatchObject({ observation: { notes: ['request failed: canceled'] } });
  });

  it('says when the request body must be fetched separately', () => {
    const t = tracker();
    const event = willBeSend('7', 'https://idp.example.com/token');
    t.event('Network.requestWillBeSent', { ...event, request: { ...event.request, postData: undefined, hasPostData: true } });
    expect(t.event('Network.loadingFinished', { requestId: '7' })).toMatchObject({ requestBodyMissing: true });
  });

  it('uses its clock when the event has no wall time', () => {
    const t = tracker();
    t.event('Network.requestWillBeSent', { ...willBeSend('8', 'https://idp.example.com/x'), wallTime: undefined });
    expect(t.event('Network.loadingFinished', { requestId: '8' })).toMatchObject({ observation: { startedAt: 42, endedAt: 42 } });
  });

  it.each<[string, string, unknown]>([
    ['no params', 'Network.requestWillBeSent', undefined],
    ['a string', 'Network.requestWillBeSent', 'x'],
    ['no requestId', 'Network.requestWillBeSent', { request: { url: 'https://idp.example.com/', method: 'GET' } }],
    ['no request', 'Network.requestWillBeSent', { requestId: '9' }],
    ['a request without method', 'Network.requestWillBeSent', { requestId: '9', request: { url: 'https://idp.example.com/' } }],
    ['an unknown finished request', 'Network.loadingFinished', { requestId: 'nope' }],
    ['another domain', 'Page.frameNavigated', { requestId: '9' }],
  ])('ignores %s', (_name, method, params) => {
    const t = tracker();
    expect(t.event(method, params)).toBeUndefined();
    expect(t.size).toBe(0);
  });

  it('forgets the oldest requests beyond its limit', () => {
    const t = new DebuggerTracker(wanted, () => 0, 2);
    for (const id of ['a', 'b', 'c']) t.event('Network.requestWillBeSent', willBeSend(id, 'https://idp.example.com/x'));
    expect(t.size).toBe(2);
    expect(t.event('Network.loadingFinished', { requestId: 'a' })).toBeUndefined();
  });
});

describe('cdpHeaders', () => {
  it.each<[unknown, { name: string; value: string }[]]>([
    [{ a: '1', 'Set-Cookie': 'x=1\ny=2' }, [{ name: 'a', value: '1' }, { name: 'Set-Cookie', value: 'x=1' }, { name: 'Set-Cookie', value: 'y=2' }]],
    [{ a: 1 }, []],
    [null, []],
    [['a'], []],
  ])('%j', (value, expected) => {
    expect(cdpHeaders(value)).toEqual(expected);
  });
});
