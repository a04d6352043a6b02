/**
 * The e2e confidential relying party: a server on `http://localhost:<port>/` that logs in with the
 * client_secret_basic client and does the code exchange, userinfo and introspection from node with oauth4webapi.
 * The browser sees only `/login` (a redirect to the provider), the provider's pages and the redirect back with
 * `code`; the result page shows the steps and the subject, never a token. Test-only: `allowInsecureRequests`
 * because the e2e issuer is http on loopback; one login at a time per state, kept in memory.
 */
import * as oauth from 'oauth4webapi';
import { listen, send } from './listen.js';
import { SERVER_CLIENT_ID, SERVER_CLIENT_SECRET } from './provider-config.js';

/** A running server-side RP; `configure` names the issuer once the provider runs. */
export interface ServerRp {
  origin: string;
  redirectUri: string;
  configure(issuer: string): void;
  close(): Promise<void>;
}

interface Pending {
  verifier: string;
  nonce: string;
}

const insecure = { [oauth.allowInsecureRequests]: true };
const client: oauth.Client = { client_id: SERVER_CLIENT_ID };
const clientAuth = oauth.ClientSecretBasic(SERVER_CLIENT_SECRET);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function resultPage(steps: [string, string, string][]): string {
  const items = steps.map(([name, status, detail]) => `<li id="step-${name}" data-status="${status}">${escapeHtml(`${name}: ${status} ${detail}`)}</li>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>e2e server RP</title><link rel="icon" href="data:,"></head><body><ol id="steps">${items.join('')}</ol><p id="done">done</p></body></html>`;
}

/** Starts the server-side RP on 127.0.0.1, announced as `localhost`. */
export async function startServerRp(): Promise<ServerRp> {
  let issuer: string | undefined;
  let as: oauth.AuthorizationServer | undefined;
  const pending = new Map<string, Pending>();
  let redirectUri = '';

  const discover = async () => {
    if (!issuer) throw new Error('no issuer configured');
    const url = new URL(issuer);
    as ??= await oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, { algorithm: 'oidc', ...insecure }));
    return as;
  };

  const login = async (): Promise<string> => {
    const server = await discover();
    const p = { verifier: oauth.generateRandomCodeVerifier(), nonce: oauth.generateRandomNonce() };
    const state = oauth.generateRandomState();
    pending.set(state, p);
    const url = new URL(server.authorization_endpoint ?? '');
    const params = { client_id: SERVER_CLIENT_ID, redirect_uri: redirectUri, response_type: 'code', scope: 'openid email profile', state, nonce: p.nonce, code_challenge: await oauth.calculatePKCECodeChallenge(p.verifier), code_challenge_method: 'S256' };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.href;
  };

  const callback = async (current: URL): Promise<[string, string, string][]> => {
    const server = await discover();
    const state = current.searchParams.get('state') ?? '';
    const p = pending.get(state);
    pending.delete(state);
    if (!p) throw new Error('unknown state');
    const params = oauth.validateAuthResponse(server, client, current, state);
    const tokens = await oauth.processAuthorizationCodeResponse(server, client, await oauth.authorizationCodeGrantRequest(server, client, clientAuth, params, redirectUri, p.verifier, insecure), { expectedNonce: p.nonce, requireIdToken: true });
    const sub = oauth.getValidatedIdTokenClaims(tokens)?.sub ?? '';
    const info = await oauth.processUserInfoResponse(server, client, sub, await oauth.userInfoRequest(server, client, tokens.access_token, insecure));
    const introspection = await oauth.processIntrospectionResponse(server, client, await oauth.introspectionRequest(server, client, clientAuth, tokens.access_token, insecure));
    return [
      ['token', 'ok', `sub=${sub}`],
      ['userinfo', 'ok', `email=${String(info.email)}`],
      ['introspection', introspection.active ? 'ok' : 'error', `active=${String(introspection.active)}`],
    ];
  };

  const server = await listen((req, res) => {
    const url = new URL(req.url ?? '/', redirectUri || 'http://localhost');
    const routes: Record<string, () => Promise<void>> = {
      '/': async () => send(res, 200, 'text/html; charset=utf-8', '<!doctype html><title>e2e server RP</title><link rel="icon" href="data:,"><a id="login" href="/login">Log in</a>'),
      '/login': async () => send(res, 302, 'text/plain', '', { location: await login() }),
      '/callback': async () => send(res, 200, 'text/html; charset=utf-8', resultPage(await callback(url))),
    };
    const route = routes[url.pathname];
    if (!route) return send(res, 404, 'text/plain', 'not found');
    route().catch((e: unknown) => send(res, 500, 'text/html; charset=utf-8', `<p id="error">${escapeHtml(String(e))}</p><p id="done">done</p>`));
  }, '127.0.0.1', 'localhost');
  redirectUri = `${server.origin}/callback`;
  return {
    origin: server.origin,
    redirectUri,
    configure: (value) => {
      issuer = value;
      as = undefined;
    },
    close: server.close,
  };
}
