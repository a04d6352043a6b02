import { describe, expect, it } from 'vitest';
import { MATCH_WINDOW_MS, mergeObservation } from '../../../src/core/capture/merge.js';
import type { Observation } from '../../../src/core/capture/observation.js';
import type { Exchange } from '../../../src/core/model.js';
import { fold, ids, obs, T0, withoutIds } from './merge-helpers.js';

const URL_TOKEN = 'https://idp.example.com/token';
const form = 'application/x-www-form-urlencoded';

describe('mergeObservation: which exchange an observation joins', () => {
  it.each<[string, Observation[], number]>([
    ['one observation', [obs({})], 1],
    ['webRequest and page hook of one request', [obs({ source: 'webRequest', key: 'wr:1' }), obs({ source: 'page-hook', startedAt: T0 - 40 })], 1],
    ['the same key long after the window', [obs({ key: 'wr:1' }), obs({ source: 'filterResponseData', key: 'wr:1', startedAt: T0 + 10 * MATCH_WINDOW_MS })], 1],
    ['the same key with another URL', [obs({ key: 'wr:1' }), obs({ source: 'filterResponseData', key: 'wr:1', url: 'https://idp.example.com/other' })], 1],
    ['only the fragment differs', [obs({ url: `${URL_TOKEN}#a` }), obs({ source: 'page-hook' })], 1],
    ['method case differs', [obs({ method: 'post' }), obs({ source: 'page-hook', method: 'POST' })], 1],
    ['a start just inside the window', [obs({}), obs({ source: 'page-hook', startedAt: T0 + MATCH_WINDOW_MS })], 1],
    ['a start just outside the window', [obs({}), obs({ source: 'page-hook', startedAt: T0 + MATCH_WINDOW_MS + 1 })], 2],
    ['another method', [obs({}), obs({ source: 'page-hook', method: 'GET' })], 2],
    ['another query', [obs({}), obs({ source: 'page-hook', url: `${URL_TOKEN}?a=1` })], 2],
    ['another host', [obs({}), obs({ source: 'page-hook', url: 'https://idp2.example.com/token' })], 2],
    ['statuses differ', [obs({ status: 302 }), obs({ source: 'page-hook', status: 200 })], 2],
    ['status 0 (opaque) and 200', [obs({ status: 0 }), obs({ source: 'page-hook', status: 200 })], 1],
    ['one status unknown', [obs({}), obs({ source: 'page-hook', status: 200 })], 1],
    ['request bodies differ', [obs({ requestBody: { text: 'a=1' } }), obs({ source: 'page-hook', requestBody: { text: 'a=2' } })], 2],
    ['a truncated request body is a prefix', [obs({ requestBody: { text: 'a=1&b=2' } }), obs({ source: 'page-hook', requestBody: { text: 'a=1', truncated: true } })], 1],
    ['a truncated request body is not a prefix', [obs({ requestBody: { text: 'a=1&b=2' } }), obs({ source: 'page-hook', requestBody: { text: 'a=2', truncated: true } })], 2],
    ['base64 and text of the same body', [obs({ requestBody: { text: Buffer.from('a=1').toString('base64'), encoding: 'base64' } }), obs({ source: 'page-hook', requestBody: { text: 'a=1' } })], 1],
    ['a body that is not base64 proves nothing', [obs({ requestBody: { text: '%%%', encoding: 'base64' } }), obs({ source: 'page-hook', requestBody: { text: 'a=1' } })], 1],
    ['a form and an equal urlencoded body', [obs({ requestForm: { a: ['1 2'] } }), obs({ source: 'page-hook', requestBody: { text: 'a=1+2' }, requestHeaders: [{ name: 'Content-Type', value: `${form};charset=UTF-8` }] })], 1],
    ['a form and another urlencoded body', [obs({ requestForm: { a: ['1'] } }), obs({ source: 'page-hook', requestBody: { text: 'a=2' }, requestHeaders: [{ name: 'content-type', value: form }] })], 2],
    ['a form and a JSON body', [obs({ requestForm: { a: ['1'] } }), obs({ source: 'page-hook', requestBody: { text: '{"a":1}' }, requestHeaders: [{ name: 'content-type', value: 'application/json' }] })], 1],
    ['two forms that differ', [obs({ requestForm: { a: ['1'] } }), obs({ source: 'devtools', requestForm: { a: ['2'] } })], 2],
    ['identical polling requests from one source', [obs({ source: 'devtools' }), obs({ source: 'devtools', startedAt: T0 + 1000 })], 2],
    ['webRequest of two requests, the first seen only by the response filter', [obs({ source: 'filterResponseData', key: 'wr:1' }), obs({ source: 'webRequest', key: 'wr:2' })], 2],
    ['a redirect hop and the final request', [obs({ key: 'wr:1#0', status: 302 }), obs({ key: 'wr:1', source: 'filterResponseData' })], 2],
    ['keys of different namespaces', [obs({ source: 'debugger', key: 'dbg:9' }), obs({ source: 'webRequest', key: 'wr:1' })], 1],
    ['an unknown start (NaN) never matches by time', [obs({}), obs({ source: 'page-hook', startedAt: Number.NaN })], 2],
    ['an unknown start (0) never matches by time', [obs({ startedAt: 0 }), obs({ source: 'page-hook', startedAt: 0 })], 2],
    ['an unknown start still matches by key', [obs({ key: 'wr:1' }), obs({ source: 'filterResponseData', key: 'wr:1', startedAt: Number.NaN })], 1],
    ['Authorization differs', [obs({ requestHeaders: [{ name: 'Authorization', value: 'Bearer A' }] }), obs({ source: 'page-hook', requestHeaders: [{ name: 'authorization', value: 'Bearer B' }] })], 2],
    ['DPoP proofs differ', [obs({ requestHeaders: [{ name: 'DPoP', value: 'p1' }] }), obs({ source: 'page-hook', requestHeaders: [{ name: 'dpop', value: 'p2' }] })], 2],
    ['Authorization equal, in another case of the name', [obs({ requestHeaders: [{ name: 'Authorization', value: 'Bearer A' }] }), obs({ source: 'page-hook', requestHeaders: [{ name: 'authorization', value: 'Bearer A' }] })], 1],
    ['Authorization on one side only', [obs({ requestHeaders: [{ name: 'Authorization', value: 'Bearer A' }] }), obs({ source: 'page-hook' })], 1],
    ['complete response bodies differ', [obs({ responseBody: { text: '{"sub":"a"}' } }), obs({ source: 'page-hook', responseBody: { text: '{"sub":"b"}' } })], 2],
    ['the same JSON written differently (an XHR json response)', [obs({ responseBody: { text: '{ "sub": "a" }\n' } }), obs({ source: 'page-hook', responseBody: { text: '{"sub":"a"}' } })], 1],
    ['a truncated response body and another complete one', [obs({ responseBody: { text: '{"sub":"a"}' } }), obs({ source: 'page-hook', responseBody: { text: '{"sub":"b', truncated: true } })], 1],
    ['response bodies that are not JSON differ', [obs({ responseBody: { text: 'a' } }), obs({ source: 'devtools', responseBody: { text: 'b' } })], 2],
  ])('%s', (_name, observations, count) => {
    expect(fold(observations)).toHaveLength(count);
  });

  it('picks the nearest exchange in time', () => {
    const list = fold([obs({ source: 'webRequest', key: 'wr:1' }), obs({ source: 'webRequest', key: 'wr:2', startedAt: T0 + 2000 })]);
    const r = mergeObservation(list, obs({ source: 'page-hook', startedAt: T0 + 1800 }), ids());
    expect(r.index).toBe(1);
    expect(r.exchange.id).toBe(list[1]!.id);
  });

  it('pairs each polling request with its own page-hook observation when they arrive in order', () => {
    const list = fold([
      obs({ source: 'webRequest', key: 'wr:1', responseBody: { text: 'one' } }),
      obs({ source: 'page-hook', startedAt: T0 - 5, responseBody: { text: 'one' } }),
      obs({ source: 'webRequest', key: 'wr:2', startedAt: T0 + 1000, responseBody: { text: 'two' } }),
      obs({ source: 'page-hook', startedAt: T0 + 995, responseBody: { text: 'two' } }),
    ]);
    expect(list.map((e) => [e.keys, e.responseBody?.text, e.seenBy.request])).toEqual([
      [['wr:1'], 'one', ['page-hook', 'webRequest']],
      [['wr:2'], 'two', ['page-hook', 'webRequest']],
    ]);
  });

  it('does not merge two concurrent calls crosswise (issue 3 review: a false sub mismatch)', () => {
    const at = (i: number, token: string, sub: string) => ({ token, body: { text: JSON.stringify({ sub }) }, i });
    const [a, b] = [at(0, 'Bearer A', 'alice'), at(100, 'Bearer B', 'bob')];
    const userinfo = { method: 'GET', url: 'https://idp.example.com/userinfo' };
    const hook = (r: typeof a) => obs({ ...userinfo, source: 'page-hook', startedAt: T0 + r.i, requestHeaders: [{ name: 'authorization', value: r.token }], status: 200, responseBody: r.body });
    const web = (r: typeof a, key: string, startedAt: number) => obs({ ...userinfo, key, startedAt, requestHeaders: [{ name: 'Authorization', value: r.token }], status: 200 });
    // B's page-hook observation arrives first, nearer in time to A's webRequest.
    const list = fold([web(a, 'wr:1', T0 + 1500), web(b, 'wr:2', T0 + 1510), hook(b), hook(a), obs({ ...userinfo, source: 'filterResponseData', key: 'wr:1', startedAt: T0 + 1500, responseBody: a.body })]);
    expect(list.map((e) => [e.keys, e.requestHeaders.map((h) => h.value), e.responseBody?.text, e.seenBy.request])).toEqual([
      [['wr:1'], ['Bearer A'], '{"sub":"alice"}', ['filterResponseData', 'page-hook', 'webRequest']],
      [['wr:2'], ['Bearer B'], '{"sub":"bob"}', ['page-hook', 'webRequest']],
    ]);
  });

  it('prefers an exchange whose credentials agree over a nearer one that cannot tell', () => {
    const list = fold([obs({ key: 'wr:1', requestHeaders: [{ name: 'Authorization', value: 'Bearer A' }] }), obs({ key: 'wr:2', startedAt: T0 + 2000 })]);
    const r = mergeObservation(list, obs({ source: 'page-hook', startedAt: T0 + 1900, requestHeaders: [{ name: 'authorization', value: 'Bearer A' }] }), ids());
    expect(r.index).toBe(0);
  });

  it('gives a new exchange the next id and index -1', () => {
    const r = mergeObservation([], obs({}), () => 'fresh');
    expect(r).toMatchObject({ index: -1, exchange: { id: 'fresh' } });
  });

  it('changes nothing it was given', () => {
    const list = fold([obs({ key: 'wr:1', requestHeaders: [{ name: 'a', value: '1' }] })]);
    const before = structuredClone(list);
    const o = obs({ source: 'page-hook', requestHeaders: [{ name: 'b', value: '2' }], notes: ['x'] });
    const copy = structuredClone(o);
    mergeObservation(list, o, ids());
    expect(list).toEqual(before);
    expect(o).toEqual(copy);
  });
});

