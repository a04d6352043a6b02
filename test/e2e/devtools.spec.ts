/**
 * Real DevTools with the extension's Tokens panel: a login made after DevTools opened is captured by the
 * devtools page (`devtools.network`), so its exchanges carry the source `devtools`, and the panel inside
 * DevTools shows them. Uses a DevTools internal to select the panel (see support/devtools.ts): one test only.
 */
import { expect, test } from './support/extension-fixtures.js';
import { openDevTools } from './support/devtools.js';
import { expectSteps, startSpaLogin, waitForDone } from './support/spa-page.js';

test('DevTools open: the Tokens panel shows a login captured with source devtools', async ({ ext, lab, panelFor }) => {
  const page = await ext.context.newPage();
  await page.goto(lab.spa.origin);
  const devtools = await openDevTools(ext.context, page, ext.extensionId);
  try {
    await devtools.showPanel();
    const inPanel = <T>(expression: string) => devtools.evaluate<T>(`chrome-extension://${ext.extensionId}/src/panel/`, expression);
    await expect.poll(() => inPanel<string>(`document.querySelector('[data-testid="connection"]')?.dataset.state ?? ''`)).toBe('connected');

    await startSpaLogin(page, lab.spa.origin);
    await waitForDone(page);
    await expectSteps(page, { token: 'ok', userinfo: 'ok' });

    // The requests are listed in the panel's Requests view.
    await inPanel<boolean>(`(document.querySelector('[data-testid="view-requests"]').click(), true)`);
    const tokenUrl = `${lab.provider.issuer}/token`;
    const devtoolsSeen = `[...document.querySelectorAll('[data-testid="exchange"]')].filter((e) => (e.dataset.sources ?? '').split(',').includes('devtools')).map((e) => e.dataset.method + ' ' + e.dataset.url)`;
    // DevTools reports each request when it finishes, and getContent answers later still: wait for both.
    await expect
      .poll(() => inPanel<string[]>(devtoolsSeen), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([`POST ${tokenUrl}`, `GET ${lab.provider.issuer}/me`]));

    // The same record, read from the panel page in a tab: one exchange, several sources merged.
    const panel = await panelFor(page);
    await panel.waitForAnalysis();
    const token = (await panel.exchanges()).filter((x) => x.url === tokenUrl && x.method === 'POST');
    expect(token.length).toBeGreaterThanOrEqual(1);
    expect(token[0]?.sources).toContain('devtools');
  } finally {
    await devtools.detach();
  }
});
