/**
 * The @auth0/auth0-spa-js app, with `domain` the provider's origin (Auth0's paths `/authorize`, `/oauth/token`,
 * `/userinfo`; the issuer is `<origin>/`): `loginWithRedirect` (response in the query), `handleRedirectCallback`
 * on `/callback`, a userinfo call by the app with the library's access token (the library's `getUser` only reads
 * the ID token), `getTokenSilently({ cacheMode: 'off' })` with `useRefreshTokens` and the default in-memory cache
 * (the code exchange and the refresh run in the library's Web Worker, which keeps the refresh token), and then, in
 * a second client without refresh tokens, `getTokenSilently({ cacheMode: 'off' })` again: a hidden iframe with
 * prompt=none and `response_mode=web_message`, whose code the page itself exchanges.
 */
import { Auth0Client, type GetTokenSilentlyVerboseResponse } from '@auth0/auth0-spa-js';
import { authorizeFromUrl, config, fetchUserinfo, run, runApp, step, summary } from './steps.js';

const cfg = config();
const domain = cfg.issuer.replace(/\/$/, '');
const client = (useRefreshTokens: boolean) =>
  new Auth0Client({
    domain,
    clientId: cfg.clientId,
    authorizationParams: { redirect_uri: cfg.redirectUri, scope: cfg.scope },
    useRefreshTokens,
    // A failed refresh must fail the step, not hide behind an iframe.
    useRefreshTokensFallback: false,
  });
/** getTokenSilently may resolve to nothing (only with cacheMode 'cache-only'): that would be a failed step. */
async function got(response: Promise<GetTokenSilentlyVerboseResponse | undefined>): Promise<GetTokenSilentlyVerboseResponse> {
  const value = await response;
  if (!value) throw new Error('getTokenSilently returned no tokens');
  return value;
}

const tokens = (r: GetTokenSilentlyVerboseResponse) => summary({ idToken: r.id_token, accessToken: r.access_token, refreshToken: undefined });

async function callback(): Promise<void> {
  if (!authorizeFromUrl()) return;
  const auth0 = client(true);
  const login = await run('token', async () => {
    await auth0.handleRedirectCallback();
    return got(auth0.getTokenSilently({ detailedResponse: true }));
  }, tokens);
  if (!login) return;
  if (!(await run('userinfo', () => fetchUserinfo(`${domain}/userinfo`, login.access_token)))) return;
  const refreshed = await run('refresh', () => got(auth0.getTokenSilently({ cacheMode: 'off', detailedResponse: true, authorizationParams: { resource: cfg.resource } })), tokens);
  if (!refreshed) return;
  await run('silent', () => got(client(false).getTokenSilently({ cacheMode: 'off', detailedResponse: true })), tokens);
}

runApp({
  callback,
  login: async () => {
    step('authorize', 'redirecting');
    await client(true).loginWithRedirect({ authorizationParams: { resource: cfg.resource } });
  },
});
