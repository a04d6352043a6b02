/**
 * Proves the client-library world without the extension, in plain Chromium: each real library (oidc-client-ts,
 * keycloak-js, @azure/msal-browser by redirect and by popup, @auth0/auth0-spa-js) completes login, userinfo,
 * refresh and silent renew against oidc-provider shaped for it, and its traffic has the shape the extension specs
 * (clients.spec.ts) assume: where the authorization requests ran, how the responses came back, which token calls
 * ran in a Web Worker.
 */
import { TEST_LOGIN } from './support/accounts.js';
import { CHROMIUM_ARGS, chromiumPath } from './support/browsers.js';
import { expect, test } from './support/clients/client-fixtures.js';
import { clientStepValue, expectClientDone, startClientLogin, type LoginMode } from './support/clients/client-page.js';
import type { ClientLibrary } from './support/clients/libraries.js';
import { recordTraffic, type SeenResponse } from './support/clients/traffic.js';
import { E2E_API } from './support/provider-config.js';

interface Case {
  library: ClientLibrary;
  mode: LoginMode;
  /** How the interactive login's and then the silent renew's authorization responses reached the app. */
  responses: SeenResponse[];
  /** Token calls made from a Web Worker rather than the page. */
  workerTokenCalls: number;
  /** Whether the refresh's access token is the e2e API's RFC 9068 token (else Keycloak-shaped, without `aud`). */
  apiToken: boolean;
}

const CASES: Case[] = [
  { library: 'oidc-client-ts', mode: 'redirect', responses: [{ where: 'app', via: 'query' }, { where: 'iframe', via: 'query' }], workerTokenCalls: 0, apiToken: true },
  { library: 'keycloak-js', mode: 'redirect', responses: [{ where: 'app', via: 'fragment' }, { where: 'iframe', via: 'fragment' }], workerTokenCalls: 0, apiToken: false },
  { library: 'msal-browser', mode: 'redirect', responses: [{ where: 'app', via: 'fragment' }, { where: 'iframe', via: 'fragment' }], workerTokenCalls: 0, apiToken: true },
  { library: 'msal-browser', mode: 'popup', responses: [{ where: 'popup', via: 'fragment' }, { where: 'iframe', via: 'fragment' }], workerTokenCalls: 0, apiToken: true },
  // The code exchange and the refresh run in auth0-spa-js's worker; the silent renew's exchange in the page.
  { library: 'auth0-spa-js', mode: 'redirect', responses: [{ where: 'app', via: 'query' }, { where: 'iframe', via: 'web_message' }], workerTokenCalls: 2, apiToken: true },
];

// MSAL's world is https with a self-signed certificate; a launch option is per file (it needs its own browser).
test.use({ launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] } });

for (const c of CASES) {
  test.describe(`${c.library} (${c.mode})`, () => {
    test.use({ clientLibrary: c.library });

    test('login, userinfo, refresh and silent renew against oidc-provider', async ({ page, world }) => {
      const traffic = await recordTraffic(page, world);
      await startClientLogin(page, world, c.mode);
      await expectClientDone(page, world);

      const login = await clientStepValue(page, 'token');
      expect(login).toMatchObject({ sub: TEST_LOGIN });
      expect(await clientStepValue<Record<string, unknown>>(page, 'userinfo')).toMatchObject({ sub: TEST_LOGIN, email: `${TEST_LOGIN}@example.test` });
      const refreshed = await clientStepValue(page, 'refresh');
      expect(refreshed.accessToken, 'the refresh gave a new access token').not.toBe(login.accessToken);
      expect(refreshed).toMatchObject(c.apiToken ? { accessTokenJwt: true, accessTokenAud: E2E_API } : { accessTokenJwt: true, accessTokenAud: null });
      const renewed = await clientStepValue(page, 'silent');
      expect(renewed).toMatchObject({ sub: TEST_LOGIN });
      // Not compared with the login's ID token: without a nonce, one issued in the same second is the same JWT.
      expect(renewed.idToken, 'the silent renew gave an ID token').not.toBe('');

      const seen = traffic();
      expect(seen.responses).toEqual(c.responses);
      expect(seen.authorizations.map((a) => a.where)).toEqual(c.responses.map((r) => r.where));
      expect(seen.authorizations.at(-1)?.prompt, 'the silent renew asks for no interaction').toBe('none');
      expect(seen.tokenCalls, 'token calls: code exchange, refresh, silent renew exchange').toBe(3);
      expect(seen.tokenCalls - seen.pageTokenCalls, 'token calls from a Web Worker').toBe(c.workerTokenCalls);
      if (c.workerTokenCalls > 0) expect(seen.workers.some((url) => url.startsWith('blob:'))).toBe(true);
      test.info().annotations.push({ type: 'traffic', description: JSON.stringify(seen) });
    });
  });
}
