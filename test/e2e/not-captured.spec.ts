/**
 * A code exchange the capture missed is not a server-side exchange (issue 9 §4): the user pauses capture in the
 * panel after the redirect brought the code and before the SPA redeems it. The panel must say the token request
 * was not captured because capture was paused (with when, and how many requests the pause dropped), never that a
 * server exchanged the code; its capture-health line says paused since when and what it dropped.
 */
import { expect, test } from './support/extension-fixtures.js';
import { continueSpa, expectSteps, startSpaLogin, waitForDone } from './support/spa-page.js';

test('a code exchange dropped while paused is "not captured: capture was paused", not server-side', async ({ ext, lab, panelFor }) => {
  const page = await ext.context.newPage();
  await startSpaLogin(page, lab.spa.origin, { pauseBefore: 'token' });
  await page.locator('#continue[data-before="token"]').waitFor();

  const panel = await panelFor(page);
  await panel.waitForAnalysis();
  await panel.page.getByTestId('pause').click();
  await expect(panel.page.getByTestId('paused-since')).toContainText('0 requests dropped while paused');
  await continueSpa(page, 'token');
  await waitForDone(page);
  await expectSteps(page, { token: 'ok', userinfo: 'ok', refresh: 'ok', introspection: 'ok' });

  await expect(panel.page.getByTestId('paused-since')).not.toContainText(' 0 requests dropped');
  await panel.waitFor('a flow whose code exchange is marked not captured', async (p) =>
    (await p.flows()).some((f) => f.steps.some((s) => s.kind === 'authorize_response') && !f.serverSide),
  );
  const flow = (await panel.flows()).find((f) => f.steps.some((s) => s.kind === 'authorize_response'));
  await panel.selectFlow(flow!.id);
  const detail = panel.page.locator(`[data-testid="flow-detail"][data-flow-id="${flow!.id}"]`);
  await expect(detail.getByTestId('not-captured-note')).toContainText('The code exchange was not captured: capture was paused at');
  await expect(detail.getByTestId('not-captured-note')).toContainText('dropped while paused');
  await expect(detail.locator('[data-testid="step"][data-kind="token"][data-missing="not-captured"]')).toHaveCount(1);
  await expect(detail.getByTestId('server-side-note')).toHaveCount(0);
  await expect(detail.locator('[data-testid="step"][data-observable="false"]')).toHaveCount(0);

  await panel.page.getByTestId('resume').click();
  await expect(panel.page.getByTestId('paused-since')).toHaveCount(0);
});
