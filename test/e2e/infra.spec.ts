/**
 * Proves the e2e world without the extension, in plain Chromium: the provider, the SPA, the server-side RP, the
 * userinfo-rewriting proxy, the clock-shifted provider and the unconfigured site work as the extension tests
 * assume. engine-prediction.spec.ts runs the inspector's engine on the same traffic.
 */
import type { Page, Request } from '@playwright/test';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { TEST_LOGIN } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { loginAtProvider } from './support/idp-pages.js';
import type { Lab, LabOptions } from './support/lab.js';
import { E2E_API, SPA_CLIENT_ID, SERVER_CLIENT_ID } from './support/provider-config.js';
import { expectSteps, startSpaLogin, stepValue, waitForDone } from './support/spa-page.js';

interface TokenResponse {
  id_token: string;
  access_token: string;
  refresh_token?: string;
  token_type: string;
}

const isJwt = (token: string) => token.split('.').length === 3;

/** Requests the browser made to the provider (by path), to prove what a browser can and cannot see. */
function recordProviderPaths(page: Page, lab: Lab): string[] {
  const paths: string[] = [];
  page.on('request', (r: Request) => {
    const url = new URL(r.url());
    if (url.origin === lab.provider.issuer) paths.push(`${r.method()} ${url.pathname}`);
  });
  return paths;
}

async function spaLogin(page: Page, lab: Lab) {
  await startSpaLogin(page, lab.spa.origin);
  await waitForDone(page);
  await expectSteps(page, { discovery: 'ok', authorize: 'ok', token: 'ok', refresh: 'ok', introspection: 'ok' });
  return {
    tokens: await stepValue<TokenResponse>(page, 'token'),
    refreshed: await stepValue<TokenResponse>(page, 'refresh'),
    userinfo: await stepValue(page, 'userinfo'),
    introspection: await stepValue(page, 'introspection'),
  };
}

test.describe('SPA login with a public client, PKCE and fetch from the page', () => {
  test('ID, opaque and JWT access, refresh tokens; userinfo; introspection; signatures verify against the JWKS', async ({ page, lab }) => {
    const seen = recordProviderPaths(page, lab);
    const { tokens, refreshed, userinfo, introspection } = await spaLogin(page, lab);
    await expectSteps(page, { userinfo: 'ok' });
    await expect(page.locator('#error')).toHaveCount(0);

    const jwks = createRemoteJWKSet(new URL(`${lab.provider.issuer}/jwks`));
    const idToken = await jwtVerify(tokens.id_token, jwks, { issuer: lab.provider.issuer, audience: SPA_CLIENT_ID });
    expect(idToken.payload.sub).toBe(TEST_LOGIN);
    expect(tokens.refresh_token, 'a refresh token from the code exchange').toBeTruthy();
    expect(isJwt(tokens.access_token), 'the code exchange gives an opaque (userinfo) access token').toBe(false);
    expect(userinfo).toMatchObject({ sub: TEST_LOGIN, email: `${TEST_LOGIN}@example.test` });

    expect(decodeProtectedHeader(refreshed.access_token).typ).toBe('at+jwt');
    const at = await jwtVerify(refreshed.access_token, jwks, { issuer: lab.provider.issuer, audience: E2E_API, typ: 'at+jwt' });
    expect(at.payload).toMatchObject({ sub: TEST_LOGIN, client_id: SPA_CLIENT_ID });
    expect(introspection).toMatchObject({ active: true, sub: TEST_LOGIN, client_id: SPA_CLIENT_ID });

    // What a browser extension can observe: every call, from the page.
    expect(seen).toEqual(expect.arrayContaining(['GET /.well-known/openid-configuration', 'GET /auth', 'POST /token', 'GET /me', 'POST /token/introspection']));
  });

  const faults: { name: string; options: LabOptions; check(result: Awaited<ReturnType<typeof spaLogin>>, page: Page, lab: Lab): Promise<void> }[] = [
    {
      name: 'the proxy answers userinfo for another subject; the issuer is the proxy',
      options: { rewriteUserinfoSub: 'mallory' },
      check: async ({ tokens, userinfo }, page, lab) => {
        expect(lab.provider.issuer).not.toBe(lab.provider.upstream);
        const jwks = createRemoteJWKSet(new URL(`${lab.provider.issuer}/jwks`));
        expect((await jwtVerify(tokens.id_token, jwks, { issuer: lab.provider.issuer })).payload.sub).toBe(TEST_LOGIN);
        expect(userinfo).toMatchObject({ sub: 'mallory' });
        // A careful client refuses it: the sub differs from the ID token's.
        await expectSteps(page, { userinfo: 'rejected' });
      },
    },
    {
      name: 'the provider clock runs two hours late for JWT access tokens: the refreshed access token is expired',
      options: { jwtAccessTokenClockOffset: -7200 },
      check: async ({ refreshed }, page) => {
        await expectSteps(page, { userinfo: 'ok' });
        const [, payload] = refreshed.access_token.split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as { exp: number };
        expect(claims.exp).toBeLessThan(Math.floor(Date.now() / 1000) - 3600);
      },
    },
    {
      name: 'a short access token TTL is honoured',
      options: { accessTokenTtl: 5 },
      check: async ({ refreshed }) => {
        expect(refreshed).toMatchObject({ expires_in: expect.any(Number) });
        expect((refreshed as unknown as { expires_in: number }).expires_in).toBeLessThanOrEqual(5);
      },
    },
  ];
  for (const fault of faults) {
    test.describe(() => {
      test.use({ labOptions: fault.options });
      test(fault.name, async ({ page, lab }) => {
        await fault.check(await spaLogin(page, lab), page, lab);
      });
    });
  }
});

test('server-side RP with a confidential client: the browser sees only authorize and the redirect with code', async ({ page, lab }) => {
  const seen = recordProviderPaths(page, lab);
  const redirects: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(lab.serverRp.redirectUri)) redirects.push(r.url());
  });
  await page.goto(`${lab.serverRp.origin}/login`);
  await loginAtProvider(page);
  await waitForDone(page);
  await expect(page.locator('#error')).toHaveCount(0);
  await expectSteps(page, { token: 'ok', userinfo: 'ok', introspection: 'ok' });
  await expect(page.locator('#step-token')).toContainText(`sub=${TEST_LOGIN}`);
  expect(seen.filter((p) => /^(GET|POST) \/(token|me)\b/.test(p)), 'no token, userinfo or introspection call from the browser').toEqual([]);
  expect(seen).toContain('GET /auth');
  expect(redirects.some((u) => new URL(u).searchParams.has('code'))).toBe(true);
  expect(SERVER_CLIENT_ID).not.toBe(SPA_CLIENT_ID);
});

test('the unconfigured site on 127.0.0.2 answers its own token-like calls', async ({ page, lab }) => {
  expect(new URL(lab.unconfigured.origin).hostname).toBe('127.0.0.2');
  await page.goto(`${lab.unconfigured.origin}/`);
  await waitForDone(page);
  await expectSteps(page, { token: 'ok', userinfo: 'ok', xhr: 'ok' });
});
