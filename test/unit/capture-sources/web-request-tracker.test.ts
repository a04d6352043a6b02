import { describe, expect, it } from 'vitest';
import { WebRequestTracker } from '../../../src/background/capture/web-request-tracker.js';

const T0 = 1_700_000_000_000;
const base = { requestId: '42', tabId: 3, method: 'POST', url: 'https://idp.example.com/token' };
const form = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('WebRequestTracker', () => {
  it('joins body, headers, status and response headers into one final observation', () => {
    const t = new WebRequestTracker();
    t.request({ ...base, timeStamp: T0, requestBody: { formData: { grant_type: ['authorization_code'] } } });
    t.sendHeaders({ ...base, timeStamp: T0 + 1, requestHeaders: [{ name: 'Authorization', value: 'Basic eDp5' }] });
    const obs = t.completed({ ...base, timeStamp: T0 + 9, statusCode: 200, statusLine: 'HTTP/1.1 200 OK', responseHeaders: [{ name: 'Content-Type', value: 'application/json' }] });
    expect(obs).toEqual({
      source: 'webRequest',
      key: 'wr:42',
      method: 'POST',
      url: 'https://idp.example.com/token',
      startedAt: T0,
      endedAt: T0 + 9,
      requestHeaders: [{ name: 'Authorization', value: 'Basic eDp5' }],
      requestForm: { grant_type: ['authorization_code'] },
      status: 200,
      statusText: 'OK',
      responseHeaders: [{ name: 'Content-Type', value: 'application/json' }],
    });
    expect(t.size).toBe(0);
  });

  it('gives a raw body the MIME type of the request headers', () => {
    const t = new WebRequestTracker();
    t.request({ ...base, timeStamp: T0, requestBody: { raw: [{ bytes: form('{"a":1}') }] } });
    t.sendHeaders({ ...base, timeStamp: T0, requestHeaders: [{ name: 'content-type', value: 'application/json' }] });
    const obs = t.completed({ ...base, timeStamp: T0, statusCode: 204 });
    expect(obs.requestBody).toEqual({ text: '{"a":1}', mimeType: 'application/json' });
  });

  it('reports each redirect hop with its Location and starts the next hop afresh', () => {
    const t = new WebRequestTracker();
    const authorize = { ...base, method: 'GET', url: 'https://idp.example.com/authorize?client_id=a' };
    t.request({ ...authorize, timeStamp: T0 });
    t.sendHeaders({ ...authorize, timeStamp: T0, requestHeaders: [{ name: 'Cookie', value: 's=1' }] });
    const hop = t.redirect({
      ...authorize,
      timeStamp: T0 + 3,
      statusCode: 302,
      redirectUrl: 'https://idp.example.com/login#x',
      responseHeaders: [{ name: 'Location', value: '/login#x' }],
    });
    expect(hop).toMatchObject({ key: 'wr:42#1', url: authorize.url, status: 302, redirectUrl: 'https://idp.example.com/login#x', startedAt: T0, endedAt: T0 + 3 });
    expect(hop.requestHeaders).toEqual([{ name: 'Cookie', value: 's=1' }]);
    const login = { ...authorize, url: 'https://idp.example.com/login' };
    t.request({ ...login, timeStamp: T0 + 4 });
    const second = t.redirect({ ...login, timeStamp: T0 + 5, statusCode: 303, redirectUrl: 'https://rp.example.com/cb?code=c&state=s' });
    expect(second).toMatchObject({ key: 'wr:42#2', url: login.url, status: 303, startedAt: T0 + 4 });
    expect(second.requestHeaders).toBeUndefined();
    const final = t.completed({ ...login, url: 'https://rp.example.com/cb?code=c&state=s', timeStamp: T0 + 8, statusCode: 200 });
    expect(final).toMatchObject({ key: 'wr:42', url: 'https://rp.example.com/cb?code=c&state=s', status: 200 });
  });

  it('ends a failed request with a note and no status', () => {
    const t = new WebRequestTracker();
    t.request({ ...base, timeStamp: T0 });
    const obs = t.failed({ ...base, timeStamp: T0 + 2, error: 'net::ERR_CONNECTION_REFUSED' });
    expect(obs).toMatchObject({ key: 'wr:42', notes: ['request failed: net::ERR_CONNECTION_REFUSED'], endedAt: T0 + 2 });
    expect(obs.status).toBeUndefined();
  });

  it('starts a record from a later event when the earlier ones were missed', () => {
    const t = new WebRequestTracker();
    const obs = t.completed({ ...base, timeStamp: T0 + 7, statusCode: 200 });
    expect(obs).toMatchObject({ key: 'wr:42', method: 'POST', url: base.url, startedAt: T0 + 7, status: 200 });
  });

  it('ignores a status of 0', () => {
    const t = new WebRequestTracker();
    expect(t.completed({ ...base, timeStamp: T0, statusCode: 0 }).status).toBeUndefined();
  });

  it('forgets the oldest requests beyond its limit', () => {
    const t = new WebRequestTracker(3);
    for (let i = 0; i < 5; i++) t.request({ ...base, requestId: String(i), timeStamp: T0 + i, requestBody: { formData: { n: [String(i)] } } });
    expect(t.size).toBe(3);
    // Request 0 was dropped: its completion starts from scratch, without the form.
    expect(t.completed({ ...base, requestId: '0', timeStamp: T0 + 9, statusCode: 200 }).requestForm).toBeUndefined();
    expect(t.completed({ ...base, requestId: '4', timeStamp: T0 + 9, statusCode: 200 }).requestForm).toEqual({ n: ['4'] });
  });

  it('forget drops a request without an observation', () => {
    const t = new WebRequestTracker();
    t.request({ ...base, timeStamp: T0 });
    t.forget('42');
    expect(t.size).toBe(0);
  });
});
