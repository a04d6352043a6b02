/**
 * The page of the live-capture benchmark (issue 3 §7) and its server: `GET /` is a page that, on `load`, makes
 * {@link PAIRS} token-endpoint POSTs (form body; JSON with JWT-shaped access and ID tokens) and as many userinfo
 * GETs with the access token as a Bearer (fetch, every second one XMLHttpRequest), in {@link LANES} parallel
 * lanes, then stores `window.benchResult` (`performance.now()` at the end, so the time since navigation start,
 * and how many calls answered as expected) and adds `#done`. The tokens are built once at start and signed by
 * nothing: they only need to look and decode like real ones. Does not listen beyond the loopback range.
 */
import { listen, readBody, send, type Listening } from '../test/e2e/support/listen.js';

/** Token calls per page; as many userinfo calls follow, 50 calls in all. */
export const PAIRS = 25;
/** Calls per page. */
export const CALLS = 2 * PAIRS;
/** Token/userinfo pairs running at the same time (a pair is sequential: userinfo needs its access token). */
export const LANES = 5;

/** What the page stores when it is done. */
export interface BenchResult {
  /** `performance.now()` when the last call finished: milliseconds since navigation start. */
  doneAt: number;
  /** Calls that answered 200 with the expected JSON (`CALLS` when all did). */
  ok: number;
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>capture bench</title><link rel="icon" href="data:,"></head><body>
<p id="status">running</p>
<script>
addEventListener('load', async () => {
  let next = 0, ok = 0;
  const userinfoXhr = (token) => new Promise((resolve) => {
    const x = new XMLHttpRequest();
    x.open('GET', '/userinfo');
    x.setRequestHeader('authorization', 'Bearer ' + token);
    x.onloadend = () => resolve(x.status === 200 && JSON.parse(x.responseText).sub !== undefined);
    x.send();
  });
  const userinfoFetch = async (token) => {
    const r = await fetch('/userinfo', { headers: { authorization: 'Bearer ' + token } });
    return r.ok && (await r.json()).sub !== undefined;
  };
  const pair = async (i) => {
    const body = new URLSearchParams({ grant_type: 'authorization_code', code: 'code-' + i, code_verifier: 'v'.repeat(43), client_id: 'bench', redirect_uri: location.origin + '/cb' });
    const t = await fetch('/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const tokens = await t.json();
    if (t.ok && tokens.id_token) ok++;
    if (await (i % 2 ? userinfoXhr : userinfoFetch)(tokens.access_token)) ok++;
  };
  await Promise.all(Array.from({ length: ${LANES} }, async () => { while (next < ${PAIRS}) await pair(next++); }));
  window.benchResult = { doneAt: performance.now(), ok };
  document.getElementById('status').id = 'done';
});
</script></body></html>`;

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signature = Buffer.alloc(256, 7).toString('base64url');

/** Token responses shaped like a provider's: an RS256 JWT access token and ID token per code index. */
function tokenResponses(issuer: string): string[] {
  const now = Math.floor(Date.now() / 1000);
  return Array.from({ length: PAIRS }, (_, i) => {
    const common = { iss: issuer, sub: `bench-user-${i}`, iat: now, exp: now + 3600, sid: `sid-${i}` };
    const jwt = (payload: Record<string, unknown>) => `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'bench' })}.${b64url(payload)}.${signature}`;
    return JSON.stringify({
      access_token: jwt({ ...common, aud: 'https://api.example.test/', client_id: 'bench', scope: 'openid profile email', jti: `at-${i}` }),
      id_token: jwt({ ...common, aud: 'bench', azp: 'bench', nonce: `n-${i}`, auth_time: now, name: `Bench User ${i}` }),
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'openid profile email',
    });
  });
}

/**
 * Starts the page and its endpoints on `host` (a loopback address) at a free port. `latencyMs` delays every
 * token and userinfo answer, as a provider across a network would (0: loopback speed, the benchmark's figure).
 */
export async function startBenchSite(host: string, latencyMs = 0): Promise<Listening> {
  let responses: string[] = [];
  const server = await listen(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = await readBody(req);
    if (latencyMs > 0 && path !== '/') await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (path === '/' && req.method === 'GET') return send(res, 200, 'text/html; charset=utf-8', PAGE);
    if (path === '/token' && req.method === 'POST') {
      const i = Number(/^code-(\d+)$/.exec(new URLSearchParams(body).get('code') ?? '')?.[1] ?? 0);
      return send(res, 200, 'application/json', responses[i % PAIRS] ?? '{}', { pragma: 'no-cache' });
    }
    if (path === '/userinfo' && req.method === 'GET') {
      const sub = /^Bearer /.test(req.headers.authorization ?? '') ? 'bench-user' : undefined;
      return send(res, sub ? 200 : 401, 'application/json', JSON.stringify(sub ? { sub, name: 'Bench User', email: 'bench@example.test' } : { error: 'invalid_token' }));
    }
    send(res, 404, 'text/plain', 'not found');
  }, host);
  responses = tokenResponses(server.origin);
  return server;
}
