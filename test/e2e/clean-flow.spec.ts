/**
 * The clean SPA login, captured by the extension in Chromium: ID, access and refresh tokens decoded, userinfo
 * and introspection in the same flow as the ID token, signatures valid against the provider's JWKS (key
 * fetching switched on first, as a user would on the options page), and no error finding.
 */
import { TEST_LOGIN } from './support/accounts.js';
import { expect, test } from './support/extension-fixtures.js';
import { isRefreshToken, type PanelArtifact } from './support/panel.js';
import { E2E_API, SPA_CLIENT_ID } from './support/provider-config.js';
import { expectSteps, startSpaLogin, waitForDone } from './support/spa-page.js';

/** What the panel must show, artifact by artifact: a name and a test on the artifacts. */
const EXPECTED: { what: string; find: (a: PanelArtifact) => boolean }[] = [
  { what: 'ID token', find: (a) => a.kind === 'id_token' },
  { what: 'JWT access token for the e2e API', find: (a) => a.kind === 'access_token' && a.claims['aud'] === E2E_API },
  // oidc-provider's refresh tokens are opaque: kind opaque_token, told apart by the artifact's data-role.
  { what: 'refresh token (opaque: needs data-role="refresh_token")', find: isRefreshToken },
  { what: 'userinfo response', find: (a) => a.kind === 'userinfo' },
  { what: 'introspection response', find: (a) => a.kind === 'introspection' },
];

test('clean SPA login: tokens decoded, userinfo and introspection in the flow, signatures valid, no error', async ({ ext, lab, panelFor }) => {
  await ext.updateSettings({ fetchKeys: true });
  const page = await ext.context.newPage();
  await startSpaLogin(page, lab.spa.origin);
  await waitForDone(page);
  await expectSteps(page, { token: 'ok', userinfo: 'ok', refresh: 'ok', introspection: 'ok' });

  const panel = await panelFor(page);
  await panel.waitForAnalysis();
  await panel.waitFor('ID and access tokens, userinfo and introspection decoded, JWT signatures checked', async (p) => {
    const artifacts = await p.artifacts();
    const kinds = new Set(artifacts.map((a) => a.kind));
    const jwts = artifacts.filter((a) => a.kind === 'id_token' || a.kind === 'access_token');
    return ['id_token', 'access_token', 'userinfo', 'introspection'].every((k) => kinds.has(k)) && jwts.every((a) => a.signature !== '' && a.signature !== 'not-checked');
  });

  const artifacts = await panel.artifacts();
  for (const e of EXPECTED) expect(artifacts.some(e.find), e.what).toBe(true);
  const idToken = artifacts.find((a) => a.kind === 'id_token');
  expect(idToken?.claims).toMatchObject({ iss: lab.provider.issuer, sub: TEST_LOGIN, aud: SPA_CLIENT_ID });
  const flowId = idToken?.flowId ?? '';
  expect(flowId, 'the ID token belongs to a flow').not.toBe('');
  for (const kind of ['userinfo', 'introspection']) expect(artifacts.find((a) => a.kind === kind)?.flowId, `${kind} in the ID token's flow`).toBe(flowId);
  expect(artifacts.find((a) => a.kind === 'userinfo')?.claims).toMatchObject({ sub: TEST_LOGIN });

  const signed = artifacts.filter((a) => a.signature !== '');
  expect(signed.length).toBeGreaterThanOrEqual(2);
  expect(signed.map((a) => `${a.kind} ${a.signature}`)).toEqual(signed.map((a) => `${a.kind} valid`));

  const flow = (await panel.flows()).find((f) => f.id === flowId);
  expect(flow).toMatchObject({ issuer: lab.provider.issuer, subject: TEST_LOGIN, type: 'authorization_code', serverSide: false });
  expect(flow?.steps.map((s) => s.kind)).toEqual(expect.arrayContaining(['authorize_request', 'token', 'userinfo', 'refresh', 'introspection']));
  expect(flow?.steps.every((s) => s.observable)).toBe(true);

  const errors = (await panel.findings()).filter((f) => f.severity === 'error');
  expect(errors.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  await expect(panel.page.locator('[data-testid="finding"][data-severity="error"]')).toHaveCount(0);
});
