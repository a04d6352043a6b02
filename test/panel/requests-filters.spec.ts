/** The Requests view and the filters, on the sample login and on a large capture (harness). */
import { expect, test } from './support/fixtures.js';
import { captureEnd, fixtureExchanges, manyExchanges, tabState } from './support/states.js';

test('the Requests view lists every request and opens one in detail, as text', async ({ harness, page }) => {
  const exchanges = fixtureExchanges('sample-login.har');
  await harness.open(captureEnd(exchanges));
  await harness.setState(await tabState(exchanges));
  await page.getByTestId('view-requests').click();
  await expect(page.getByTestId('exchange')).toHaveCount(exchanges.length);
  const token = exchanges.find((e) => e.method === 'POST' && e.url.endsWith('/token'))!;
  await page.locator(`[data-testid="exchange"][data-exchange-id="${token.id}"]`).click();
  const detail = page.getByTestId('request-detail');
  await expect(detail).toHaveAttribute('data-exchange-id', token.id);
  await expect(detail.getByTestId('body').last()).toContainText('"access_token"');
  await expect(detail.locator('a')).toHaveCount(0);
});

test('a large capture is virtualised: a few dozen rows in the DOM for 2,000 requests, all reachable by scrolling', async ({ harness, page }) => {
  const exchanges = manyExchanges(2000);
  await harness.open(captureEnd(exchanges));
  await harness.setState(await tabState(exchanges));
  await page.getByTestId('view-requests').click();
  await expect(page.getByTestId('requests')).toHaveAttribute('data-shown', '2000');
  const rendered = await page.getByTestId('exchange').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(200);
  const last = exchanges.at(-1)!;
  await page.locator('[data-testid="requests"] [data-testid="virtual-list"]').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator(`[data-testid="exchange"][data-exchange-id="${last.id}"]`)).toBeVisible();
});

test('text, host, kind and severity filters narrow flows, requests and findings', async ({ harness, page }) => {
  const exchanges = [...fixtureExchanges('sample-login.har'), ...fixtureExchanges('seed-defects.har').map((e) => ({ ...e, id: `d-${e.id}` }))];
  const state = await tabState(exchanges);
  await harness.open(captureEnd(exchanges));
  await harness.setState(state);
  const flows = state.analysis!.flows;
  await expect(page.getByTestId('flow')).toHaveCount(flows.length);

  // Text: the subject of one flow selects it.
  const subjectFlow = flows.find((f) => f.subject)!;
  await page.getByTestId('filter-text').fill(subjectFlow.subject!);
  await expect(page.locator(`[data-testid="flow"][data-flow-id="${subjectFlow.id}"]`)).toBeVisible();
  const byText = await page.getByTestId('flow').count();
  expect(byText).toBeLessThan(flows.length);
  await page.getByTestId('filter-text').fill('');

  // Host: requests of one host only.
  await page.getByTestId('view-requests').click();
  const host = new URL(exchanges[0]!.url).host;
  await page.getByTestId('filter-host').selectOption(host);
  const expected = exchanges.filter((e) => new URL(e.url).host === host).length;
  await expect(page.getByTestId('requests')).toHaveAttribute('data-shown', String(expected));
  await page.getByTestId('filter-host').selectOption('');

  // Severity: errors only, in the Findings view.
  await page.getByTestId('view-findings').click();
  const all = state.analysis!.findings;
  await expect(page.locator('[data-testid="findings"] [data-testid="finding"]')).toHaveCount(all.length);
  await page.getByTestId('filter-severity').selectOption('error');
  await expect(page.locator('[data-testid="findings"] [data-testid="finding"]')).toHaveCount(all.filter((f) => f.severity === 'error').length);
  await expect(page.locator('[data-testid="findings"] [data-testid="finding"]:not([data-severity="error"])')).toHaveCount(0);
  await page.getByTestId('filter-severity').selectOption('');

  // Kind: only flows with an introspection response.
  await page.getByTestId('view-flows').click();
  await page.getByTestId('filter-kind').selectOption('introspection');
  const withIntrospection = flows.filter((f) => f.artifacts.some((id) => state.analysis!.artifacts.find((a) => a.id === id)?.kind === 'introspection'));
  await expect(page.getByTestId('flow')).toHaveCount(withIntrospection.length);
});

test('pause, resume, clear and preserve log are sent to the worker for the tab', async ({ harness, page }) => {
  const exchanges = fixtureExchanges('sample-login.har');
  await harness.open(captureEnd(exchanges), 'tab=42');
  await harness.setState({ ...(await tabState(exchanges, undefined, 42)) });
  await page.getByTestId('pause').click();
  await page.getByTestId('clear').click();
  await page.getByTestId('preserve').check();
  await expect.poll(() => harness.sent()).toEqual([
    { type: 'pause', tabId: 42 },
    { type: 'clear', tabId: 42 },
    { type: 'preserve', tabId: 42, preserve: true },
  ]);
});
