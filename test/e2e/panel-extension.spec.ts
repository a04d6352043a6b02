/**
 * The Tokens panel of the real extension (the few tests that need it; the rest run against the harness):
 * a live login exported as a redacted HAR through a real download, that HAR imported back, and a HAR with
 * hostile claims imported under the extension's own CSP without anything running or loading.
 */
import { readFileSync } from 'node:fs';
import { exportHar } from '../../src/core/index.js';
import { expect, test } from './support/extension-fixtures.js';
import { readTabState } from '../../scripts/start/tab-state.js';
import { startSpaLogin, waitForDone } from './support/spa-page.js';
import { HOSTILE, hostileState } from '../panel/support/states.js';

test('a live login exports as a redacted HAR that imports back with the same flow', async ({ ext, lab, panelFor }) => {
  const page = await ext.context.newPage();
  await startSpaLogin(page, lab.spa.origin);
  await waitForDone(page);
  const panel = await panelFor(page);
  await panel.waitForAnalysis();
  await panel.waitFor('the login with its userinfo', async (p) => (await p.artifacts()).some((a) => a.kind === 'userinfo'));
  const state = await readTabState(panel.page, await ext.tabIdOf(page));
  const tokens = state.analysis!.artifacts.filter((a) => a.raw && ['id_token', 'access_token', 'refresh_token', 'opaque_token'].includes(a.kind)).map((a) => a.raw!);
  expect(tokens.length).toBeGreaterThan(1);

  const [download] = await Promise.all([panel.page.waitForEvent('download'), panel.page.getByTestId('export-har').click()]);
  expect(download.suggestedFilename()).toMatch(/\.har$/);
  const text = readFileSync(await download.path(), 'utf8');
  for (const token of tokens) expect(text, 'a captured token survived the redaction').not.toContain(token);
  expect(JSON.parse(text).log.entries.length).toBe(state.exchanges.length);

  await panel.page.getByTestId('import-input').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(panel.page.getByTestId('source')).toHaveAttribute('data-origin', 'offline');
  await expect(panel.page.getByTestId('flow')).toHaveCount(state.analysis!.flows.length);
});

test('a HAR with hostile claims imported into the real panel shows them as text under the extension CSP', async ({ ext, lab }) => {
  const page = await ext.context.newPage();
  await page.goto(`${lab.spa.origin}/`);
  const panelPage = await ext.openPanel(await ext.tabIdOf(page));
  await panelPage.evaluate(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const requests: string[] = [];
  panelPage.on('request', (r) => requests.push(r.url()));
  const hostile = await hostileState(Math.floor(Date.now() / 1000));
  const har = exportHar(hostile.exchanges, { name: 'test', version: '0' });
  await panelPage.getByTestId('import-input').setInputFiles({ name: 'hostile.har', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(har)) });
  const idToken = panelPage.locator('[data-testid="artifact"][data-kind="id_token"]');
  await expect(idToken.locator('[data-testid="claim"][data-claim="name"]')).toHaveText(JSON.stringify(HOSTILE.markup));
  await expect(idToken.locator('[data-testid="claim"][data-claim="website"]')).toHaveText(JSON.stringify(HOSTILE.url));
  expect(await panelPage.locator('#app img, #app script, #app iframe, #app a[href]').count()).toBe(0);
  expect(await panelPage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await panelPage.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  expect(requests.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);
});
