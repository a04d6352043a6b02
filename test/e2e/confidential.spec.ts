/**
 * A confidential client's login: the code exchange, userinfo and introspection happen on the relying party's
 * server, so the browser (and the extension) sees only the authorization request and the redirect with the
 * code. The panel must say so: a server-side flow with a step that is not observable, not a broken flow.
 */
import { TEST_LOGIN } from './support/accounts.js';
import { expect, test } from './support/extension-fixtures.js';
import { loginAtProvider } from './support/idp-pages.js';
import { SERVER_CLIENT_ID } from './support/provider-config.js';
import { expectSteps, waitForDone } from './support/spa-page.js';

test('confidential client: the server-side exchange is shown as not observable', async ({ ext, lab, panelFor }) => {
  const page = await ext.context.newPage();
  await page.goto(`${lab.serverRp.origin}/login`);
  await loginAtProvider(page);
  await waitForDone(page);
  await expectSteps(page, { token: 'ok', userinfo: 'ok', introspection: 'ok' });
  await expect(page.locator('#step-token')).toContainText(`sub=${TEST_LOGIN}`);

  const panel = await panelFor(page);
  await panel.waitForAnalysis();
  await panel.waitFor('a server-side flow', async (p) => (await p.flows()).some((f) => f.serverSide));
  const flow = (await panel.flows()).find((f) => f.serverSide);
  expect(flow?.steps.some((s) => !s.observable), 'a step marked not observable').toBe(true);
  // Without a token the issuer is known only from the RFC 9207 `iss` of the redirect, if the engine reads it.
  expect(['', lab.provider.issuer]).toContain(flow?.issuer);
  await panel.page.locator(`[data-testid="flow"][data-flow-id="${flow!.id}"]`).click();
  await expect(panel.page.locator(`[data-testid="flow-detail"][data-flow-id="${flow!.id}"] [data-testid="step"][data-observable="false"]`).first()).toBeVisible();

  const artifacts = await panel.artifacts();
  expect(artifacts.some((a) => a.kind === 'authorize_request' && a.claims['client_id'] === SERVER_CLIENT_ID)).toBe(true);
  expect(artifacts.some((a) => a.kind === 'authorize_response')).toBe(true);
  expect(artifacts.filter((a) => ['id_token', 'access_token', 'token_response', 'userinfo', 'introspection'].includes(a.kind)), 'no token reached the browser').toEqual([]);
  const calls = (await panel.exchanges()).map((x) => new URL(x.url).pathname);
  expect(calls.filter((p) => p === '/token' || p === '/me' || p === '/token/introspection')).toEqual([]);
});
