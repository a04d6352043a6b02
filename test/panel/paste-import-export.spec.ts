/** Paste, import (HAR from Chrome and Firefox, the panel's own exports) and export, in the harness. */
import { join } from 'node:path';
import { ROOT } from '../e2e/support/root.js';
import { expect, test } from './support/fixtures.js';
import { captureEnd, fixtureExchanges, tabState } from './support/states.js';

const realHar = (name: string) => join(ROOT, 'test', 'fixtures', 'har', 'real', name);

test('a pasted Bearer JWT is analysed on the spot and shown with its claims', async ({ harness, page }) => {
  const exchanges = fixtureExchanges('sample-login.har');
  const state = await tabState(exchanges);
  const idToken = state.analysis!.artifacts.find((a) => a.kind === 'id_token')!;
  await harness.open(captureEnd(exchanges));
  await page.getByTestId('view-paste').click();
  await page.getByTestId('paste-input').fill(`Bearer ${idToken.raw}`);
  await page.getByTestId('paste-analyse').click();
  await expect(page.getByTestId('source')).toHaveAttribute('data-origin', 'offline');
  await expect(page.getByTestId('view')).toHaveAttribute('data-view', 'flows');
  const card = page.locator('[data-testid="artifact"][data-kind="id_token"]');
  await expect(card).toHaveCount(1);
  await expect(card.locator('[data-testid="claim"][data-claim="sub"]')).toHaveText(JSON.stringify(idToken.claims!.sub));
});

test('text that is neither a token, JSON nor HAR gets a clear message and keeps the live view', async ({ harness, page }) => {
  await harness.open(1_700_000_000);
  await page.getByTestId('view-paste').click();
  await page.getByTestId('paste-input').fill('hello, this is not a token');
  await page.getByTestId('paste-analyse').click();
  await expect(page.getByTestId('paste-errors')).toBeVisible();
  await expect(page.getByTestId('source')).toHaveAttribute('data-origin', 'live');
});

for (const file of ['chromium-login.har', 'firefox-login.har']) {
  test(`importing ${file} (a real browser export) shows its login flow`, async ({ harness, page }) => {
    await harness.open(1_700_000_000);
    await page.getByTestId('import-input').setInputFiles(realHar(file));
    await expect(page.getByTestId('source')).toHaveAttribute('data-origin', 'offline');
    await expect(page.getByTestId('flow')).toHaveCount(1);
    await expect(page.getByTestId('sub-mismatch')).toBeVisible();
    await page.getByTestId('close-offline').click();
    await expect(page.getByTestId('source')).toHaveAttribute('data-origin', 'live');
  });
}

test('the HAR export is redacted by default and imports back with the sub mismatch still showing', async ({ harness, page }) => {
  const exchanges = fixtureExchanges('sample-login.har');
  const state = await tabState(exchanges);
  await harness.open(captureEnd(exchanges));
  await harness.setState(state);
  await expect(page.getByTestId('sub-mismatch')).toBeVisible();
  await page.getByTestId('export-har').click();
  await expect.poll(async () => (await harness.exports()).length).toBe(1);
  const [har] = await harness.exports();
  expect(har!.filename).toMatch(/\.har$/);
  // No token of the capture survives whole, and no Authorization value.
  for (const a of state.analysis!.artifacts.filter((x) => x.raw && ['id_token', 'access_token', 'refresh_token', 'opaque_token'].includes(x.kind))) {
    expect(har!.text).not.toContain(a.raw!);
  }
  for (const e of exchanges) for (const h of e.requestHeaders.filter((x) => /^(authorization|cookie)$/i.test(x.name))) expect(har!.text).not.toContain(h.value);
  const subject = state.analysis!.flows[0]!.subject!;
  expect(har!.text).not.toContain(subject);

  await page.getByTestId('import-input').setInputFiles({ name: har!.filename, mimeType: 'application/json', buffer: Buffer.from(har!.text) });
  await expect(page.getByTestId('source')).toHaveAttribute('data-origin', 'offline');
  await expect(page.getByTestId('sub-mismatch')).toBeVisible();
  await expect(page.getByTestId('flow')).toHaveCount(state.analysis!.flows.length);
});

test('unredacted export only after ticking the box, which warns what it holds', async ({ harness, page }) => {
  const exchanges = fixtureExchanges('sample-login.har');
  const state = await tabState(exchanges);
  await harness.open(captureEnd(exchanges));
  await harness.setState(state);
  await page.getByTestId('export-unredacted').check();
  await expect(page.getByTestId('unredacted-warning')).toBeVisible();
  await page.getByTestId('export-har').click();
  await expect.poll(async () => (await harness.exports()).length).toBe(1);
  const idToken = state.analysis!.artifacts.find((a) => a.kind === 'id_token')!;
  expect((await harness.exports())[0]!.text).toContain(idToken.raw!);
});

test('the JSON report is the CLI format and the Markdown summary names the findings', async ({ harness, page }) => {
  const exchanges = fixtureExchanges('sample-login.har');
  const state = await tabState(exchanges);
  await harness.open(captureEnd(exchanges));
  await harness.setState(state);
  await page.getByTestId('export-report').click();
  await page.getByTestId('export-markdown').click();
  await expect.poll(async () => (await harness.exports()).length).toBe(2);
  const [report, markdown] = await harness.exports();
  const json = JSON.parse(report!.text) as { tool: { name: string }; findings: { rule: string }[]; flows: unknown[]; summary: Record<string, number> };
  expect(json.tool.name).toBe('token-inspector');
  expect(json.findings.map((f) => f.rule).sort()).toEqual(state.analysis!.findings.map((f) => f.rule).sort());
  expect(json.flows).toHaveLength(state.analysis!.flows.length);
  expect(markdown!.filename).toMatch(/\.md$/);
  expect(markdown!.text).toContain('x-ui-sub');
  expect(markdown!.text).not.toContain(state.analysis!.flows[0]!.subject!);
});

test("the panel's own JSON report imports back and is shown as written, sub mismatch included", async ({ harness, page }) => {
  const exchanges = fixtureExchanges('sample-login.har');
  const state = await tabState(exchanges);
  await harness.open(captureEnd(exchanges));
  await harness.setState(state);
  await page.getByTestId('export-report').click();
  await expect.poll(async () => (await harness.exports()).length).toBe(1);
  const [report] = await harness.exports();
  await page.getByTestId('import-input').setInputFiles({ name: report!.filename, mimeType: 'application/json', buffer: Buffer.from(report!.text) });
  await expect(page.getByTestId('source')).toHaveAttribute('data-origin', 'offline');
  await expect(page.getByTestId('notices')).toContainText('holds no raw traffic');
  await expect(page.getByTestId('flow')).toHaveCount(state.analysis!.flows.length);
  await expect(page.getByTestId('sub-mismatch')).toBeVisible();
  await page.getByTestId('view-findings').click();
  await expect(page.locator('[data-testid="findings"] [data-testid="finding"]')).toHaveCount(state.analysis!.findings.length);
});
