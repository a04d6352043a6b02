import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchJson } from '../../../src/background/fetch-json.js';

let server: Server;
let base = '';
const seen: { method?: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method, headers: req.headers });
    const path = req.url ?? '/';
    if (path === '/jwks') return res.writeHead(200, { 'content-type': 'application/jwk-set+json' }).end('{"keys":[]}');
    if (path === '/json') return res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('{"issuer":"x"}');
    if (path === '/redirect') return res.writeHead(302, { location: '/json' }).end();
    if (path === '/html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<p>');
    if (path === '/missing') return res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    if (path === '/declared-big') return res.writeHead(200, { 'content-type': 'application/json', 'content-length': '2000' }).end('"' + 'a'.repeat(1998) + '"');
    if (path === '/streamed-big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('"' + 'a'.repeat(600));
      return res.end('a'.repeat(600) + '"');
    }
    if (path === '/bad-json') return res.writeHead(200, { 'content-type': 'application/json' }).end('{nope');
    if (path === '/hang') return; // never answers
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('worker fetchJson', () => {
  const fetchJson = createFetchJson({ timeoutMs: 300, maxBytes: 1000 });

  it.each([
    ['/jwks', { keys: [] }],
    ['/json', { issuer: 'x' }],
  ])('reads %s', async (path, value) => {
    await expect(fetchJson(`${base}${path}`)).resolves.toEqual(value);
  });

  it('sends a plain GET without credentials', async () => {
    seen.length = 0;
    await fetchJson(`${base}/json`);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers.cookie).toBeUndefined();
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(seen[0]?.headers.referer).toBeUndefined();
  });

  it.each([
    ['a redirect', '/redirect', /fetch failed|redirect/i],
    ['HTML', '/html', /content type "text\/html", not JSON/],
    ['a 404', '/missing', /HTTP 404/],
    ['a declared length over the cap', '/declared-big', /larger than 1000 bytes/],
    ['a streamed body over the cap', '/streamed-big', /larger than 1000 bytes/],
    ['bad JSON', '/bad-json', /JSON/],
    ['no answer', '/hang', /did not answer within 300 ms/],
  ])('rejects %s', async (_name, path, message) => {
    await expect(fetchJson(`${base}${path}`)).rejects.toThrow(message);
  });

  it.each(['file:///etc/passwd', 'data:application/json,{}', 'javascript:1', 'ftp://x/y', ''])('refuses %j without fetching', async (url) => {
    let called = false;
    const f = createFetchJson({ fetch: (() => ((called = true), Promise.reject(new Error('no')))) as typeof fetch });
    await expect(f(url)).rejects.toThrow('not http(s)');
    expect(called).toBe(false);
  });

  it('passes the narrow request options to fetch', async () => {
    let init: RequestInit | undefined;
    const f = createFetchJson({ fetch: ((_u: string, i: RequestInit) => ((init = i), Promise.resolve(new Response('{}', { headers: { 'content-type': 'application/json' } })))) as typeof fetch });
    await f('https://idp.example.com/.well-known/openid-configuration');
    expect(init).toMatchObject({ method: 'GET', redirect: 'error', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
  });
});
