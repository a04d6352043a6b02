/**
 * The @azure/msal-browser app in `protocolMode: "OIDC"` against an https authority listed in `knownAuthorities`:
 * `loginRedirect` (then `handleRedirectPromise` on `/callback`) or, with `?mode=popup`, `loginPopup` (the popup
 * ends on `/popup`, MSAL's redirect bridge, which hands the response to the app over a BroadcastChannel); then a
 * userinfo call by the app (MSAL has none) with MSAL's access token, `acquireTokenSilent` with `forceRefresh`
 * (the refresh token, asking for the e2e API) and `ssoSilent` (a hidden iframe with prompt=none ending on
 * `/silent`, the bridge again). Every call to the provider but userinfo is MSAL's own.
 */
import { ProtocolMode, PublicClientApplication, type AuthenticationResult } from '@azure/msal-browser';
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';
import { authorizeFromUrl, config, done, fetchUserinfo, run, runApp, step, summary, userinfoEndpoint } from './steps.js';

const cfg = config();
const popup = new URL(location.href).searchParams.get('mode') === 'popup';
const scopes = cfg.scope.split(' ');
// MSAL asks for offline_access in every refresh, and oidc-provider keeps offline_access in a grant only when the
// login asked for consent explicitly: without prompt=consent, MSAL's refresh fails with invalid_scope.
const prompt = 'consent';
const tokens = (r: AuthenticationResult) => summary({ idToken: r.idToken, accessToken: r.accessToken, refreshToken: undefined });

function msal(): PublicClientApplication {
  return new PublicClientApplication({
    auth: { clientId: cfg.clientId, authority: cfg.issuer, knownAuthorities: [new URL(cfg.issuer).host], redirectUri: cfg.redirectUri },
    cache: { cacheLocation: 'sessionStorage' },
    system: { protocolMode: ProtocolMode.OIDC },
  });
}

async function afterLogin(pca: PublicClientApplication, login: AuthenticationResult): Promise<void> {
  const account = login.account;
  if (!(await run('userinfo', async () => fetchUserinfo(await userinfoEndpoint(cfg.issuer), login.accessToken)))) return;
  const refresh = () => pca.acquireTokenSilent({ account, scopes: [cfg.resourceScope], forceRefresh: true, extraParameters: { resource: cfg.resource } });
  if (!(await run('refresh', refresh, tokens))) return;
  await run('silent', () => pca.ssoSilent({ scopes, loginHint: account.username || undefined, redirectUri: cfg.silentRedirectUri }), tokens);
}

async function callback(): Promise<void> {
  if (!authorizeFromUrl()) return;
  const pca = msal();
  await pca.initialize();
  const login = await run('token', async () => {
    const result = await pca.handleRedirectPromise({ navigateToLoginRequestUrl: false });
    if (!result) throw new Error('handleRedirectPromise found no response');
    return result;
  }, tokens);
  if (login) await afterLogin(pca, login);
}

async function loginWithPopup(): Promise<void> {
  const pca = msal();
  await pca.initialize();
  step('authorize', 'popup');
  try {
    const login = await run('token', () => pca.loginPopup({ scopes, prompt, extraQueryParameters: { resource: cfg.resource }, redirectUri: cfg.popupRedirectUri }), tokens);
    if (!login) return;
    step('authorize', 'ok', 'code received in the popup');
    await afterLogin(pca, login);
  } finally {
    done();
  }
}

runApp({
  callback,
  login: popup
    ? loginWithPopup
    : async () => {
        const pca = msal();
        await pca.initialize();
        step('authorize', 'redirecting');
        await pca.loginRedirect({ scopes, prompt, extraQueryParameters: { resource: cfg.resource }, redirectUri: cfg.redirectUri });
      },
  pages: { '/popup': broadcastResponseToMainFrame, '/silent': broadcastResponseToMainFrame },
});
