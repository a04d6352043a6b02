/** The Flows view with its token cards and the Compare view, in the harness, on the sample BankID login. */
import { expect, test } from './support/fixtures.js';
import { captureEnd, fixtureExchanges, tabState } from './support/states.js';

test('a flow shows its timeline, expiry chart with live countdowns, and token cards whose copy buttons copy segments', async ({ harness, page }) => {
  const exchanges = fixtureExchanges('sample-login.har');
  const state = await tabState(exchanges);
  const now = captureEnd(exchanges);
  await harness.open(now);
  await harness.setState(state);
  const flow = state.analysis!.flows[0]!;
  const detail = page.locator(`[data-testid="flow-detail"][data-flow-id="${flow.id}"]`);
  await expect(detail.getByTestId('step')).toHaveCount(flow.steps.length);
  const sessionEnd = state.analysis!.timelines.find((t) => t.flow === flow.id)!.sessionEnd!;
  const ending = detail.locator(`[data-testid="lifetime"][data-session-end="true"]`);
  await expect(ending).toHaveAttribute('data-expires-at', String(sessionEnd.expiresAt));
  const before = await ending.getByTestId('countdown').textContent();
  await harness.setNow(now + 61);
  await expect(ending.getByTestId('countdown')).not.toHaveText(before!);

  const idToken = state.analysis!.artifacts.find((a) => a.kind === 'id_token' && flow.artifacts.includes(a.id))!;
  const card = detail.locator(`[data-testid="artifact"][data-artifact-id="${idToken.id}"]`);
  await expect(card.locator('[data-testid="claim"][data-claim="sub"]')).toHaveText(JSON.stringify(idToken.claims!.sub));
  await card.locator('[data-testid="segment"][data-part="payload"] [data-testid="copy"]').click();
  await expect.poll(() => harness.copied()).toEqual([idToken.raw!.split('.')[1]]);
});

test('Compare shows the last two ID tokens of the flow with the claims that changed', async ({ harness, page }) => {
  const exchanges = fixtureExchanges('sample-login.har');
  const state = await tabState(exchanges);
  await harness.open(captureEnd(exchanges));
  await harness.setState(state);
  await page.getByTestId('compare-refresh').click();
  await expect(page.getByTestId('view')).toHaveAttribute('data-view', 'compare');
  const ids = state.analysis!.artifacts.filter((a) => a.kind === 'id_token');
  const [left, right] = ids.slice(-2);
  const compare = page.getByTestId('compare');
  await expect(compare).toHaveAttribute('data-left', left!.id);
  await expect(compare).toHaveAttribute('data-right', right!.id);
  const changed = Object.keys(right!.claims!).filter((k) => JSON.stringify(left!.claims![k]) !== JSON.stringify(right!.claims![k]));
  expect(changed.length).toBeGreaterThan(0);
  for (const claim of changed) await expect(compare.locator(`[data-testid="compare-row"][data-claim="${claim}"]`)).toHaveAttribute('data-change', /changed|added/);
});
