/**
 * First install of the default build, as a user does it (issue: webRequest stayed silent after the first grant
 * until the worker restarted). The default Chrome build asks for no host at install; in a headed Chromium under
 * Xvfb the test adds the provider's host (127.0.0.1) and the app's (localhost) on the options page, allowing
 * Chrome's own prompt for each with the keyboard, then logs in with DevTools closed. The authorize request and
 * its redirect must be seen by webRequest, by the same worker that was running before the grant, with no error
 * finding. Then: the provider's host removed on the options page gets no webRequest callback while the app's
 * host still does; added again, it is captured at once; a load that wakes the stopped worker reaches it whole
 * (the re-added listeners keep the MV3 rule that the waking event is delivered); and after a browser restart on
 * the same profile (access already granted) a second login is captured by webRequest too.
 */
import type { CaptureStats } from '../../src/shared/protocol.js';
import { expect, test } from './support/first-install-fixtures.js';
import type { HeadedExtension } from './support/headed-extension.js';
import type { Lab } from './support/lab.js';
import { OptionsPage } from './support/options-page.js';
import { PanelPage, type PanelExchange } from './support/panel.js';
import { expectSteps, startSpaLogin, waitForDone } from './support/spa-page.js';
import { controlWorker } from './support/worker-control.js';
import { missingDisplayTools } from './support/xvfb.js';

// Users without them may skip it; CI installs xvfb and xdotool, so there a missing tool is a failure, not a skip.
test.skip(missingDisplayTools().length > 0 && !process.env.CI, `not installed: ${missingDisplayTools().join(', ')} (Debian: apt-get install xvfb xdotool)`);

const webRequestCallbacks = (stats: CaptureStats): number => stats.callbacks['webRequest'] ?? 0;

/** The stats once the webRequest counter stopped moving (nothing of an earlier page still arriving). */
async function settledStats(ext: HeadedExtension): Promise<CaptureStats> {
  let last = await ext.stats();
  await expect(async () => {
    const again = await ext.stats();
    const settled = webRequestCallbacks(again) === webRequestCallbacks(last);
    last = again;
    expect(settled, 'webRequest callbacks stopped moving').toBe(true);
  }).toPass({ intervals: [300], timeout: 15_000 });
  return last;
}

const seenByWebRequest = (x: PanelExchange) => x.sources.includes('webRequest');

/**
 * Logs in on the SPA in a new tab (DevTools never opened) and checks in the panel page of that tab that
 * webRequest saw the authorize request, the redirect back to the app and the callback with the code, that the
 * login flow's authorization request and response steps name webRequest among their sources, and that there is no
 * error finding.
 */
async function loginSeenByWebRequest(ext: HeadedExtension, lab: Lab): Promise<void> {
  const page = await ext.context.newPage();
  await startSpaLogin(page, lab.spa.origin);
  await waitForDone(page);
  await expectSteps(page, { discovery: 'ok', authorize: 'ok', token: 'ok', userinfo: 'ok', refresh: 'ok', introspection: 'ok' });

  const panel = new PanelPage(await ext.openPanel(await ext.tabIdOf(page)));
  await panel.waitForAnalysis();
  const authorize = (x: PanelExchange) => x.method === 'GET' && x.url.startsWith(`${lab.provider.issuer}/auth?`);
  // oidc-provider answers the authorize request with the login page, then resumes at /auth/<uid>, which redirects
  // to the app with the code.
  const redirect = (x: PanelExchange) => x.method === 'GET' && x.url.startsWith(`${lab.provider.issuer}/auth/`) && /^3\d\d$/.test(x.status);
  const callback = (x: PanelExchange) => x.method === 'GET' && x.url.startsWith(`${lab.spa.redirectUri}?`) && new URL(x.url).searchParams.has('code');
  await panel.waitFor('the authorize request, its redirect to the app and the callback with the code, all seen by webRequest', async (p) => {
    const exchanges = (await p.exchanges()).filter(seenByWebRequest);
    return [authorize, redirect, callback].every((wanted) => exchanges.some(wanted));
  });
  await panel.waitFor('a login flow whose authorization request and response steps were seen by webRequest', async (p) =>
    (await p.flows()).some(
      (f) =>
        f.type === 'authorization_code' &&
        f.steps.some((s) => s.kind === 'authorize_request' && s.sources.includes('webRequest')) &&
        f.steps.some((s) => s.kind === 'authorize_response' && s.sources.includes('webRequest')),
    ),
  );

  const errors = (await panel.findings()).filter((f) => f.severity === 'error');
  expect(errors.map((f) => `${f.rule}: ${f.message}`), 'no error finding').toEqual([]);
  await panel.page.close();
  await page.close();
}

