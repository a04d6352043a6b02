/**
 * Screenshots of the panel in DevTools' light and dark themes, saved into docs/screenshots (the README shows
 * the light one). The sample login at a fixed "now": its flow selected, timeline, expiry chart and tokens.
 */
import { join } from 'node:path';
import { ROOT } from '../e2e/support/root.js';
import { expect, test } from './support/fixtures.js';
import { captureEnd, fixtureExchanges, tabState } from './support/states.js';

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot in the ${theme} theme`, async ({ harness, page }) => {
    const exchanges = fixtureExchanges('sample-login.har');
    await harness.open(captureEnd(exchanges) - 120, `theme=${theme}`);
    await harness.setState(await tabState(exchanges));
    await expect(page.getByTestId('flow-detail')).toBeVisible();
    await expect(page.getByTestId('expiry-chart')).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const channels = (background.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    const lightness = channels.reduce((a, b) => a + b, 0) / 3;
    if (theme === 'dark') expect(lightness).toBeLessThan(80);
    else expect(lightness).toBeGreaterThan(200);
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', `panel-${theme}.png`), fullPage: false });
  });
}

test('without ?theme the panel follows the colour scheme DevTools (or the system) reports', async ({ harness, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await harness.open(1_700_000_000);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lightness = (background.match(/\d+/g) ?? []).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
  expect(lightness).toBeLessThan(80);
});
