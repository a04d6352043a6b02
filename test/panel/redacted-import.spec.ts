/**
 * Issue 10 §2: a redacted HAR, whether the panel exported it or `token-inspector redact` wrote it, imports back
 * into the panel with the redacted-export notice, and still shows the userinfo/ID token sub mismatch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REDACTED_NOTICE } from '../../src/core/index.js';
import { buildCli, runCli } from '../cli/run-cli.js';
import { ROOT } from '../e2e/support/root.js';
import { expect, test } from './support/fixtures.js';
import { captureEnd, fixtureExchanges, tabState } from './support/states.js';

const SAMPLE = join(ROOT, 'test', 'fixtures', 'har', 'sample-login.har');

test('a HAR redacted by token-inspector redact imports with the redacted notice and the sub mismatch', async ({ harness, page }) => {
  buildCli();
  const r = await runCli(['redact', SAMPLE]);
  expect(r.code).toBe(0);
  const subject = (await tabState(fixtureExchanges('sample-login.har'))).analysis!.flows[0]!.subject!;
  expect(readFileSync(SAMPLE, 'utf8')).toContain(subject);
  expect(r.stdout).not.toContain(subject);

  await harness.open(1_700_000_000);
  await page.getByTestId('import-input').setInputFiles({ name: 'customer-redacted.har', mimeType: 'application/json', buffer: Buffer.from(r.stdout) });
  await expect(page.getByTestId('source')).toHaveAttribute('data-origin', 'offline');
  await expect(page.getByTestId('notices')).toContainText(`customer-redacted.har: ${REDACTED_NOTICE}`);
  await expect(page.getByTestId('sub-mismatch')).toBeVisible();
  await expect(page.getByTestId('sub-mismatch')).not.toContainText(subject);
});

test("the panel's own redacted HAR export imports back with the redacted notice", async ({ harness, page }) => {
  const exchanges = fixtureExchanges('sample-login.har');
  await harness.open(captureEnd(exchanges));
  await harness.setState(await tabState(exchanges));
  await page.getByTestId('export-har').click();
  await expect.poll(async () => (await harness.exports()).length).toBe(1);
  const [har] = await harness.exports();
  await page.getByTestId('import-input').setInputFiles({ name: har!.filename, mimeType: 'application/json', buffer: Buffer.from(har!.text) });
  await expect(page.getByTestId('source')).toHaveAttribute('data-origin', 'offline');
  await expect(page.getByTestId('notices')).toContainText(REDACTED_NOTICE);
  await expect(page.getByTestId('sub-mismatch')).toBeVisible();
});

test('an unredacted HAR imports without the redacted notice', async ({ harness, page }) => {
  await harness.open(1_700_000_000);
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await expect(page.getByTestId('source')).toHaveAttribute('data-origin', 'offline');
  await expect(page.getByTestId('sub-mismatch')).toBeVisible();
  await expect(page.getByText(REDACTED_NOTICE)).toHaveCount(0);
});