describe('mergeObservation: what the merged exchange holds', () => {
  const merged = (...observations: Observation[]): Exchange => {
    const list = fold(observations);
    expect(list).toHaveLength(1);
    return list[0]!;
  };

  it("unions the browser's sources' headers by name, keeping Authorization only webRequest saw", () => {
    const ex = merged(
      obs({ source: 'webRequest', key: 'wr:1', requestHeaders: [{ name: 'Authorization', value: 'Bearer x' }, { name: 'Content-Type', value: form }] }),
      obs({ source: 'devtools', requestHeaders: [{ name: 'content-type', value: `${form};charset=UTF-8` }, { name: 'X-Req', value: '1' }] }),
    );
    expect(ex.requestHeaders).toEqual([
      { name: 'Authorization', value: 'Bearer x' },
      { name: 'content-type', value: `${form};charset=UTF-8` },
      { name: 'X-Req', value: '1' },
    ]);
    expect(ex.seenBy.requestHeaders).toEqual(['devtools', 'webRequest']);
  });

  it('unions the page hook\'s headers when no browser source saw any', () => {
    const ex = merged(obs({ source: 'page-hook', requestHeaders: [{ name: 'a', value: '1' }] }), obs({ source: 'webRequest', key: 'wr:1' }));
    expect(ex.requestHeaders).toEqual([{ name: 'a', value: '1' }]);
  });

  describe('what the browser saw beats what only the page hook saw (issue 3 review)', () => {
    const orders = <T>(x: T, y: T): [T, T][] => [
      [x, y],
      [y, x],
    ];

    it('headers: the browser\'s list wins whole, whatever the page set', () => {
      for (const [first, second] of orders(
        obs({ source: 'webRequest', key: 'wr:1', requestHeaders: [{ name: 'Content-Type', value: form }] }),
        obs({ source: 'page-hook', requestHeaders: [{ name: 'content-type', value: `${form}; a much longer value the page made up` }, { name: 'X-Forged', value: '1' }] }),
      )) {
        expect(merged(first, second).requestHeaders).toEqual([{ name: 'Content-Type', value: form }]);
      }
    });

    it("URL: the browser's, even when the page hook's kept a fragment", () => {
      for (const [first, second] of orders(obs({ source: 'webRequest', key: 'wr:1' }), obs({ source: 'page-hook', url: `${URL_TOKEN}#from-the-page` }))) {
        expect(merged(first, second).url).toBe(URL_TOKEN);
      }
    });

    it("response body: the browser's, even a shorter one arriving by key after the page hook's", () => {
      const hook = obs({ source: 'page-hook', status: 200, responseBody: { text: '{"access_token":"forged-and-longer"}' } });
      for (const list of [
        [hook, obs({ key: 'wr:1', status: 200 }), obs({ source: 'filterResponseData', key: 'wr:1', responseBody: { text: '{"access_token":"real"}' } })],
        [obs({ key: 'wr:1', status: 200 }), hook, obs({ source: 'filterResponseData', key: 'wr:1', responseBody: { text: '{"access_token":"real"}' } })],
      ]) {
        const ex = merged(...list);
        expect(ex.responseBody?.text).toBe('{"access_token":"real"}');
        expect(ex.seenBy.responseBody).toEqual(['filterResponseData', 'page-hook']);
      }
    });

    it("response body: the browser's text over the page hook's re-serialised JSON", () => {
      for (const [first, second] of orders(obs({ source: 'webRequest', key: 'wr:1', responseBody: { text: '{ "a": 1 }' } }), obs({ source: 'page-hook', responseBody: { text: '{"a":1}' } }))) {
        expect(merged(first, second).responseBody?.text).toBe('{ "a": 1 }');
      }
    });
  });

  it('keeps repeated headers of one source in their order', () => {
    const ex = merged(obs({ responseHeaders: [{ name: 'Set-Cookie', value: 'b=2' }, { name: 'Set-Cookie', value: 'a=1' }] }), obs({ source: 'page-hook' }));
    expect(ex.responseHeaders.map((h) => h.value)).toEqual(['b=2', 'a=1']);
  });

  it.each<[string, Observation['responseBody'], Observation['responseBody'], string]>([
    ['complete beats truncated', { text: 'abcdef' }, { text: 'abc', truncated: true }, 'abcdef'],
    ['complete beats a longer truncated one', { text: 'abc' }, { text: 'abcdef', truncated: true }, 'abc'],
    ['longer truncated beats shorter truncated', { text: 'ab', truncated: true }, { text: 'abcd', truncated: true }, 'abcd'],
    ['text beats base64 of the same bytes', { text: Buffer.from('{"a":1}').toString('base64'), encoding: 'base64' }, { text: '{"a":1}' }, '{"a":1}'],
    ['a body beats none', undefined, { text: 'x' }, 'x'],
  ])('response body: %s', (_name, a, b, text) => {
    for (const [first, second] of [[a, b], [b, a]] as const) {
      const ex = merged(obs({ source: 'webRequest', key: 'wr:1', ...(first ? { responseBody: first } : {}) }), obs({ source: 'devtools', ...(second ? { responseBody: second } : {}) }));
      expect(ex.responseBody?.text).toBe(text);
    }
  });

  it('records which source brought which part', () => {
    const ex = merged(
      obs({ source: 'webRequest', key: 'wr:1', requestHeaders: [{ name: 'a', value: '1' }], requestForm: { a: ['1'] }, status: 200, responseHeaders: [{ name: 'b', value: '2' }] }),
      obs({ source: 'filterResponseData', key: 'wr:1', responseBody: { text: '{}' } }),
      obs({ source: 'page-hook', status: 0, responseBody: { text: '{}' }, notes: ['response body read from a clone'] }),
    );
    expect(ex.seenBy).toEqual({
      request: ['filterResponseData', 'page-hook', 'webRequest'],
      requestHeaders: ['webRequest'],
      requestBody: ['webRequest'],
      status: ['webRequest'],
      responseHeaders: ['webRequest'],
      responseBody: ['filterResponseData', 'page-hook'],
    });
    expect(ex.status).toBe(200);
    expect(ex.keys).toEqual(['wr:1']);
    expect(ex.notes).toEqual(['response body read from a clone']);
  });

  it('takes the earliest start, the latest end, the redirect, the fragment and union of notes and keys', () => {
    const ex = merged(
      obs({ source: 'webRequest', key: 'wr:1', startedAt: T0 + 30, endedAt: T0 + 90, notes: ['b', 'a'], status: 302, redirectUrl: 'https://rp.example.com/cb?code=1' }),
      obs({ source: 'debugger', key: 'dbg:7', url: `${URL_TOKEN}#frag`, startedAt: T0 + 10, endedAt: T0 + 95, notes: ['a', 'c'] }),
      obs({ source: 'devtools', startedAt: Number.NaN, key: 'wr:1' }),
    );
    expect(withoutIds([ex])[0]).toMatchObject({ startedAt: T0 + 10, endedAt: T0 + 95, notes: ['a', 'b', 'c'], keys: ['dbg:7', 'wr:1'], url: `${URL_TOKEN}#frag`, redirectUrl: 'https://rp.example.com/cb?code=1', status: 302 });
  });

  it.each<[string, Partial<Observation>]>([
    ['no headers', { requestHeaders: [], responseHeaders: [] }],
    ['an empty method and URL', { method: '', url: '' }],
    ['a negative status', { status: -1 }],
    ['an empty status text', { statusText: '' }],
    ['an empty note list', { notes: [] }],
    ['an infinite end', { endedAt: Number.POSITIVE_INFINITY }],
  ])('a partial or odd observation (%s) makes a well-formed exchange', (_name, part) => {
    const [ex] = fold([obs(part)]);
    expect(ex).toBeDefined();
    expect(JSON.parse(JSON.stringify(ex))).toEqual(ex);
    expect(Number.isFinite(ex!.startedAt)).toBe(true);
    expect(ex!.endedAt === undefined || Number.isFinite(ex!.endedAt)).toBe(true);
    expect(ex!.seenBy.request).toEqual(['webRequest']);
  });
});
