import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MATCH_WINDOW_MS } from '../../../src/core/capture/merge.js';
import type { Observation } from '../../../src/core/capture/observation.js';
import type { Body, Header } from '../../../src/core/model.js';
import { fold, obs, T0, withoutIds } from './merge-helpers.js';

const RUNS = { numRuns: 300 };

/** What the server and the browser did for one request; each source sees some of it. */
interface Truth {
  method: string;
  url: string;
  requestHeaders: Header[];
  requestText: string;
  status: number;
  responseHeaders: Header[];
  responseText: string;
}

const headerArb = fc.record({ name: fc.constantFrom('Accept', 'accept', 'X-Trace', 'Authorization', 'Set-Cookie', 'content-type'), value: fc.string({ maxLength: 12 }) });
const textArb = fc.string({ unit: 'grapheme', maxLength: 40 });

/** A request carries one Authorization header at most (RFC 9110 §11.6.2): keeps the first. */
function oneCredential(headers: Header[]): Header[] {
  return headers.filter((h, i) => h.name.toLowerCase() !== 'authorization' || headers.findIndex((x) => x.name.toLowerCase() === 'authorization') === i);
}

const truthArb: fc.Arbitrary<Truth> = fc.record({
  method: fc.constantFrom('GET', 'POST'),
  url: fc.constantFrom('https://idp.example.com/token', 'https://idp.example.com/userinfo?x=1', 'http://localhost:3000/a'),
  requestHeaders: fc.array(headerArb, { maxLength: 5 }).map(oneCredential),
  requestText: textArb,
  status: fc.constantFrom(200, 302, 400),
  responseHeaders: fc.array(headerArb, { maxLength: 5 }),
  responseText: textArb,
});

/** A body as a source may report it: text or base64 bytes, complete or cut at a code point. */
function bodyArb(text: string): fc.Arbitrary<Body> {
  const points = Array.from(text);
  return fc.record({ base64: fc.boolean(), cut: fc.option(fc.nat(points.length), { nil: undefined }) }).map(({ base64, cut }) => {
    const kept = cut === undefined ? text : points.slice(0, cut).join('');
    const body: Body = base64 ? { text: Buffer.from(kept).toString('base64'), encoding: 'base64' } : { text: kept };
    if (cut !== undefined) body.truncated = true;
    return body;
  });
}

/** A subset of the headers, possibly with a source's own spelling of the names. */
function headersArb(headers: Header[]): fc.Arbitrary<Header[]> {
  return fc.subarray(headers).chain((hs) => fc.boolean().map((lower) => hs.map((h) => (lower ? { ...h, name: h.name.toLowerCase() } : h))));
}

/** One source's view of the request: a random subset of its parts, a start inside the window. */
function viewArb(truth: Truth, source: Observation['source'], key: string | undefined): fc.Arbitrary<Observation> {
  return fc
    .record({
      offset: fc.integer({ min: 0, max: MATCH_WINDOW_MS }),
      requestHeaders: fc.option(headersArb(truth.requestHeaders), { nil: undefined }),
      requestBody: fc.option(bodyArb(truth.requestText), { nil: undefined }),
      status: fc.option(fc.constantFrom(truth.status, 0), { nil: undefined }),
      responseHeaders: fc.option(headersArb(truth.responseHeaders), { nil: undefined }),
      responseBody: fc.option(bodyArb(truth.responseText), { nil: undefined }),
      notes: fc.option(fc.subarray(['not readable', 'cut by the source', 'opaque']), { nil: undefined }),
      fragment: fc.boolean(),
    })
    .map((v) => {
      const o: Observation = obs({ source, method: truth.method, url: v.fragment ? `${truth.url}#f` : truth.url, startedAt: T0 + v.offset });
      if (key) o.key = key;
      for (const part of ['requestHeaders', 'requestBody', 'status', 'responseHeaders', 'responseBody', 'notes'] as const) {
        if (v[part] !== undefined) (o as unknown as Record<string, unknown>)[part] = v[part];
      }
      return o;
    });
}

