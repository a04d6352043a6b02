import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchJson } from '../../../src/background/fetch-json.js';
import { analyze } from '../../../src/core/index.js';
import { parseDomains } from '../../../src/shared/domains.js';
import { exchange } from '../classify/exchange-builder.js';

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

  describe('only from configured domains (issue 3 review: a forged iss made the extension fetch any URL)', () => {
    const okJson = () => Promise.resolve(new Response('{"keys":[]}', { headers: { 'content-type': 'application/json' } }));

    it.each([
      ['another host', 'https://attacker.example/.well-known/openid-configuration'],
      ['a subdomain of a plain entry', 'https://evil.idp.example.com/jwks'],
      ['another port than the entry names', 'http://localhost:9999/jwks'],
      ['a look-alike host', 'https://idp.example.com.attacker.example/jwks'],
      ['an address for a name', 'https://127.0.0.2/jwks'],
    ])('refuses %s without fetching', async (_name, url) => {
      let called = false;
      const f = createFetchJson({ fetch: (() => ((called = true), okJson())) as typeof fetch, domains: () => parseDomains(['idp.example.com', 'localhost:3000']) });
      await expect(f(url)).rejects.toThrow(`refusing to fetch ${url}: its host is not on a configured domain`);
      expect(called).toBe(false);
    });

    it('shows the refusal as the reason a forged token has no key, and fetches nothing', async () => {
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const idToken = `${b64({ alg: 'RS256', kid: 'k1' })}.${b64({ iss: 'https://attacker.example', sub: 's', aud: 'c', exp: 2_000_000_000, iat: 1_700_000_000 })}.${'s'.repeat(43)}`;
      const asked: string[] = [];
      const fetchJson = createFetchJson({ fetch: ((url: string) => (asked.push(url), okJson())) as typeof fetch, domains: () => parseDomains(['idp.example.com']) });
      const captured = exchange({ url: 'https://idp.example.com/token', form: { grant_type: 'authorization_code', code: 'c' }, json: { id_token: idToken, access_token: 'at', token_type: 'Bearer' } });
      const result = await analyze({ exchanges: [captured], documents: [] }, { now: 1_700_000_000, fetchJson });
      const token = result.artifacts.find((a) => a.kind === 'id_token');
      expect(token?.signature).toMatchObject({ status: 'no-key', reason: expect.stringContaining('https://attacker.example/.well-known/openid-configuration: its host is not on a configured domain') as unknown });
      expect(asked).toEqual([]);
    });

    it('fetches from a configured domain, judged by the domains at the time of the fetch', async () => {
      let domains = parseDomains(['localhost:3000']);
      const f = createFetchJson({ fetch: okJson as typeof fetch, domains: () => domains });
      await expect(f('https://idp.example.com/jwks')).rejects.toThrow('not on a configured domain');
      domains = parseDomains(['*.example.com']);
      await expect(f('https://idp.example.com/jwks')).resolves.toEqual({ keys: [] });
    });
  });
});
