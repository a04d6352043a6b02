/**
 * Firefox: the built extension in firefox-esr (puppeteer-core over WebDriver BiDi) captures the SPA login's
 * token response body with `webRequest.filterResponseData`, and what it stored analyses to the flow the
 * Chromium tests see. Read from the extension's `storage.session` (see support/firefox.ts for why and how).
 */
import { analyze } from '../../src/core/index.js';
import type { Exchange } from '../../src/core/model.js';
import { TEST_LOGIN } from './support/accounts.js';
import { firefoxPath } from './support/browsers.js';
import { expect, test } from './support/fixtures.js';
import { launchFirefoxWithExtension, loginAtProviderWithPuppeteer } from './support/firefox.js';

const bodyText = (x: Exchange) => (x.responseBody?.encoding === 'base64' ? Buffer.from(x.responseBody.text, 'base64').toString('utf8') : (x.responseBody?.text ?? ''));

// Users without Firefox may skip it; CI installs firefox-esr, so there a missing browser is a failure, not a skip.
test.skip(!firefoxPath() && !process.env.CI, 'firefox-esr is not installed');

test('Firefox: a token response body captured with filterResponseData', async ({ lab }) => {
  const firefox = await launchFirefoxWithExtension();
  try {
    const page = await firefox.browser.newPage();
    await page.goto(`${lab.spa.origin}/?autostart=1`);
    await loginAtProviderWithPuppeteer(page);
    await page.waitForSelector('#done', { timeout: 30_000 });
    const steps = await page.$$eval('#steps li', (els) => els.map((e) => `${e.id}=${(e as HTMLElement).dataset.status ?? ''}`));
    expect(steps).toEqual(expect.arrayContaining(['step-token=ok', 'step-userinfo=ok', 'step-refresh=ok', 'step-introspection=ok']));

    const tokenUrl = `${lab.provider.issuer}/token`;
    const tokenExchanges = async () => [...(await firefox.capturedTabs()).values()].flatMap((t) => [...t.exchanges.values()]).filter((x) => x.url === tokenUrl && x.method === 'POST');
    await expect
      .poll(async () => (await tokenExchanges()).filter((x) => x.seenBy.responseBody?.includes('filterResponseData') && bodyText(x).includes('"id_token"')).length, {
        message: 'a token response whose body filterResponseData read',
        timeout: 20_000,
      })
      .toBeGreaterThanOrEqual(1);

    const exchanges = [...(await firefox.capturedTabs()).values()].flatMap((t) => [...t.exchanges.values()]);
    const result = await analyze({ exchanges }, { now: Math.floor(Date.now() / 1000) });
    const idToken = result.artifacts.find((a) => a.kind === 'id_token');
    expect(idToken?.claims).toMatchObject({ iss: lab.provider.issuer, sub: TEST_LOGIN });
    expect(result.artifacts.some((a) => a.kind === 'userinfo')).toBe(true);
  } finally {
    await firefox.close();
  }
});
