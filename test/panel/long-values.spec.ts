/**
 * Issue 10 §4 in a real browser: a long claim is shown cut with "show all", which reveals all of it; control and
 * bidi characters in claims show as `\u` escapes, as the CLI prints them.
 */
import { SHOWN_CHARS } from '../../src/panel/model/shown-text.js';
import { expect, test } from './support/fixtures.js';
import { longClaimState } from './support/long-claim-state.js';

const NOW = 1_700_000_000;
const CHARS = 2_000_000;

test('a 2 MB claim is cut in the claims table and in the raw segment, and "show all" shows all of it', async ({ harness, page }) => {
  await harness.open(NOW);
  await harness.setState(await longClaimState(CHARS, NOW));
  const card = page.locator('[data-testid="artifact"][data-kind="id_token"]');
  const blob = card.locator('[data-testid="claim"][data-claim="blob"]');
  await expect(blob).toHaveText(/^"start of a long claim x+$/);
  expect((await blob.textContent())?.length).toBe(SHOWN_CHARS);
  const row = card.locator('[data-testid="claim-row"][data-claim="blob"]');
  const showAll = row.getByTestId('show-all');
  await expect(showAll).toHaveAttribute('data-hidden', String(CHARS + 2 - SHOWN_CHARS));
  await expect(card.locator('[data-testid="segment"][data-part="payload"] [data-testid="show-all"]')).toHaveCount(1);

  await showAll.click();
  await expect(showAll).toHaveCount(0);
  expect(await blob.evaluate((el) => el.textContent?.length)).toBe(CHARS + 2);
  await expect(blob).toHaveText(/x"$/);
});

test('control and bidi characters in claims are shown as \\u escapes', async ({ harness, page }) => {
  await harness.open(NOW);
  await harness.setState(await longClaimState(10, NOW, { nickname: 'a\u202eb\u2066c\u200fd\u0085e', family_name: 'x\u001b[2Jy' }));
  const card = page.locator('[data-testid="artifact"][data-kind="id_token"]');
  await expect(card.locator('[data-testid="claim"][data-claim="nickname"]')).toHaveText('"a\\u202eb\\u2066c\\u200fd\\u0085e"');
  await expect(card.locator('[data-testid="claim"][data-claim="family_name"]')).toHaveText('"x\\u001b[2Jy"');
  await expect(card.getByTestId('show-all')).toHaveCount(0);
});
