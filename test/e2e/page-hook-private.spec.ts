/**
 * The page hook in Chromium with the built extension, probed from the page's side (support/hook-lab-site.ts):
 * the page's own listeners see no port and no message of the private channel, even when the page forges the
 * hook's messages; a page that scripts a same-origin frame's window before the frame's hook runs does reach that
 * frame's port, but hears no domain list over it (none is ever sent into a page); and the token calls that
 * dedicated workers make from blob: URLs (classic and module) are captured with their response bodies by the
 * page hook, @auth0/auth0-spa-js's own token worker among them, while the workers behave as without it.
 */
import type { Exchange } from '../../src/core/model.js';
import { readTabs } from '../../src/background/store/tab-record.js';
import { HOOK_TAG } from '../../src/capture/hook-protocol.js';
import { WORKER_NOTE } from '../../src/capture/hook/wrap-worker.js';
import { expect, test } from './support/extension-fixtures.js';
import type { ExtensionBrowser, ExtensionGlobal } from './support/extension.js';
import { AUTH0_TOKEN, MODULE_TOKEN, WORKER_TOKEN, startHookLabSite, type Probe } from './support/hook-lab-site.js';

/** Every exchange the extension holds, from its session storage, as its store reads it back. */
async function storedExchanges(ext: ExtensionBrowser): Promise<Exchange[]> {
  const items = await (await ext.worker()).evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.session.get(null));
  return [...readTabs(items as Record<string, unknown>).values()].flatMap((tab) => [...tab.exchanges.values()]);
}

const HELLO = JSON.stringify({ tag: HOOK_TAG, kind: 'hello' });

test('page hook: the domain list stays private, and blob workers\' token calls are captured with their bodies', async ({ ext, panelFor }) => {
  const site = await startHookLabSite();
  try {
    const page = await ext.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(`${site.origin}/`);
    await page.locator('#done').waitFor();
    const probe = () => page.evaluate(() => (window as unknown as { probe: Probe }).probe);

    // The workers behaved as without the hook: name, type, one message each (the hook's offer never reached
    // their code), their answers, and an error event that still names line 2 of the throwing script.
    const workers = (await probe()).workers;
    expect(pageErrors).toEqual([]);
    expect((await probe()).errors).toEqual([]);
    expect(workers['classic']).toEqual({ name: 'token-worker', seen: 1, status: 200, json: { access_token: WORKER_TOKEN, token_type: 'Bearer', expires_in: 300 }, importScripts: 'function' });
    expect(workers['module']).toEqual({ name: 'module-worker', seen: 1, status: 200, json: { access_token: MODULE_TOKEN, token_type: 'Bearer', expires_in: 300 }, module: true });
    expect(workers['throwing']).toMatchObject({ lineno: 2, filename: 'blob:' });
    expect(String(workers['throwing']?.['message'])).toContain('boom from the worker');
    expect(workers['native']).toEqual({ Worker: true, SharedWorker: true });
    expect(workers['auth0']).toMatchObject({ ok: true, json: { access_token: AUTH0_TOKEN } });

    // Both token calls reached the extension with the response body, read by the page hook in the worker.
    const fromWorker = async (path: string) => (await storedExchanges(ext)).find((x) => x.url === `${site.origin}${path}` && x.method === 'POST');
    for (const [path, token] of [['/worker-token', WORKER_TOKEN], ['/module-token', MODULE_TOKEN], ['/oauth/token', AUTH0_TOKEN]] as const) {
      await expect
        .poll(async () => (await fromWorker(path))?.seenBy.responseBody ?? [], { message: `the response body of ${path}, from the page hook`, timeout: 20_000 })
        .toContain('page-hook');
      const exchange = await fromWorker(path);
      expect(exchange?.responseBody?.text, path).toContain(token);
      expect(exchange?.notes ?? [], path).toContain(WORKER_NOTE);
    }
    const panel = await panelFor(page);
    await panel.waitFor('the worker\'s token call with the page hook among its sources', async (p) =>
      (await p.exchanges()).some((x) => x.url === `${site.origin}/worker-token` && x.sources.includes('page-hook')),
    );

    // The frame's world was the page's before the frame's hook ran: the page's listener got the relay's port
    // and heard the config over it. Still no domain list anywhere, as none is ever sent into a page.
    await expect.poll(async () => (await probe()).frame.some((line) => line.startsWith('port: ') && line.includes('"config"')), { message: 'the prepared frame heard the config' }).toBe(true);
    const seen = await probe();
    expect(seen.frame.some((line) => line.startsWith('window: ') && line.includes('"port"') && line.endsWith('ports=1'))).toBe(true);
    expect(seen.frame.filter((line) => line.includes('localhost'))).toEqual([]);

    // The page's own listeners saw hellos only (the hook's and its forged one): no port, no offer, no config.
    expect(seen.seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.seen.filter((m) => m.ports > 0 || m.data !== HELLO)).toEqual([]);
    // Its forged port was closed unheard, and what it sent through it was not taken for an exchange.
    expect(seen.forged).toEqual([]);
    expect((await storedExchanges(ext)).filter((x) => x.url.includes('forged-by-the-page'))).toEqual([]);
  } finally {
    await site.close();
  }
});