test('default build: webRequest captures right after the grant, stops for a removed host, survives a worker stop and a browser restart', async ({ lab, display, launch }) => {
  const providerHost = new URL(lab.provider.issuer).hostname;
  const appHost = new URL(lab.spa.origin).hostname;
  const bothGranted = [`*://${providerHost}/*`, `*://${appHost}/*`].sort();

  let ext = await launch();
  expect(await ext.manifestHosts(), 'the default build asks for no host at install').toEqual([]);
  expect(await ext.grantedOrigins(), 'nothing granted yet').toEqual([]);
  const before = await ext.stats();
  const options = await OptionsPage.open(ext.context, ext.extensionId);

  await test.step('grant both hosts on the options page, each through Chrome\'s prompt', async () => {
    await options.addDomain(providerHost, display.display);
    await options.addDomain(appHost, display.display);
    expect(await ext.grantedOrigins()).toEqual(bothGranted);
  });

  await test.step('log in with DevTools closed: webRequest sees the authorize request and its redirect', async () => {
    await loginSeenByWebRequest(ext, lab);
    expect((await ext.stats()).workerStartedAt, 'captured by the worker that ran before the grant, not a restarted one').toBe(before.workerStartedAt);
  });

  await test.step('remove the provider host: its requests no longer reach webRequest; the app host\'s still do', async () => {
    await options.removeDomain(providerHost);
    expect(await ext.grantedOrigins()).toEqual([`*://${appHost}/*`]);
    const page = await ext.context.newPage();
    const appPage = `${lab.spa.origin}/`;
    // What one load of the app's page costs, measured on the host still granted.
    const start = await settledStats(ext);
    expect((await page.goto(appPage))?.ok()).toBe(true);
    const control = await settledStats(ext);
    const perLoad = webRequestCallbacks(control) - webRequestCallbacks(start);
    expect(perLoad, 'the app host is still captured').toBeGreaterThan(0);

    // Then the removed host, followed by the same app page: events reach the worker in order, so once the app
    // page's callbacks are in, any of the removed host's would be too.
    expect((await page.goto(`${lab.provider.issuer}/.well-known/openid-configuration`))?.ok()).toBe(true);
    expect((await page.goto(appPage))?.ok()).toBe(true);
    await expect.poll(async () => webRequestCallbacks(await ext.stats())).toBeGreaterThanOrEqual(webRequestCallbacks(control) + perLoad);
    const after = await settledStats(ext);
    expect(webRequestCallbacks(after) - webRequestCallbacks(control), 'callbacks of the app page only, none for the removed host').toBe(perLoad);
    await page.close();
  });

  await test.step('add the provider host again (Chrome remembers the grant: no prompt): captured at once', async () => {
    await options.addDomainAllowedBefore(providerHost);
    expect(await ext.grantedOrigins()).toEqual(bothGranted);
    const start = await settledStats(ext);
    const page = await ext.context.newPage();
    expect((await page.goto(`${lab.provider.issuer}/.well-known/openid-configuration`))?.ok()).toBe(true);
    await expect.poll(async () => webRequestCallbacks(await ext.stats()), { message: 'webRequest callbacks for the provider host' }).toBeGreaterThan(webRequestCallbacks(start));
    // Not only delivered: kept, as an exchange of the provider host.
    await expect.poll(async () => (await ext.stats()).exchanges, { message: 'exchanges stored' }).toBeGreaterThan(start.exchanges);
    await page.close();
  });

  await test.step('the worker stopped after the grant: the load that wakes it reaches the re-added listeners whole', async () => {
    const url = `${lab.provider.issuer}/.well-known/openid-configuration`;
    const page = await ext.context.newPage();
    // What one load costs once the browser has the page's favicon answer: measured on a second load.
    expect((await page.goto(url))?.ok()).toBe(true);
    const start = await settledStats(ext);
    expect((await page.goto(url))?.ok()).toBe(true);
    const perLoad = webRequestCallbacks(await settledStats(ext)) - webRequestCallbacks(start);
    expect(perLoad).toBeGreaterThan(0);
    const worker = await controlWorker(ext.context, ext.extensionId);
    try {
      await worker.stop();
      expect((await page.goto(url))?.ok()).toBe(true);
      await worker.running();
    } finally {
      await worker.detach();
    }
    const after = await settledStats(ext);
    expect(after.workerStartedAt, 'a new worker').toBeGreaterThan(start.workerStartedAt);
    expect(webRequestCallbacks(after), 'every event of the load, the one that woke the worker included').toBe(perLoad);
    await page.close();
  });

  await test.step('restart the browser on the same profile: a login is captured by webRequest', async () => {
    await ext.close();
    ext = await launch();
    expect(await ext.grantedOrigins(), 'access kept across the restart').toEqual(bothGranted);
    // A user coming back logs in again: without the provider's session cookie the login and consent pages show.
    await ext.context.clearCookies();
    await loginSeenByWebRequest(ext, lab);
  });
});
