/**
 * A page on a domain that is not configured (127.0.0.2: the e2e build configures 127.0.0.1 and localhost only)
 * makes token-like calls to itself: no capture callback of any source runs for it, nothing is stored. A
 * configured page loaded afterwards is captured, proving the counters were live all along.
 */
import { expect, test } from './support/extension-fixtures.js';
import { expectSteps, waitForDone } from './support/spa-page.js';
import type { CaptureStats } from '../../src/shared/protocol.js';

const total = (stats: CaptureStats) => Object.values(stats.callbacks).reduce((sum, n) => sum + n, 0);

test('an unconfigured domain is never captured', async ({ ext, lab }) => {
  // The warm-up may still be finishing: start from counters that stopped moving.
  let before = await ext.stats();
  await expect(async () => {
    const again = await ext.stats();
    const settled = total(again) === total(before);
    before = again;
    expect(settled).toBe(true);
  }).toPass({ intervals: [250], timeout: 10_000 });

  const page = await ext.context.newPage();
  await page.goto(`${lab.unconfigured.origin}/`);
  await waitForDone(page);
  await expectSteps(page, { token: 'ok', userinfo: 'ok', xhr: 'ok' });
  const after = await ext.stats();
  expect(after.callbacks, 'no capture callback ran').toEqual(before.callbacks);
  expect(after.ignored, 'nothing even reached the domain filter').toBe(before.ignored);
  expect(after.exchanges).toBe(before.exchanges);

  // Control: the same kind of traffic on a configured host is counted.
  await page.goto(`${lab.provider.issuer}/.well-known/openid-configuration`);
  await expect(async () => expect((await ext.stats()).callbacks['webRequest'] ?? 0).toBeGreaterThan(before.callbacks['webRequest'] ?? 0)).toPass();
});
