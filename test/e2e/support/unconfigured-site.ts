/**
 * A site on a domain the extension is NOT configured for: `http://127.0.0.2:<port>/` (Linux routes all of
 * 127.0.0.0/8 to loopback). Its page makes token-like requests to itself (a token endpoint answering with an ID
 * token shaped JWT, a userinfo call with a Bearer token) and then shows `#done`. The extension must capture none
 * of it. Does not sign anything: the tokens only need to look like tokens.
 */
import { listen, readBody, send, type Listening } from './listen.js';

/** The loopback address that is deliberately not configured in the e2e build. */
export const UNCONFIGURED_HOST = '127.0.0.2';

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function fakeTokenResponse(origin: string): string {
  const now = Math.floor(Date.now() / 1000);
  const idToken = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ iss: origin, sub: 'never-captured', aud: 'c', iat: now, exp: now + 600 })}.c2lnbmF0dXJl`;
  return JSON.stringify({ access_token: 'unconfigured-access-token', token_type: 'Bearer', expires_in: 600, id_token: idToken });
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>unconfigured</title><link rel="icon" href="data:,"></head><body>
<ol id="steps"></ol>
<script>
(async () => {
  const mark = (name, status) => { const li = document.createElement('li'); li.id = 'step-' + name; li.dataset.status = status; li.textContent = name + ': ' + status; document.getElementById('steps').append(li); };
  const t = await fetch('/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=authorization_code&code=abc&code_verifier=def&client_id=c' });
  const tokens = await t.json();
  mark('token', t.ok ? 'ok' : 'error');
  const u = await fetch('/userinfo', { headers: { authorization: 'Bearer ' + tokens.access_token } });
  mark('userinfo', u.ok ? 'ok' : 'error');
  const x = new XMLHttpRequest(); x.open('POST', '/token'); x.setRequestHeader('content-type', 'application/x-www-form-urlencoded');
  await new Promise((resolve) => { x.onloadend = resolve; x.send('grant_type=refresh_token&refresh_token=r'); });
  mark('xhr', x.status === 200 ? 'ok' : 'error');
  const done = document.createElement('p'); done.id = 'done'; done.textContent = 'done'; document.body.append(done);
})();
</script></body></html>`;

/** Starts the unconfigured site on {@link UNCONFIGURED_HOST}. */
export function startUnconfiguredSite(): Promise<Listening> {
  let origin = '';
  const started = listen(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    await readBody(req);
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', PAGE);
    if (path === '/token') return send(res, 200, 'application/json', fakeTokenResponse(origin));
    if (path === '/userinfo') return send(res, 200, 'application/json', JSON.stringify({ sub: 'never-captured', email: 'x@example.test' }));
    send(res, 404, 'text/plain', 'not found');
  }, UNCONFIGURED_HOST);
  return started.then((server) => {
    origin = server.origin;
    return server;
  });
}
