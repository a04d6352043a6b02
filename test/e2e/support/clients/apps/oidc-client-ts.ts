/**
 * The oidc-client-ts app: `signinRedirect` (response in the query), then on `/callback` the library's
 * `signinRedirectCallback` (code exchange and, with `loadUserInfo`, the userinfo call), a `signinSilent` that
 * uses the refresh token and asks for the e2e API (a JWT access token), and a `signinSilent` forced through the
 * hidden iframe (`/silent`, prompt=none, the provider's session cookie, response in the query). Every call to
 * the provider is the library's own.
 */
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { authorizeFromUrl, config, run, runApp, step, summary } from './steps.js';

const cfg = config();
const settings = {
  authority: cfg.issuer,
  client_id: cfg.clientId,
  redirect_uri: cfg.redirectUri,
  silent_redirect_uri: cfg.silentRedirectUri,
  response_type: 'code',
  scope: cfg.scope,
  automaticSilentRenew: false,
  userStore: new WebStorageStateStore({ store: sessionStorage }),
};
const manager = new UserManager({ ...settings, loadUserInfo: true });
// The refresh asks for the e2e API's token; with loadUserInfo the library would send that token to userinfo,
// which refuses a token with an audience. A second manager on the same user store leaves userinfo out.
const apiManager = new UserManager({ ...settings, loadUserInfo: false });

const tokens = (user: User | null) => summary({ idToken: user?.id_token, accessToken: user?.access_token, refreshToken: user?.refresh_token });

/** signinSilent resolves to null when it got no user: a failed step, not a result. */
async function signedIn(user: Promise<User | null>): Promise<User> {
  const value = await user;
  if (!value) throw new Error('the library returned no user');
  return value;
}

async function callback(): Promise<void> {
  if (!authorizeFromUrl()) return;
  const user = await run('token', () => manager.signinRedirectCallback(), tokens);
  if (!user) return;
  // loadUserInfo made the library call userinfo inside the callback and merge the claims into the profile.
  const userinfo = await run('userinfo', async () => {
    if (typeof user.profile.email !== 'string') throw new Error('no email in the profile: userinfo was not called');
    return { sub: user.profile.sub, email: user.profile.email };
  });
  if (!userinfo) return;
  if (!(await run('refresh', () => signedIn(apiManager.signinSilent({ resource: cfg.resource })), tokens))) return;
  await run('silent', () => signedIn(manager.signinSilent({ forceIframeAuth: true })), tokens);
}

runApp({
  callback,
  login: async () => {
    step('authorize', 'redirecting');
    await manager.signinRedirect({ extraQueryParams: { resource: cfg.resource } });
  },
  pages: { '/silent': () => manager.signinSilentCallback() },
});
