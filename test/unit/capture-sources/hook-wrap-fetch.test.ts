import { describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../../src/core/capture/observation.js';
import type { HookSink } from '../../../src/capture/hook/forwarder.js';
import { wrapFetch, type HookEnv } from '../../../src/capture/hook/wrap-fetch.js';

const T0 = 1_700_000_000_000;
const env: HookEnv = { now: () => T0, baseUrl: () => 'https://rp.example.com/app/page' };
const TOKEN = '{"access_token":"at","token_type":"Bearer"}';

/** A sink that wants URLs on idp.example.com and resolves `next` with the first exchange offered. */
function sink(wanted = (url: string) => url.startsWith('https://idp.example.com/')) {
  let resolve!: (o: Observation) => void;
  const next = new Promise<Observation>((r) => (resolve = r));
  const offered: Observation[] = [];
  const s: HookSink = {
    wants: vi.fn(wanted),
    offer: vi.fn((o: Observation) => {
      offered.push(o);
      resolve(o);
    }),
  };
  return { s, next, offered };
}

const json = (body: string, init: ResponseInit = {}) =>
  new Response(body, { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, ...init });

/** Lets every pending callback and stream read run (used only to show something did NOT happen). */
const settle = () => new Promise((r) => setImmediate(r));

describe('wrapFetch', () => {
  it('returns the very promise of the original, called with the same this and arguments', async () => {
    const response = json(TOKEN);
    const promise = Promise.resolve(response);
    const original = vi.fn(function (this: unknown, ..._args: unknown[]) {
      return promise;
    });
    const { s } = sink();
    const wrapped = wrapFetch(original as unknown as typeof fetch, s, env);
    const self = { marker: true };
    const init = { method: 'POST', body: 'a=b' };
    const result = wrapped.call(self, 'https://idp.example.com/token', init);
    expect(result).toBe(promise);
    expect(original).toHaveBeenCalledTimes(1);
    expect(original.mock.contexts[0]).toBe(self);
    expect(original.mock.calls[0]).toEqual(['https://idp.example.com/token', init]);
    expect(original.mock.calls[0]![1]).toBe(init);
  });

  it('keeps the length of the original', () => {
    const original = function fetch(_input: unknown) {
      return Promise.resolve(new Response(''));
    };
    expect(wrapFetch(original as unknown as typeof fetch, sink().s, env).length).toBe(1);
  });

  it('copies a token exchange while the page still reads the whole body', async () => {
    const original = vi.fn(() => Promise.resolve(json(TOKEN, { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } })));
    const { s, next } = sink();
    const wrapped = wrapFetch(original as unknown as typeof fetch, s, env);
    const body = new URLSearchParams({ grant_type: 'authorization_code', code: 'c1' });
    const response = await wrapped('https://idp.example.com/token', { method: 'post', body, headers: { Authorization: 'Basic eDp5' } });
    expect(await response.text()).toBe(TOKEN);
    const obs = await next;
    expect(obs).toMatchObject({
      source: 'page-hook',
      method: 'POST',
      url: 'https://idp.example.com/token',
      startedAt: T0,
      endedAt: T0,
      requestHeaders: [{ name: 'authorization', value: 'Basic eDp5' }],
      requestBody: { text: 'grant_type=authorization_code&code=c1' },
      requestForm: { grant_type: ['authorization_code'], code: ['c1'] },
      status: 200,
      statusText: 'OK',
      responseBody: { text: TOKEN, mimeType: 'application/json' },
    });
    expect(obs.responseHeaders).toContainEqual({ name: 'cache-control', value: 'no-store' });
    expect(obs.notes).toBeUndefined();
  });

  it('lets the page read the body first in its own callback', async () => {
    const original = () => Promise.resolve(json(TOKEN));
    const { s, next } = sink();
    const wrapped = wrapFetch(original as unknown as typeof fetch, s, env);
    const text = await wrapped('https://idp.example.com/token').then((r) => r.text());
    expect(text).toBe(TOKEN);
    expect((await next).responseBody?.text).toBe(TOKEN);
  });

  it('resolves relative URLs against the document', async () => {
    const { s, next } = sink((url) => url.startsWith('https://rp.example.com/'));
    const wrapped = wrapFetch((() => Promise.resolve(json('{}'))) as unknown as typeof fetch, s, env);
    await wrapped('../api/me');
    expect((await next).url).toBe('https://rp.example.com/api/me');
  });

  it('does not read or offer exchanges the sink does not want', async () => {
    const response = json(TOKEN);
    const clone = vi.spyOn(response, 'clone');
    const { s, offered } = sink();
    const wrapped = wrapFetch((() => Promise.resolve(response)) as unknown as typeof fetch, s, env);
    const got = await wrapped('https://cdn.example.net/lib.js');
    expect(got).toBe(response);
    await settle();
    expect(s.wants).toHaveBeenCalledWith('https://cdn.example.net/lib.js');
    expect(clone).not.toHaveBeenCalled();
    expect(offered).toEqual([]);
  });

  it('passes a rejection through unchanged and offers the failure', async () => {
    const error = new TypeError('Failed to fetch');
    const { s, next } = sink();
    const wrapped = wrapFetch((() => Promise.reject(error)) as unknown as typeof fetch, s, env);
    await expect(wrapped('https://idp.example.com/userinfo')).rejects.toBe(error);
    expect((await next).notes).toEqual(['fetch failed: TypeError: Failed to fetch']);
  });

  it('throws what the original throws synchronously', () => {
    const error = new TypeError('Illegal invocation');
    const wrapped = wrapFetch((() => {
      throw error;
    }) as unknown as typeof fetch, sink().s, env);
    expect(() => wrapped('https://idp.example.com/x')).toThrow(error);
  });

  it('still calls the original when reading the arguments fails', async () => {
    const hostile = { toString() { throw new Error('no'); } };
    const original = vi.fn(() => Promise.resolve(json('{}')));
    const { s, offered } = sink();
    await wrapFetch(original as unknown as typeof fetch, s, env)(hostile as unknown as string);
    expect(original).toHaveBeenCalledWith(hostile);
    await settle();
    expect(offered).toEqual([]);
  });

  it('reads the body of a Request input without consuming the one the page sends', async () => {
    let sent = '';
    const original = async (input: Request) => {
      sent = await input.text();
      return json(TOKEN);
    };
    const { s, next } = sink();
    const request = new Request('https://idp.example.com/token', { method: 'POST', body: 'grant_type=refresh_token', headers: { 'x-a': '1' } });
    await wrapFetch(original as unknown as typeof fetch, s, env)(request);
    expect(sent).toBe('grant_type=refresh_token');
    const obs = await next;
    expect(obs.method).toBe('POST');
    expect(obs.requestBody).toEqual({ text: 'grant_type=refresh_token' });
    expect(obs.requestHeaders).toContainEqual({ name: 'x-a', value: '1' });
  });

  it('notes an opaque response instead of reading it', async () => {
    const opaque = { type: 'opaque', status: 0, headers: new Headers(), clone: vi.fn() } as unknown as Response;
    const { s, next } = sink();
    await wrapFetch((() => Promise.resolve(opaque)) as unknown as typeof fetch, s, env)('https://idp.example.com/x', { mode: 'no-cors' });
    const obs = await next;
    expect(obs.notes).toEqual(['response not readable by the page (opaque response)']);
    expect(obs.status).toBeUndefined();
    expect(opaque.clone).not.toHaveBeenCalled();
  });

  it('does not read binary or streaming responses', async () => {
    const { s, next } = sink();
    const response = new Response('data: x\n\n', { headers: { 'content-type': 'text/event-stream' } });
    await wrapFetch((() => Promise.resolve(response)) as unknown as typeof fetch, s, env)('https://idp.example.com/events');
    const obs = await next;
    expect(obs.responseBody).toBeUndefined();
    expect(obs.notes).toEqual(['response body not read by the page hook (content type text/event-stream)']);
  });

  it.each<[string, string, string]>([
    ['a POST answered with 301, 302 or 303 ends as the GET webRequest reports', 'POST', 'GET'],
    ['a PUT keeps its method (only a 303 would change it)', 'PUT', 'PUT'],
  ])('redirects (issue 3 review): %s', async (_name, method, finalMethod) => {
    const response = json('{}');
    Object.defineProperty(response, 'redirected', { value: true });
    Object.defineProperty(response, 'url', { value: 'https://idp.example.com/done' });
    const { s, next } = sink();
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    await wrapFetch((() => Promise.resolve(response)) as unknown as typeof fetch, s, env)('https://idp.example.com/token', { method, body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Req': '1' } });
    const obs = await next;
    expect(obs).toMatchObject({ method: finalMethod, url: 'https://idp.example.com/done' });
    if (finalMethod === 'GET') {
      expect(obs.requestBody).toBeUndefined();
      expect(obs.requestForm).toBeUndefined();
      expect(obs.requestHeaders).toEqual([{ name: 'x-req', value: '1' }]);
      expect(obs.notes).toEqual([
        'redirected from POST https://idp.example.com/token; the final request taken as GET without a body (what 301, 302 and 303 do; 307 and 308 would keep the POST)',
      ]);
    } else {
      expect(obs.requestBody).toMatchObject({ text: 'grant_type=client_credentials' });
      expect(obs.notes).toEqual(['redirected from https://idp.example.com/token']);
    }
  });

  it('reports the final URL of a redirected response', async () => {
    const response = json('{}');
    Object.defineProperty(response, 'redirected', { value: true });
    Object.defineProperty(response, 'url', { value: 'https://idp.example.com/final' });
    const { s, next } = sink();
    await wrapFetch((() => Promise.resolve(response)) as unknown as typeof fetch, s, env)('https://idp.example.com/start');
    const obs = await next;
    expect(obs.url).toBe('https://idp.example.com/final');
    expect(obs.notes).toEqual(['redirected from https://idp.example.com/start']);
  });
});
