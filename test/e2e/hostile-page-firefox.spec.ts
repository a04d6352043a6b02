/**
 * Issue 10 §3 in Firefox (firefox-esr over WebDriver BiDi, see support/firefox.ts): a hostile page on a configured
 * host reports made-up exchanges through the relay's port it took (support/hostile-page-site.ts), dated in the
 * future and in a flood. The worker dates them by its own clock, the flood evicts the flooding tab's own captures
 * (not another tab's), and the made-up reports have no browser-seen request behind them, while the page's real
 * calls, seen by webRequest, stay.
 */
import type { Exchange } from '../../src/core/model.js';
import { unconfirmedPageReport } from '../../src/core/capture/browser-seen.js';
import { firefoxPath } from './support/browsers.js';
import { expect, test } from './support/fixtures.js';
import { launchFirefoxWithExtension } from './support/firefox.js';
import { startHostileSite } from './support/hostile-page-site.js';

// As firefox.spec.ts: users without Firefox may skip it, CI must not.
test.skip(!firefoxPath() && !process.env.CI, 'firefox-esr is not installed');

test('Firefox, issue 10 §3: a hostile page\'s future-dated flood is dated by the worker and evicts only its own tab\'s captures', async () => {
  const site = await startHostileSite();
  const firefox = await launchFirefoxWithExtension();
  try {
    const tabs = () => firefox.capturedTabs();
    const tabHolding = async (url: string): Promise<[number, Exchange[]] | undefined> => {
      for (const [tabId, t] of await tabs()) if ([...t.exchanges.values()].some((x) => x.url === url)) return [tabId, [...t.exchanges.values()]];
      return undefined;
    };

    // A quiet tab with real calls, seen by webRequest.
    const quiet = await firefox.browser.newPage();
    await quiet.goto(`${site.origin}/quiet`);
    for (const name of ['a', 'b']) await quiet.evaluate(`fetch('/real/${name}').then((r) => r.text())`);
    await expect.poll(async () => (await tabHolding(`${site.origin}/real/b`))?.[1].filter((x) => x.url.includes('/real/') && (x.seenBy.request ?? []).includes('webRequest')).length ?? 0, { timeout: 20_000 }).toBe(2);
    const [quietTab] = (await tabHolding(`${site.origin}/real/b`)) as [number, Exchange[]];

    // The hostile tab: takes the relay's port, then floods (30 reports of 400,000 characters, over the 8 MB budget).
    const page = await firefox.browser.newPage();
    await page.goto(`${site.origin}/`);
    await page.waitForFunction('window.hostile && window.hostile.port != null', { timeout: 20_000 });
    const future = Date.UTC(2099, 0, 1);
    await page.evaluate(`(() => {
      const body = 'x'.repeat(400000);
      window.hostile.forge(Array.from({ length: 30 }, (_, n) => ({ method: 'GET', url: location.origin + '/forged/ff/' + n, startedAt: ${future}, endedAt: ${future + 5}, status: 200, responseBody: { text: body } })));
      window.hostile.forge([{ method: 'GET', url: 'http://localhost:' + location.port + '/forged-elsewhere', startedAt: Date.now(), status: 200, responseBody: { text: '{}' } }]);
    })()`);
    await expect.poll(async () => (await tabHolding(`http://localhost:${site.port}/forged-elsewhere`)) !== undefined, { timeout: 30_000 }).toBe(true);
    await page.evaluate(`fetch('/real/after').then((r) => r.text())`);
    await expect.poll(async () => (await tabHolding(`${site.origin}/real/after`))?.[1].some((x) => x.url === `${site.origin}/real/after` && (x.seenBy.request ?? []).includes('webRequest')) ?? false, { timeout: 20_000 }).toBe(true);

    const all = await tabs();
    const [hostileTab, hostile] = (await tabHolding(`${site.origin}/real/after`)) as [number, Exchange[]];
    expect(all.get(hostileTab)?.meta.evicted, 'the flooding tab gave back its own').toBeGreaterThan(0);
    expect(all.get(quietTab)?.meta.evicted, 'the quiet tab lost nothing').toBe(0);
    const now = Date.now();
    expect(hostile.filter((x) => x.startedAt > now).map((x) => x.url)).toEqual([]);
    // Made-up reports have no browser-seen request behind them; the real calls do.
    expect(hostile.filter((x) => x.url.includes('forged')).every(unconfirmedPageReport)).toBe(true);
    expect(hostile.filter((x) => x.url.includes('/real/')).some(unconfirmedPageReport)).toBe(false);
  } finally {
    await firefox.close();
    await site.close();
  }
});
