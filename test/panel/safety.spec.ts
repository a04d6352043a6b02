/**
 * Claim values are hostile (issue 4 §4): markup and script in claims, header parameters and userinfo show as
 * text; nothing runs, nothing loads, nothing becomes a link; the page reports no CSP violation.
 */
import { expect, test } from './support/fixtures.js';
import { HOSTILE, hostileState } from './support/states.js';

test('claims carrying markup, script and URLs are shown as text and never run or load', async ({ harness, page }) => {
  const now = 1_700_000_000;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await harness.open(now);
  await page.evaluate(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violations: string[] }).__violations.push(e.violatedDirective));
  });
  const before = requests.length;
  await harness.setState(await hostileState(now));

  const idToken = page.locator('[data-testid="artifact"][data-kind="id_token"]');
  await expect(idToken.locator('[data-testid="claim"][data-claim="name"]')).toHaveText(JSON.stringify(HOSTILE.markup));
  await expect(idToken.locator('[data-testid="claim"][data-claim="website"]')).toHaveText(JSON.stringify(HOSTILE.url));
  await expect(idToken.locator('[data-testid="claim"][data-claim="picture"]')).toHaveText(JSON.stringify(HOSTILE.remote));
  await expect(page.locator('[data-testid="flow"]').first()).toHaveAttribute('data-subject', HOSTILE.script);

  // Every view once, so each has rendered the values.
  for (const view of ['requests', 'findings', 'compare', 'flows']) await page.getByTestId(`view-${view}`).click();
  await page.getByTestId('view-requests').click();
  await page.getByTestId('exchange').last().click();
  await expect(page.getByTestId('request-detail')).toContainText(HOSTILE.script);

  expect(await page.locator('#app img, #app script, #app iframe, #app object, #app a[href]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(requests.slice(before).filter((u) => !u.startsWith(new URL(page.url()).origin))).toEqual([]);
});
