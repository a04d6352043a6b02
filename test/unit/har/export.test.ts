import { describe, expect, it } from 'vitest';
import { exportHar } from '../../../src/core/har/export.js';
import { importHar } from '../../../src/core/har/import.js';
import type { Exchange } from '../../../src/core/model.js';
import { importFixture } from './fixtures.js';

const CREATOR = { name: 'Token Inspector', version: '0.1.0' };

/** An exchange without what a round trip may change: the id and who saw it. */
const comparable = ({ id: _id, seenBy: _seenBy, ...rest }: Exchange) => rest;

function roundTrip(exchanges: Exchange[]): Exchange[] {
  const result = importHar(JSON.stringify(exportHar(exchanges, CREATOR)));
  if (!result.ok) expect.fail(result.error);
  expect(result.warnings).toEqual([]);
  expect(result.creator).toBe('Token Inspector 0.1.0');
  return result.exchanges;
}

const exchange = (over: Partial<Exchange>): Exchange => ({
  id: 'x', method: 'GET', url: 'https://idp.example/a', requestHeaders: [], responseHeaders: [], startedAt: Date.UTC(2024, 0, 2, 3, 4, 5, 678), seenBy: { request: ['webRequest'] }, ...over,
});

describe('exportHar', () => {
  it.each(['sample-login.har', 'sample-login.firefox.har', 'seed-defects.har', 'edge-cases.har'])('round-trips %s', (name) => {
    const { exchanges } = importFixture(name);
    expect(roundTrip(exchanges).map(comparable)).toEqual(exchanges.map(comparable));
  });

  it('round-trips captured exchanges: base64 request bodies, truncation, forms without body, unknown end, no response', () => {
    const exchanges: Exchange[] = [
      exchange({
        method: 'POST', url: 'https://idp.example/token', status: 200, statusText: 'OK', endedAt: Date.UTC(2024, 0, 2, 3, 4, 6),
        requestHeaders: [{ name: ':authority', value: 'idp.example' }, { name: 'content-type', value: 'application/octet-stream' }],
        requestBody: { text: 'AAECAwQ=', encoding: 'base64', mimeType: 'application/octet-stream', truncated: true },
        responseHeaders: [{ name: 'Content-Type', value: 'application/json' }],
        responseBody: { text: '{"a":"ø', mimeType: 'application/json', truncated: true },
        notes: ['response body cut short by the capture'],
      }),
      exchange({ method: 'POST', url: 'https://idp.example/cb', startedAt: Date.UTC(2024, 0, 2, 3, 4, 7), requestForm: { code: ['a b', 'c%d'], '__proto__': ['x'] }, notes: ['no response'] }),
      exchange({ url: 'https://idp.example/auth?x=1', startedAt: Date.UTC(2024, 0, 2, 3, 4, 8), status: 302, redirectUrl: 'https://app.example/cb#code=1', endedAt: Date.UTC(2024, 0, 2, 3, 4, 8), responseBody: { text: '' } }),
    ];
    expect(roundTrip(exchanges).map(comparable)).toEqual(exchanges.map(comparable));
  });

  it('writes entries in time order, keeping ties in order, without touching the input', () => {
    const a = exchange({ url: 'https://a.example/', startedAt: 3000 });
    const b = exchange({ url: 'https://b.example/', startedAt: 1000 });
    const c = exchange({ url: 'https://c.example/', startedAt: 3000 });
    const input = [a, b, c];
    const har = exportHar(input, CREATOR);
    expect(har.log.entries.map((e) => e.request.url)).toEqual(['https://b.example/', 'https://a.example/', 'https://c.example/']);
    expect(input).toEqual([a, b, c]);
    expect(har.log.entries[0]!.startedDateTime).toBe('1970-01-01T00:00:01.000Z');
  });

  it('writes a HAR 1.2 log with the required fields', () => {
    const har = exportHar([exchange({ status: 200, endedAt: Date.UTC(2024, 0, 2, 3, 4, 5, 700), responseBody: { text: 'AAEC', encoding: 'base64', mimeType: 'image/png' } })], CREATOR);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual(CREATOR);
    const [entry] = har.log.entries;
    expect(entry).toMatchObject({
      startedDateTime: '2024-01-02T03:04:05.678Z',
      time: 22,
      request: { method: 'GET', url: 'https://idp.example/a', httpVersion: '', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: 0 },
      response: { status: 200, statusText: '', cookies: [], headers: [], redirectURL: '', content: { size: 3, mimeType: 'image/png', text: 'AAEC', encoding: 'base64' } },
      cache: {},
      timings: { send: 0, wait: 22, receive: 0 },
    });
    expect(entry!.request.postData).toBeUndefined();
  });

  it('writes the query string decoded, and -1 for an unknown duration', () => {
    const [entry] = exportHar([exchange({ url: 'https://idp.example/auth?scope=openid+profile&redirect_uri=https%3A%2F%2Fa%2Fcb&flag#frag=1' })], CREATOR).log.entries;
    expect(entry!.request.queryString).toEqual([
      { name: 'scope', value: 'openid profile' }, { name: 'redirect_uri', value: 'https://a/cb' }, { name: 'flag', value: '' },
    ]);
    expect(entry!.time).toBe(-1);
    expect(entry!.response).toMatchObject({ status: 0, content: { size: 0, mimeType: 'x-unknown' } });
  });

  it('gives the UTF-8 size of text bodies', () => {
    const [entry] = exportHar([exchange({ status: 200, responseBody: { text: 'aø€😀' } })], CREATOR).log.entries;
    expect(entry!.response.content.size).toBe(1 + 2 + 3 + 4);
  });
});
