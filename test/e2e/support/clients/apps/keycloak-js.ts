/**
 * The keycloak-js app, in the library's generic OIDC mode (`oidcProvider`: the realm URL, endpoints from the
 * discovery document at `<realm>/.well-known/openid-configuration`, which are Keycloak's paths):
 * `login()` (response in the fragment), then on `/callback` `init()` exchanges the code (with credentials),
 * `loadUserInfo()`, `updateToken(-1)` (a forced refresh) and, in a second instance, `init({ onLoad: 'check-sso' })`
 * with `silentCheckSsoRedirectUri` (a hidden iframe with prompt=none; `/silent` posts its URL to the app).
 * Keycloak's own session-status iframe is off: oidc-provider has none. Every call to the provider is the library's own.
 */
import Keycloak from 'keycloak-js';
import { authorizeFromUrl, config, run, runApp, step, summary } from './steps.js';

const cfg = config();
const keycloak = () => new Keycloak({ oidcProvider: cfg.issuer, clientId: cfg.clientId });
const base = { checkLoginIframe: false, pkceMethod: 'S256' as const, scope: cfg.scope, redirectUri: cfg.redirectUri };
const tokens = (kc: Keycloak) => summary({ idToken: kc.idToken, accessToken: kc.token, refreshToken: kc.refreshToken });

/** init() resolves to whether the instance is now logged in; not being logged in fails the step. */
async function authenticated(kc: Keycloak, init: Promise<boolean>): Promise<Keycloak> {
  if (!(await init)) throw new Error('keycloak-js is not authenticated');
  return kc;
}

async function callback(): Promise<void> {
  if (!authorizeFromUrl()) return;
  const kc = keycloak();
  if (!(await run('token', () => authenticated(kc, kc.init(base)), tokens))) return;
  if (!(await run('userinfo', () => kc.loadUserInfo()))) return;
  if (!(await run('refresh', async () => (await kc.updateToken(-1)) ? kc : Promise.reject(new Error('updateToken did not refresh')), tokens))) return;
  const silent = keycloak();
  await run('silent', () => authenticated(silent, silent.init({ ...base, onLoad: 'check-sso', silentCheckSsoRedirectUri: cfg.silentRedirectUri })), tokens);
}

runApp({
  callback,
  login: async () => {
    const kc = keycloak();
    await kc.init(base);
    step('authorize', 'redirecting');
    await kc.login({ redirectUri: cfg.redirectUri, scope: cfg.scope });
  },
  // keycloak-js's documented silent-check-sso page: hand the URL with the response to the app.
  pages: { '/silent': () => parent.postMessage(location.href, location.origin) },
});
