/**
 * A hostile site on a configured host (127.0.0.1) for hostile-page.spec.ts (issue 10 §3): its page takes the
 * relay's private port the way any page can (it scripts a same-origin frame's initial about:blank window before
 * the frame's hook runs: HTML reuses that window for the frame's document, see page-hook-private.spec.ts), then
 * reports through it whatever the test makes up (`window.hostile.forge`). The site also plays a small OpenID
 * provider for one real token call (`/token`, an ID token signed with the key of `/jwks`, issuer = the site's
 * origin, discovery at `/.well-known/openid-configuration`), answers `/real/<name>` with a little JSON, and logs
 * every request it gets, so the test can tell what the extension's worker fetched. A second server, the canary,
 * only logs: nothing may ever reach it.
 */
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { HOOK_TAG } from '../../../src/capture/hook-protocol.js';
import { listen, readBody, send, type Listening } from './listen.js';

/** The client id of the real token call. */
export const HOSTILE_CLIENT = 'hostile-client';

/** One request a server got. */
export interface Logged {
  method: string;
  /** Path and query, as requested. */
  path: string;
  cookie?: string;
}

/** The site and its canary. */
export interface HostileSite {
  origin: string;
  port: number;
  /** Every request the site got, in order. */
  log: Logged[];
  /** The canary server: a second port on the same host. */
  canary: { origin: string; log: Logged[] };
  close(): Promise<void>;
}

/** What the hostile page exposes to the test as `window.hostile`. */
export interface HostilePage {
  /** The relay's port, once the prepared frame's relay offered it. */
  port: MessagePort | null;
  /** Reports each observation over the stolen port, as the page hook would. */
  forge(observations: unknown[]): void;
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>hostile page</title><link rel="icon" href="data:,">
<script>
(() => {
  const TAG = ${JSON.stringify(HOOK_TAG)};
  const hostile = window.hostile = {
    port: null,
    forge(observations) { for (const observation of observations) hostile.port.postMessage({ kind: 'observation', observation }); },
  };
  // The frame's window before its document (and its hook and relay) exist: this listener comes first.
  const frame = document.createElement('iframe');
  frame.src = '/frame';
  document.documentElement.append(frame);
  frame.contentWindow.addEventListener('message', (event) => {
    if (event.data && event.data.tag === TAG && event.data.kind === 'port' && event.ports.length === 1 && !hostile.port) hostile.port = event.ports[0];
  }, true);
})();
</script></head><body><p id="ready">hostile</p></body></html>`;

const QUIET = '<!doctype html><html><head><meta charset="utf-8"><title>quiet page</title><link rel="icon" href="data:,"></head><body><p>quiet</p></body></html>';
const FRAME = '<!doctype html><html><head><meta charset="utf-8"><title>frame</title></head><body>frame</body></html>';

function logged(req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }): Logged {
  const cookie = req.headers['cookie'];
  return { method: req.method ?? '', path: req.url ?? '', ...(typeof cookie === 'string' ? { cookie } : {}) };
}

/** Starts the hostile site and its canary on 127.0.0.1 at free ports. */
export async function startHostileSite(): Promise<HostileSite> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'hostile-1', alg: 'RS256', use: 'sig' };
  const log: Logged[] = [];
  const canaryLog: Logged[] = [];
  let origin = '';
  const site: Listening = await listen(async (req, res) => {
    log.push(logged(req));
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = await readBody(req);
    if (path === '/') return send(res, 200, 'text/html; charset=utf-8', PAGE);
    if (path === '/quiet') return send(res, 200, 'text/html; charset=utf-8', QUIET);
    if (path === '/frame') return send(res, 200, 'text/html; charset=utf-8', FRAME);
    if (path.startsWith('/real/')) return send(res, 200, 'application/json', JSON.stringify({ ok: true, path }));
    if (path === '/.well-known/openid-configuration') {
      return send(res, 200, 'application/json', JSON.stringify({ issuer: origin, jwks_uri: `${origin}/jwks`, token_endpoint: `${origin}/token`, authorization_endpoint: `${origin}/authorize`, id_token_signing_alg_values_supported: ['RS256'] }));
    }
    if (path === '/jwks') return send(res, 200, 'application/json', JSON.stringify({ keys: [jwk] }));
    if (path === '/token' && req.method === 'POST' && body.includes(`client_id=${HOSTILE_CLIENT}`)) {
      const now = Math.floor(Date.now() / 1000);
      const idToken = await new SignJWT({ sub: 'alice', nonce: 'n-1' })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid as string, typ: 'JWT' })
        .setIssuer(origin)
        .setAudience(HOSTILE_CLIENT)
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(privateKey);
      return send(res, 200, 'application/json', JSON.stringify({ access_token: 'opaque-access', token_type: 'Bearer', expires_in: 600, id_token: idToken }));
    }
    send(res, 404, 'text/plain', 'not found');
  }, '127.0.0.1');
  origin = site.origin;
  const canary = await listen((req, res) => {
    canaryLog.push(logged(req));
    send(res, 404, 'text/plain', 'not found');
  }, '127.0.0.1');
  return {
    origin: site.origin,
    port: site.port,
    log,
    canary: { origin: canary.origin, log: canaryLog },
    close: async () => {
      await Promise.all([site.close(), canary.close()]);
    },
  };
}
