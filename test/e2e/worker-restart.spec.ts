/**
 * The service worker stopped mid-flow (after the token response, before userinfo), as Chrome stops idle
 * workers: after it starts again, everything captured before and after the stop is there, and the open panel
 * reconnects by itself.
 */
import { expect, test } from './support/extension-fixtures.js';
import { continueSpa, expectSteps, startSpaLogin, waitForDone } from './support/spa-page.js';
import { controlWorker } from './support/worker-control.js';

test('worker stopped after the token response: nothing captured before or after is lost', async ({ ext, lab, panelFor }) => {
  const page = await ext.context.newPage();
  await startSpaLogin(page, lab.spa.origin, { pauseBefore: 'userinfo' });
  await page.locator('#continue[data-before="userinfo"]').waitFor();
  await expectSteps(page, { token: 'ok' });

  const panel = await panelFor(page);
  const tokenUrl = `${lab.provider.issuer}/token`;
  await panel.waitFor('the token exchange stored before the stop', async (p) => (await p.exchanges()).some((x) => x.url === tokenUrl && x.method === 'POST' && x.status === '200'));
  const before = await ext.stats();

  const worker = await controlWorker(ext.context, ext.extensionId);
  try {
    await worker.stop();
    await continueSpa(page, 'userinfo');
    await waitForDone(page);
    await expectSteps(page, { userinfo: 'ok', refresh: 'ok', introspection: 'ok' });
    await worker.running();
    expect(worker.restarts()).toBeGreaterThanOrEqual(1);
  } finally {
    await worker.detach();
  }

  const after = await ext.stats();
  expect(after.workerStartedAt, 'stats come from a new worker').toBeGreaterThan(before.workerStartedAt);
  await expect(panel.page.getByTestId('connection')).toHaveAttribute('data-state', 'connected');
  await panel.waitFor('userinfo, refresh and introspection captured after the restart', async (p) => {
    const kinds = new Set((await p.artifacts()).map((a) => a.kind));
    return ['id_token', 'userinfo', 'introspection', 'access_token'].every((k) => kinds.has(k));
  });
  const urls = (await panel.exchanges()).map((x) => `${x.method} ${x.url}`);
  expect(urls).toEqual(expect.arrayContaining([`POST ${tokenUrl}`, `GET ${lab.provider.issuer}/me`, `POST ${lab.provider.issuer}/token/introspection`]));
  expect(urls.filter((u) => u === `POST ${tokenUrl}`).length, 'the code exchange and the refresh').toBeGreaterThanOrEqual(2);
  expect(after.exchanges).toBeGreaterThanOrEqual(before.exchanges);
});
