/**
 * The e2e single-page relying party, run in the browser: discovery, authorize with PKCE + state + nonce
 * (a full-page redirect to the provider's login and consent pages), then on the callback the code exchange,
 * userinfo, a refresh that asks for the e2e API (a JWT access token) and an introspection of the first (opaque)
 * access token, all with fetch from the page through oauth4webapi. Each step writes `#step-<name>` with
 * `data-status` (`ok`, `error`, `rejected` when the client refused a response, `skipped`); `#done` appears at the
 * end, errors go to `#error`. Test-only: `allowInsecureRequests` because the e2e issuer is http on loopback.
 */
import * as oauth from 'oauth4webapi';

/** Written by spa-server.ts into `#e2e-config`. */
interface SpaConfig {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  resource: string;
}

/** What survives the redirect to the provider (sessionStorage). */
interface Pending {
  verifier: string;
  state: string;
  nonce: string;
  /** Step before which the page waits for a click on `#continue` (tests stop the worker there). */
  pauseBefore: string | null;
}

const PENDING_KEY = 'e2e-spa-pending';
const config = JSON.parse(document.getElementById('e2e-config')?.textContent ?? '{}') as SpaConfig;
const client: oauth.Client = { client_id: config.clientId };
const clientAuth = oauth.None();
const insecure = { [oauth.allowInsecureRequests]: true };

function list(): HTMLElement {
  return document.getElementById('steps') ?? document.body;
}

/** Shows one step's outcome; `value` is shown as JSON for tests that read what the client got. */
function step(name: string, status: string, detail = '', value?: unknown): void {
  let el = document.getElementById(`step-${name}`);
  if (!el) {
    el = document.createElement('li');
    el.id = `step-${name}`;
    list().append(el);
  }
  el.dataset.status = status;
  el.textContent = `${name}: ${status}${detail ? ` (${detail})` : ''}`;
  if (value !== undefined) {
    const pre = document.createElement('pre');
    pre.id = `value-${name}`;
    pre.textContent = JSON.stringify(value);
    el.append(pre);
  }
}

function fail(name: string, error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  step(name, 'error', message);
  const box = document.getElementById('error') ?? document.body.appendChild(Object.assign(document.createElement('p'), { id: 'error' }));
  box.textContent = `${box.textContent ? `${box.textContent}\n` : ''}${name}: ${message}`;
}

async function discover(): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(config.issuer);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure }));
  step('discovery', 'ok', as.issuer);
  return as;
}

async function pauseIf(pending: Pending, name: string): Promise<void> {
  if (pending.pauseBefore !== name) return;
  const button = Object.assign(document.createElement('button'), { id: 'continue', textContent: `continue with ${name}` });
  button.dataset.before = name;
  document.body.append(button);
  await new Promise<void>((resolve) => button.addEventListener('click', () => resolve(), { once: true }));
  button.remove();
}

async function start(pauseBefore: string | null): Promise<void> {
  const as = await discover();
  const pending: Pending = { verifier: oauth.generateRandomCodeVerifier(), state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce(), pauseBefore };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint ?? '');
  const params = {
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    response_type: 'code',
    scope: config.scope,
    resource: config.resource,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  step('authorize', 'redirecting');
  location.assign(url.href);
}

/** Runs one step; a failure is shown and the flow goes on with what it has. */
async function run<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (error) {
    fail(name, error);
    return undefined;
  }
}

async function callback(pending: Pending): Promise<void> {
  const as = await discover();
  const params = oauth.validateAuthResponse(as, client, new URL(location.href), pending.state);
  step('authorize', 'ok', 'code received');
  await pauseIf(pending, 'token');
  const tokens = await run('token', async () => {
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, config.redirectUri, pending.verifier, insecure);
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
    step('token', 'ok', 'ID, access and refresh tokens', result);
    return result;
  });
  if (!tokens) return;
  const sub = oauth.getValidatedIdTokenClaims(tokens)?.sub ?? '';
  await pauseIf(pending, 'userinfo');
  await run('userinfo', async () => {
    const response = await oauth.userInfoRequest(as, client, tokens.access_token, insecure);
    // Read the body first so a test sees what the provider said even when the client refuses it.
    const body = (await response.clone().json()) as unknown;
    try {
      await oauth.processUserInfoResponse(as, client, sub, response);
      step('userinfo', 'ok', '', body);
    } catch (error) {
      step('userinfo', 'rejected', error instanceof Error ? error.message : String(error), body);
    }
  });
  await pauseIf(pending, 'refresh');
  await run('refresh', async () => {
    if (!tokens.refresh_token) throw new Error('no refresh token');
    const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token, { additionalParameters: { resource: config.resource }, ...insecure });
    const result = await oauth.processRefreshTokenResponse(as, client, response);
    step('refresh', 'ok', 'JWT access token for the e2e API', result);
  });
  await pauseIf(pending, 'introspection');
  await run('introspection', async () => {
    const response = await oauth.introspectionRequest(as, client, clientAuth, tokens.access_token, insecure);
    const result = await oauth.processIntrospectionResponse(as, client, response);
    step('introspection', result.active ? 'ok' : 'error', result.active ? 'active' : 'inactive', result);
  });
}

async function main(): Promise<void> {
  const url = new URL(location.href);
  const stored = sessionStorage.getItem(PENDING_KEY);
  if (url.searchParams.has('code') || url.searchParams.has('error')) {
    sessionStorage.removeItem(PENDING_KEY);
    try {
      if (!stored) throw new Error('callback without a pending login');
      await callback(JSON.parse(stored) as Pending);
    } finally {
      document.body.append(Object.assign(document.createElement('p'), { id: 'done', textContent: 'done' }));
    }
    return;
  }
  const login = document.getElementById('login');
  const begin = () => start(url.searchParams.get('pauseBefore')).catch((e: unknown) => fail('start', e));
  login?.addEventListener('click', () => void begin());
  if (url.searchParams.has('autostart')) await begin();
}

main().catch((e: unknown) => fail('main', e));