/** Every observation of one request: webRequest in one to three parts, and maybe the other sources. */
function requestArb(truth: Truth, key: string): fc.Arbitrary<Observation[]> {
  return fc
    .tuple(
      fc.array(viewArb(truth, 'webRequest', key), { minLength: 1, maxLength: 3 }),
      fc.option(viewArb(truth, 'filterResponseData', key), { nil: undefined }),
      fc.option(viewArb(truth, 'page-hook', undefined), { nil: undefined }),
      fc.option(viewArb(truth, 'devtools', undefined), { nil: undefined }),
      fc.option(viewArb(truth, 'debugger', `dbg:${key}`), { nil: undefined }),
    )
    .map(([wr, ...rest]) => [...wr, ...rest.filter((o): o is Observation => o !== undefined)]);
}

describe('mergeObservation properties', () => {
  it('any order of the observations of one request gives one and the same exchange', () => {
    fc.assert(
      fc.property(
        truthArb.chain((t) => requestArb(t, 'wr:1')).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([, a, b]) => {
          const x = fold(a);
          const y = fold(b);
          expect(x).toHaveLength(1);
          expect(withoutIds(y)).toEqual(withoutIds(x));
        },
      ),
      RUNS,
    );
  });

  it('identical polling requests stay two exchanges, each seen once by every source', () => {
    fc.assert(
      fc.property(
        truthArb,
        fc.integer({ min: 1, max: MATCH_WINDOW_MS }),
        fc.boolean(),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (truth, gap, withDevtools, order) => {
          const seen = (source: Observation['source'], key: string | undefined, at: number): Observation => ({
            ...obs({ source, method: truth.method, url: truth.url, startedAt: at, status: truth.status }),
            ...(key ? { key } : {}),
          });
          const list = [seen('webRequest', 'wr:1', T0), seen('webRequest', 'wr:2', T0 + gap), seen('page-hook', undefined, T0), seen('page-hook', undefined, T0 + gap)];
          if (withDevtools) list.push(seen('devtools', undefined, T0), seen('devtools', undefined, T0 + gap));
          const shuffled = list.map((o, i) => [order[i % order.length]! + i / 10, o] as const).sort((p, q) => p[0] - q[0]).map(([, o]) => o);
          const merged = fold(shuffled);
          expect(merged).toHaveLength(2);
          for (const ex of merged) {
            expect(ex.seenBy.request).toEqual(withDevtools ? ['devtools', 'page-hook', 'webRequest'] : ['page-hook', 'webRequest']);
            expect(ex.keys).toHaveLength(1);
          }
        },
      ),
      RUNS,
    );
  });

  it('concurrent calls of one endpoint with different tokens each land with their own request, whatever the skew and order (issue 3 review)', () => {
    const sourcesArb = fc.record({ filter: fc.boolean(), hook: fc.boolean(), devtools: fc.boolean(), debugger: fc.boolean() });
    const scenarioArb = fc.record({
      method: fc.constantFrom('GET', 'POST'),
      // Milliseconds between the page's calls, and how much later each reaches the network (a preflight, a queue).
      gaps: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 4 }),
      skews: fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 4, maxLength: 4 }),
      sources: fc.array(sourcesArb, { minLength: 4, maxLength: 4 }),
      dpop: fc.boolean(),
    });
    /** Every observation of every request, and per request the sources that saw it. */
    function build(sc: { method: string; gaps: number[]; skews: number[]; sources: { filter: boolean; hook: boolean; devtools: boolean; debugger: boolean }[]; dpop: boolean }) {
      const url = 'https://idp.example.com/userinfo';
      const all: Observation[] = [];
      const expected: { sources: string[]; dbg: boolean }[] = [];
      let pageAt = T0;
      sc.gaps.forEach((gap, i) => {
        pageAt += gap;
        const netAt = pageAt + sc.skews[i]!;
        const credentials: Header[] = [{ name: 'Authorization', value: `Bearer at-${i}` }];
        if (sc.dpop) credentials.push({ name: 'DPoP', value: `proof-${i}` });
        const body: Body = { text: JSON.stringify({ sub: `user-${i}` }) };
        const seen = sc.sources[i]!;
        const sources: string[] = [];
        const add = (source: Observation['source'], startedAt: number, part: Partial<Observation>): void => {
          all.push({ source, method: sc.method, url, startedAt, ...part });
          sources.push(source);
        };
        // The browser's sources see the request when it reaches the network; the page hook when the page calls.
        add('webRequest', netAt, { key: `wr:${i}`, requestHeaders: credentials, status: 200, responseHeaders: [{ name: 'content-type', value: 'application/json' }] });
        if (seen.filter) add('filterResponseData', netAt, { key: `wr:${i}`, responseBody: body });
        if (seen.hook) add('page-hook', pageAt, { requestHeaders: credentials.map((h) => ({ ...h, name: h.name.toLowerCase() })), status: 200, responseBody: body });
        if (seen.devtools) add('devtools', netAt + 3, { requestHeaders: credentials, status: 200, responseBody: body });
        if (seen.debugger) add('debugger', netAt + 1, { key: `dbg:${i}`, requestHeaders: credentials, status: 200, responseBody: body });
        expected.push({ sources: sources.sort(), dbg: seen.debugger });
      });
      return { all, expected };
    }
    fc.assert(
      fc.property(
        scenarioArb.map(build).chain(({ all, expected }) => fc.tuple(fc.shuffledSubarray(all, { minLength: all.length }), fc.constant(expected))),
        ([shuffled, expected]) => {
          const merged = fold(shuffled);
          expect(merged).toHaveLength(expected.length);
          for (const ex of merged) {
            const i = Number(ex.keys?.find((k) => k.startsWith('wr:'))?.slice(3));
            const want = expected[i];
            expect(want).toBeDefined();
            expect(ex.keys).toEqual(want!.dbg ? [`dbg:${i}`, `wr:${i}`] : [`wr:${i}`]);
            expect(ex.seenBy.request).toEqual(want!.sources);
            expect(ex.requestHeaders.filter((h) => h.name.toLowerCase() === 'authorization').map((h) => h.value)).toEqual([`Bearer at-${i}`]);
            if (ex.responseBody) expect(JSON.parse(ex.responseBody.text)).toEqual({ sub: `user-${i}` });
          }
        },
      ),
      RUNS,
    );
  });

  it('never throws and always gives JSON-safe exchanges, whatever the observations', () => {
    const anyObs = fc.record(
      {
        source: fc.constantFrom('webRequest', 'page-hook', 'devtools', 'debugger', 'filterResponseData'),
        key: fc.constantFrom('wr:1', 'wr:2', 'wr:1#0', 'dbg:1', 'x'),
        method: fc.constantFrom('GET', 'get', 'POST', ''),
        url: fc.constantFrom('', 'https://a/x', 'https://a/x#y', 'not a url'),
        startedAt: fc.oneof(fc.constantFrom(Number.NaN, 0, -1, Number.POSITIVE_INFINITY), fc.integer({ min: T0, max: T0 + 2 * MATCH_WINDOW_MS })),
        endedAt: fc.double(),
        status: fc.integer({ min: -1, max: 600 }),
        requestBody: fc.record({ text: fc.string(), encoding: fc.constantFrom(undefined, 'base64' as const), truncated: fc.boolean() }, { requiredKeys: ['text'] }),
        responseBody: fc.record({ text: fc.string(), truncated: fc.boolean() }, { requiredKeys: ['text'] }),
        requestForm: fc.dictionary(fc.string(), fc.array(fc.string())),
        requestHeaders: fc.array(headerArb),
        notes: fc.array(fc.string()),
      },
      { requiredKeys: ['source', 'method', 'url', 'startedAt'] },
    ) as fc.Arbitrary<Observation>;
    fc.assert(
      fc.property(fc.array(anyObs, { maxLength: 12 }), (list) => {
        const merged = fold(list);
        expect(merged.length).toBeLessThanOrEqual(list.length);
        expect(new Set(merged.map((e) => e.id)).size).toBe(merged.length);
        for (const ex of merged) {
          expect(Number.isFinite(ex.startedAt)).toBe(true);
          expect(JSON.parse(JSON.stringify(ex))).toEqual(ex);
        }
      }),
      RUNS,
    );
  });
});
