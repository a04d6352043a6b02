/**
 * The page hook in Firefox (firefox-esr over WebDriver BiDi, see support/firefox.ts), probed from the page's side
 * like page-hook-private.spec.ts does in Chromium: the relay's port crosses from the extension's world to the
 * page's and the page never sees it or the domains; blob workers' token calls reach the store with the response
 * body the page hook read in the worker.
 */
import type { Exchange } from '../../src/core/model.js';
import { HOOK_TAG } from '../../src/capture/hook-protocol.js';
import { WORKER_NOTE } from '../../src/capture/hook/wrap-worker.js';
import { firefoxPath } from './support/browsers.js';
import { expect, test } from './support/fixtures.js';
import { launchFirefoxWithExtension } from './support/firefox.js';
import { AUTH0_TOKEN, MODULE_TOKEN, WORKER_TOKEN, startHookLabSite, type Probe } from './support/hook-lab-site.js';

// As firefox.spec.ts: users without Firefox may skip it, CI must not.
test.skip(!firefoxPath() && !process.env.CI, 'firefox-esr is not installed');

const HELLO = JSON.stringify({ tag: HOOK_TAG, kind: 'hello' });

test('Firefox: the page hook\'s channel stays private and blob workers\' token calls are captured', async () => {
  const site = await startHookLabSite();
  const firefox = await launchFirefoxWithExtension();
  try {
    const page = await firefox.browser.newPage();
    await page.goto(`${site.origin}/`);
    await page.waitForSelector('#done', { timeout: 30_000 });
    const probe = (await page.evaluate('window.probe')) as Probe;
    expect(probe.errors).toEqual([]);
    expect(probe.workers['classic']).toMatchObject({ name: 'token-worker', seen: 1, json: { access_token: WORKER_TOKEN } });
    expect(probe.workers['module']).toMatchObject({ name: 'module-worker', seen: 1, json: { access_token: MODULE_TOKEN } });
    expect(probe.workers['auth0']).toMatchObject({ ok: true, json: { access_token: AUTH0_TOKEN } });
    expect(probe.workers['throwing']).toMatchObject({ lineno: 2 });

    const exchanges = async (): Promise<Exchange[]> => [...(await firefox.capturedTabs()).values()].flatMap((t) => [...t.exchanges.values()]);
    for (const [path, token] of [['/worker-token', WORKER_TOKEN], ['/module-token', MODULE_TOKEN], ['/oauth/token', AUTH0_TOKEN]] as const) {
      const fromWorker = async () => (await exchanges()).find((x) => x.url === `${site.origin}${path}` && x.method === 'POST');
      await expect
        .poll(async () => (await fromWorker())?.seenBy.responseBody ?? [], { message: `the response body of ${path}, from the page hook`, timeout: 20_000 })
        .toContain('page-hook');
      const exchange = await fromWorker();
      expect(exchange?.responseBody?.text, path).toContain(token);
      expect(exchange?.notes ?? [], path).toContain(WORKER_NOTE);
    }

    expect(probe.seen.length).toBeGreaterThanOrEqual(4);
    expect(probe.seen.filter((m) => m.ports > 0 || m.data !== HELLO)).toEqual([]);
    expect(probe.forged).toEqual([]);
    const frame = ((await page.evaluate('window.probe')) as Probe).frame;
    expect(frame.filter((line) => line.includes('localhost'))).toEqual([]);
    expect((await exchanges()).filter((x) => x.url.includes('forged-by-the-page'))).toEqual([]);
  } finally {
    await firefox.close();
    await site.close();
  }
});
