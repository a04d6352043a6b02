/**
 * The progress contract of the client-library apps, run in the browser: each step writes `#step-<name>` with
 * `data-status` (`ok`, `error`, `running`) and, when it has one, its value as JSON in `#value-<name>`;
 * `#done` appears when the app stops; errors also go to `#error`. The same contract as the e2e SPA (spa/app.ts),
 * so tests read every app alike. Does not know any library.
 */

/** The configuration app-server.ts writes into `#e2e-config`. */
export interface AppConfig {
  /** The issuer (for Keycloak the realm URL; for Auth0 it ends in a slash). */
  issuer: string;
  clientId: string;
  /** Redirect URI of the interactive login. */
  redirectUri: string;
  /** Redirect URI of the hidden iframe (silent renew). */
  silentRedirectUri: string;
  /** Redirect URI of a popup login. */
  popupRedirectUri: string;
  /** Scopes asked for at login, space-separated. */
  scope: string;
  /** The e2e API's resource indicator: asked for at login and again at refresh (a JWT access token). */
  resource: string;
  /** Scope of that API. */
  resourceScope: string;
}

/** The app's configuration. */
export function config(): AppConfig {
  return JSON.parse(document.getElementById('e2e-config')?.textContent ?? '{}') as AppConfig;
}

/** Shows one step's outcome; `value` is shown as JSON for the tests. */
export function step(name: string, status: string, detail = '', value?: unknown): void {
  let el = document.getElementById(`step-${name}`);
  if (!el) {
    el = document.createElement('li');
    el.id = `step-${name}`;
    (document.getElementById('steps') ?? document.body).append(el);
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

/** Records a failure of `name` on its step and in `#error`. */
export function fail(name: string, error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'object' ? JSON.stringify(error) : String(error);
  step(name, 'error', message);
  const box = document.getElementById('error') ?? document.body.appendChild(Object.assign(document.createElement('p'), { id: 'error' }));
  box.textContent = `${box.textContent ? `${box.textContent}\n` : ''}${name}: ${message}`;
}

/**
 * Runs one step: `ok` with what `report` makes of the value `fn` returns (the value itself by default), or
 * `error`. Returns the value, or undefined after a failure (the app then stops: later steps need this one's tokens).
 */
export async function run<T>(name: string, fn: () => Promise<T>, report: (value: T) => unknown = (value) => value): Promise<T | undefined> {
  step(name, 'running');
  try {
    const value = await fn();
    step(name, 'ok', '', report(value));
    return value;
  } catch (error) {
    fail(name, error);
    return undefined;
  }
}

/** Marks the end of the app's work, successful or not. */
export function done(): void {
  document.body.append(Object.assign(document.createElement('p'), { id: 'done', textContent: 'done' }));
}

/** Calls `start` on a click on `#login`, and at once when the page was opened with `?autostart`. */
export function onLogin(start: () => Promise<void>): void {
  const begin = () => start().catch((e: unknown) => fail('start', e));
  document.getElementById('login')?.addEventListener('click', () => void begin());
  if (new URL(location.href).searchParams.has('autostart')) void begin();
}

/** What an app does on each of its pages. */
export interface AppPages {
  /** The redirect URI of the interactive login: runs the app's steps, then `#done`. */
  callback(): Promise<void>;
  /** Starts the login (the app's start page). */
  login(): Promise<void>;
  /** Other pages by path (`/silent`, `/popup`): what the library's hidden iframe or popup page must do. */
  pages?: Record<string, () => Promise<void> | void>;
}

/**
 * Runs the page of this app the browser is on: a page of `pages` by path, the callback (then `#done`, even after a
 * failure), else the start page with its login. Failures go to `#error`.
 */
export function runApp(app: AppPages): void {
  const run = async (): Promise<void> => {
    const page = app.pages?.[location.pathname];
    if (page) {
      await page();
      return;
    }
    if (location.pathname === '/callback') {
      try {
        await app.callback();
      } finally {
        done();
      }
      return;
    }
    onLogin(app.login);
  };
  run().catch((e: unknown) => fail('main', e));
}

/** The payload of a JWT, or undefined when `token` is not one (opaque). Does not verify anything. */
export function jwtPayload(token: string | undefined): Record<string, unknown> | undefined {
  const part = token?.split('.')[1];
  if (!part) return undefined;
  try {
    return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Fetches the userinfo endpoint with a bearer token, as an app does when its library has no call for it. */
export async function fetchUserinfo(endpoint: string, accessToken: string): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
  if (!response.ok) throw new Error(`userinfo answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** What a step reports about the tokens it holds: enough for a test to tell tokens apart, never the tokens. */
export interface TokenSummary {
  /** `sub` of the ID token. */
  sub: unknown;
  /** The last characters of the ID token's signature (different ID tokens differ here). */
  idToken: string;
  /** The last characters of the access token. */
  accessToken: string;
  /** Whether the access token is a JWT (else opaque). */
  accessTokenJwt: boolean;
  /** `aud` of the access token when it is a JWT and has one; else `null`. */
  accessTokenAud: unknown;
  /** Whether the library holds a refresh token (false when the library keeps it out of reach, as Auth0's worker does). */
  refreshToken: boolean;
}

const tail = (token: string | undefined) => (token ? token.slice(-12) : '');

/** Summarises the tokens a library handed to the app. */
export function summary(tokens: { idToken?: string | undefined; accessToken?: string | undefined; refreshToken?: string | undefined }): TokenSummary {
  const at = jwtPayload(tokens.accessToken);
  return {
    sub: jwtPayload(tokens.idToken)?.['sub'],
    idToken: tail(tokens.idToken),
    accessToken: tail(tokens.accessToken),
    accessTokenJwt: at !== undefined,
    accessTokenAud: at?.['aud'] ?? null,
    refreshToken: !!tokens.refreshToken,
  };
}

/**
 * Reports the `authorize` step from the redirect the page was loaded with: `ok` when the query or the fragment
 * holds a `code`, `error` with the provider's `error` otherwise. Returns whether a code came back.
 */
export function authorizeFromUrl(): boolean {
  const url = new URL(location.href);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const code = url.searchParams.get('code') ?? fragment.get('code');
  if (code) {
    step('authorize', 'ok', 'code received');
    return true;
  }
  fail('authorize', new Error(`no code in the redirect: ${url.searchParams.get('error') ?? fragment.get('error') ?? 'nothing'}`));
  return false;
}

/** The userinfo endpoint from the issuer's discovery document, for apps whose library does not call userinfo. */
export async function userinfoEndpoint(issuer: string): Promise<string> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  const metadata = (await response.json()) as { userinfo_endpoint?: unknown };
  if (typeof metadata.userinfo_endpoint !== 'string') throw new Error('the discovery document names no userinfo endpoint');
  return metadata.userinfo_endpoint;
}
