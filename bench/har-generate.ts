/**
 * Writes a HAR of about `targetBytes` shaped like a Chrome DevTools export of a busy app: HTML, scripts,
 * base64 images, JSON API calls, and every 25th page an OIDC login (or, with `shape`, logins only, to show
 * that the analysis grows linearly with the number of flows) (discovery, authorize redirect, token
 * response with three JWTs, userinfo, refresh). Deterministic.
 */
import { createWriteStream } from 'node:fs';
import { base64url } from 'jose';

const enc = (v: unknown) => base64url.encode(JSON.stringify(v));
const ISS = 'https://auth.example.no/auth/realms/current';

function jwt(payload: Record<string, unknown>, alg = 'RS256'): string {
  return `${enc({ alg, typ: 'JWT', kid: 'bench-key' })}.${enc(payload)}.${base64url.encode(new Uint8Array(256).fill(7))}`;
}

function filler(n: number, seed: number): string {
  const words = ['const', 'function', 'return', 'token', 'value', 'render', 'props', 'state', 'module', 'export'];
  let s = '';
  let i = seed;
  while (s.length < n) s += `${words[(i = (i * 31 + 7) % 9973) % words.length]} `;
  return s.slice(0, n);
}

function entry(t: number, method: string, url: string, status: number, mime: string, text: string, opts: { encoding?: string; post?: string; reqHeaders?: { name: string; value: string }[]; redirect?: string } = {}) {
  return {
    _initiator: { type: 'other' },
    _priority: 'High',
    _resourceType: mime.includes('json') ? 'fetch' : mime.includes('html') ? 'document' : mime.includes('image') ? 'image' : 'script',
    cache: {},
    connection: '443',
    request: {
      method, url, httpVersion: 'http/2.0',
      headers: [{ name: ':authority', value: new URL(url).host }, { name: 'accept', value: '*/*' }, ...(opts.reqHeaders ?? [])],
      queryString: [], cookies: [], headersSize: -1, bodySize: opts.post ? opts.post.length : 0,
      ...(opts.post ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: opts.post, params: [...new URLSearchParams(opts.post)].map(([name, value]) => ({ name, value })) } } : {}),
    },
    response: {
      status, statusText: status === 200 ? 'OK' : status === 302 ? 'Found' : '', httpVersion: 'http/2.0',
      headers: [{ name: 'content-type', value: mime }, { name: 'cache-control', value: mime.includes('json') ? 'no-store' : 'max-age=3600' }, ...(opts.redirect ? [{ name: 'location', value: opts.redirect }] : [])],
      cookies: [], content: { size: text.length, mimeType: mime, text, ...(opts.encoding ? { encoding: opts.encoding } : {}) },
      redirectURL: opts.redirect ?? '', headersSize: -1, bodySize: text.length, _transferSize: text.length + 300, _error: null,
    },
    serverIPAddress: '192.0.2.10',
    startedDateTime: new Date(t).toISOString(),
    time: 42,
    timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0, wait: 40, receive: 1 },
  };
}

function login(t: number, i: number): unknown[] {
  const now = Math.floor(t / 1000);
  const sub = `user-${i}`;
  const common = { iss: ISS, sub, azp: 'app', sid: `sid-${i}`, iat: now, exp: now + 300 };
  const token = { access_token: jwt({ ...common, typ: 'Bearer', aud: 'api', scope: 'openid profile', jti: `a${i}` }), id_token: jwt({ ...common, typ: 'ID', aud: 'app', nonce: `n${i}` }), refresh_token: jwt({ ...common, typ: 'Refresh', aud: ISS, exp: now + 1800 }, 'HS256'), token_type: 'Bearer', expires_in: 300, refresh_expires_in: 1800, scope: 'openid profile' };
  return [
    entry(t, 'GET', `${ISS}/.well-known/openid-configuration`, 200, 'application/json', JSON.stringify({ issuer: ISS, jwks_uri: `${ISS}/protocol/openid-connect/certs`, token_endpoint: `${ISS}/protocol/openid-connect/token`, userinfo_endpoint: `${ISS}/protocol/openid-connect/userinfo`, authorization_endpoint: `${ISS}/protocol/openid-connect/auth`, id_token_signing_alg_values_supported: ['RS256'] })),
    entry(t + 10, 'GET', `${ISS}/protocol/openid-connect/auth?client_id=app&response_type=code&scope=openid%20profile&state=s${i}&nonce=n${i}&code_challenge=${'c'.repeat(43)}&code_challenge_method=S256`, 302, 'text/html', '', { redirect: `https://app.example.no/cb?state=s${i}&code=code-${i}` }),
    entry(t + 20, 'POST', `${ISS}/protocol/openid-connect/token`, 200, 'application/json', JSON.stringify(token), { post: `grant_type=authorization_code&code=code-${i}&client_id=app&code_verifier=${'v'.repeat(43)}` }),
    entry(t + 30, 'GET', `${ISS}/protocol/openid-connect/userinfo`, 200, 'application/json', JSON.stringify({ sub, name: `User ${i}` }), { reqHeaders: [{ name: 'authorization', value: `Bearer ${token.access_token}` }] }),
  ];
}

/** Writes the HAR and resolves to its size in bytes. */
export async function generateHar(path: string, targetBytes: number, shape: { loginEvery: number; assets: boolean } = { loginEvery: 25, assets: true }): Promise<number> {
  const out = createWriteStream(path);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', () => resolve())));
  let bytes = 0;
  const head = '{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[],"entries":[\n';
  await write(head);
  bytes += head.length;
  let t = Date.UTC(2026, 10, 1, 9, 0, 0);
  let first = true;
  for (let page = 0; bytes < targetBytes; page++) {
    const entries: unknown[] = !shape.assets ? [] : [
      entry(t, 'GET', `https://app.example.no/page/${page}`, 200, 'text/html; charset=utf-8', `<!doctype html><title>p${page}</title>${filler(20_000, page)}`),
      ...Array.from({ length: 4 }, (_, k) => entry(t + k, 'GET', `https://cdn.example.no/js/${page}-${k}.js`, 200, 'application/javascript', filler(40_000, page * 7 + k))),
      ...Array.from({ length: 3 }, (_, k) => entry(t + 5 + k, 'GET', `https://cdn.example.no/img/${page}-${k}.png`, 200, 'image/png', Buffer.from(filler(22_000, page + k)).toString('base64'), { encoding: 'base64' })),
      ...Array.from({ length: 4 }, (_, k) => entry(t + 9 + k, 'GET', `https://api.example.no/v1/items/${page}-${k}`, 200, 'application/json', JSON.stringify({ id: `${page}-${k}`, items: Array.from({ length: 20 }, (_, j) => ({ j, name: `item ${j}` })) }))),
    ];
    if (page % shape.loginEvery === 0) entries.push(...login(t + 20, page));
    for (const e of entries) {
      const s = `${first ? '' : ',\n'}${JSON.stringify(e)}`;
      first = false;
      await write(s);
      bytes += s.length;
    }
    t += 1000;
  }
  await write(']}}\n');
  bytes += 4;
  await new Promise<void>((resolve) => out.end(resolve));
  return bytes;
}
