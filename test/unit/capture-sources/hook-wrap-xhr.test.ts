import { describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../../src/core/capture/observation.js';
import { wrapXhr, type XhrPrototype } from '../../../src/capture/hook/wrap-xhr.js';

const T0 = 1_700_000_000_000;
const env = { now: () => T0, baseUrl: () => 'https://rp.example.com/' };

/** A minimal XMLHttpRequest: records calls; `respond` sets the result and fires loadend. */
function fakeXhrClass() {
  const calls: { method: string; args: unknown[] }[] = [];
  class FakeXhr extends EventTarget {
    status = 0;
    statusText = '';
    responseType = '';
    responseURL = '';
    responseText = '';
    response: unknown = '';
    headerBlock = '';
    getAllResponseHeaders() {
      return this.headerBlock;
    }
    respond(values: Partial<FakeXhr>) {
      Object.assign(this, values);
      this.dispatchEvent(new Event('loadend'));
    }
  }
  const proto = FakeXhr.prototype as unknown as XhrPrototype & Record<string, unknown>;
  // `arguments`, not rest parameters: the tests check the exact argument list and the functions' lengths.
  proto.open = function open(this: unknown, _method: unknown, _url: unknown) {
    // eslint-disable-next-line prefer-rest-params
    calls.push({ method: 'open', args: [...arguments] });
    return 'open-result';
  };
  proto.setRequestHeader = function setRequestHeader(this: unknown, _name: unknown, _value: unknown) {
    // eslint-disable-next-line prefer-rest-params
    calls.push({ method: 'setRequestHeader', args: [...arguments] });
  };
  proto.send = function send(this: unknown, _body?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    calls.push({ method: 'send', args: [...arguments] });
    if ((this as { fail?: boolean }).fail) throw new DOMException('already sent', 'InvalidStateError');
  };
  return { FakeXhr, proto, calls };
}

function setup(wanted = (url: string) => url.startsWith('https://idp.example.com/')) {
  const fake = fakeXhrClass();
  const offered: Observation[] = [];
  const sink = { wants: vi.fn(wanted), offer: (o: Observation) => void offered.push(o) };
  wrapXhr(fake.proto, sink, env);
  return { ...fake, offered, sink };
}

describe('wrapXhr', () => {
  it('calls the originals with the same this and arguments and returns their results', () => {
    const { FakeXhr, calls } = setup();
    const xhr = new FakeXhr() as unknown as XMLHttpRequest;
    expect((xhr.open as (...a: unknown[]) => unknown)('GET', '/x', true)).toBe('open-result');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.send();
    expect(calls).toEqual([
      { method: 'open', args: ['GET', '/x', true] },
      { method: 'setRequestHeader', args: ['Accept', 'application/json'] },
      { method: 'send', args: [] },
    ]);
  });

  it('keeps the names and lengths of the originals', () => {
    const { proto } = setup();
    expect(proto.open.name).toBe('open');
    expect(proto.open.length).toBe(2);
    expect(proto.send.length).toBe(1);
  });

  it('offers a text exchange after loadend', () => {
    const { FakeXhr, offered } = setup();
    const xhr = new FakeXhr();
    const x = xhr as unknown as XMLHttpRequest;
    x.open('POST', 'https://idp.example.com/token');
    x.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
    x.send('grant_type=refresh_token');
    expect(offered).toEqual([]);
    xhr.respond({
      status: 200,
      statusText: 'OK',
      responseText: '{"access_token":"a"}',
      headerBlock: 'content-type: application/json\r\ncache-control: no-store\r\n',
    });
    expect(offered).toEqual([
      {
        source: 'page-hook',
        method: 'POST',
        url: 'https://idp.example.com/token',
        startedAt: T0,
        endedAt: T0,
        requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
        requestBody: { text: 'grant_type=refresh_token' },
        status: 200,
        statusText: 'OK',
        responseHeaders: [
          { name: 'content-type', value: 'application/json' },
          { name: 'cache-control', value: 'no-store' },
        ],
        responseBody: { text: '{"access_token":"a"}', mimeType: 'application/json' },
      },
    ]);
  });

  it.each<[string, string, string, string | undefined]>([
    ['a POST answered with 303 is the GET webRequest reports for the final URL', 'POST', 'https://idp.example.com/final', 'GET'],
    ['a PUT redirected keeps its method', 'PUT', 'https://idp.example.com/final', 'PUT'],
    ['a GET redirected stays GET', 'GET', 'https://idp.example.com/final', 'GET'],
    ['a URL whose fragment the response URL leaves out was not redirected', 'POST', 'https://idp.example.com/token', undefined],
  ])('redirects (issue 3 review): %s', (_name, method, responseURL, finalMethod) => {
    const { FakeXhr, offered } = setup();
    const xhr = new FakeXhr();
    const x = xhr as unknown as XMLHttpRequest;
    x.open(method, 'https://idp.example.com/token#frag');
    x.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
    x.setRequestHeader('Authorization', 'Basic eDp5');
    x.send('grant_type=client_credentials');
    xhr.respond({ status: 200, responseURL, responseText: '{}' });
    const [obs] = offered;
    if (finalMethod === undefined) {
      expect(obs).toMatchObject({ method, url: 'https://idp.example.com/token#frag', requestBody: { text: 'grant_type=client_credentials' } });
      expect(obs!.notes).toBeUndefined();
      return;
    }
    expect(obs).toMatchObject({ method: finalMethod, url: responseURL });
    expect(obs!.notes?.[0]).toContain('redirected from');
    if (finalMethod === 'GET' && method === 'POST') {
      expect(obs!.requestBody).toBeUndefined();
      expect(obs!.requestHeaders).toEqual([{ name: 'Authorization', value: 'Basic eDp5' }]);
    }
  });

  it('re-serialises a JSON response with a note', () => {
    const { FakeXhr, offered } = setup();
    const xhr = new FakeXhr();
    const x = xhr as unknown as XMLHttpRequest;
    x.open('GET', 'https://idp.example.com/userinfo');
    x.send();
    xhr.respond({ status: 200, responseType: 'json', response: { sub: 'u1' } });
    expect(offered[0]?.responseBody).toEqual({ text: '{"sub":"u1"}' });
    expect(offered[0]?.notes?.[0]).toMatch(/re-serialised/);
  });

  it.each(['blob', 'arraybuffer', 'document'])('does not read a %s response', (responseType) => {
    const { FakeXhr, offered } = setup();
    const xhr = new FakeXhr();
    const x = xhr as unknown as XMLHttpRequest;
    x.open('GET', 'https://idp.example.com/x');
    x.send();
    Object.defineProperty(xhr, 'responseText', {
      get() {
        throw new DOMException('not text', 'InvalidStateError');
      },
    });
    xhr.respond({ status: 200, responseType });
    expect(offered[0]?.responseBody).toBeUndefined();
    expect(offered[0]?.notes).toEqual([`response body not read by the page hook (responseType "${responseType}")`]);
  });

  it('notes a request without response', () => {
    const { FakeXhr, offered } = setup();
    const xhr = new FakeXhr();
    const x = xhr as unknown as XMLHttpRequest;
    x.open('GET', 'https://idp.example.com/x');
    x.send();
    xhr.respond({ status: 0 });
    expect(offered[0]?.status).toBeUndefined();
    expect(offered[0]?.notes).toEqual(['no response (network error, abort, timeout or CORS)']);
  });

  it('ignores URLs the sink does not want', () => {
    const { FakeXhr, offered } = setup();
    const xhr = new FakeXhr();
    const x = xhr as unknown as XMLHttpRequest;
    x.open('GET', '/relative/on/rp');
    x.send();
    xhr.respond({ status: 200, responseText: 'x' });
    expect(offered).toEqual([]);
  });

  it('offers one exchange when the page calls send twice (the second throws as before)', () => {
    const { FakeXhr, offered } = setup();
    const xhr = new FakeXhr();
    const x = xhr as unknown as XMLHttpRequest;
    x.open('GET', 'https://idp.example.com/x');
    x.send();
    (xhr as unknown as { fail: boolean }).fail = true;
    expect(() => x.send()).toThrow('already sent');
    xhr.respond({ status: 200, responseText: 'x' });
    expect(offered).toHaveLength(1);
  });

  it('keeps the page\'s open working when the hook cannot parse the URL, and records nothing', () => {
    const { FakeXhr, offered, calls } = setup();
    const xhr = new FakeXhr();
    const x = xhr as unknown as XMLHttpRequest;
    expect(() => x.open('GET', 'http://[bad')).not.toThrow();
    expect(calls.map((c) => c.method)).toEqual(['open']);
    x.send();
    xhr.respond({ status: 200 });
    expect(offered).toEqual([]);
  });

  it('lets an exception of the original open through unchanged', () => {
    const error = new DOMException('bad method', 'SyntaxError');
    const fake = fakeXhrClass();
    fake.proto.open = () => {
      throw error;
    };
    wrapXhr(fake.proto, { wants: () => true, offer: () => undefined }, env);
    const x = new fake.FakeXhr() as unknown as XMLHttpRequest;
    expect(() => x.open('G ET', 'https://idp.example.com/')).toThrow(error);
  });
});
