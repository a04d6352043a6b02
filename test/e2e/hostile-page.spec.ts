/**
 * Issue 10 §3, "a hostile page cannot steer the worker", with the built extension in Chromium on a configured
 * host (support/hostile-page-site.ts). The page takes the relay's private port and reports made-up exchanges
 * through it, as any page on a configured domain can:
 * - reports dated in the future are dated by the worker's clock, and do not make real captures be evicted;
 * - a flood in one tab evicts that tab's own captures, not another tab's;
 * - with key fetching on, a made-up issuer with a path or on another port, and a made-up discovery document with
 *   its `jwks_uri`, make the worker fetch nothing, while the real issuer's keys are fetched as before;
 * - made-up reports (also of another configured origin) are marked unconfirmed in the panel, real ones are not;
 * - the relay's own world (a content script in the page's process) learns nothing about the configuration.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { Exchange } from '../../src/core/model.js';
import { readTabs, type TabRecord } from '../../src/background/store/tab-record.js';
import { expect, test } from './support/extension-fixtures.js';
import type { ExtensionBrowser, ExtensionGlobal } from './support/extension.js';
import { HOSTILE_CLIENT, startHostileSite, type HostilePage, type HostileSite } from './support/hostile-page-site.js';
import type { PanelPage } from './support/panel.js';

/** The tabs as the extension's store holds them, read back from its session storage. */
async function storedTabs(ext: ExtensionBrowser): Promise<Map<number, TabRecord>> {
  const items = await (await ext.worker()).evaluate(() => (globalThis as ExtensionGlobal).chrome.storage.session.get(null));
  return readTabs(items as Record<string, unknown>);
}

async function exchangesOf(ext: ExtensionBrowser, tabId: number): Promise<Exchange[]> {
  return [...((await storedTabs(ext)).get(tabId)?.exchanges.values() ?? [])];
}

/** Opens the hostile page and waits until it holds the relay's port. */
async function openHostile(ext: ExtensionBrowser, site: HostileSite): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForFunction(() => (window as unknown as { hostile?: HostilePage }).hostile?.port != null);
  return page;
}

function forge(page: Page, observations: unknown[]): Promise<void> {
  return page.evaluate((list) => (window as unknown as { hostile: HostilePage }).hostile.forge(list), observations);
}

/** `count` made-up GET reports of `origin/forged/<label>/<n>`, each with a body of `size` characters. */
function flood(origin: string, label: string, count: number, size: number, startedAt?: number): unknown[] {
  const body = 'x'.repeat(size);
  return Array.from({ length: count }, (_, n) => {
    const at = startedAt ?? Date.now();
    return { method: 'GET', url: `${origin}/forged/${label}/${n}`, startedAt: at, endedAt: at + 5, status: 200, responseHeaders: [{ name: 'content-type', value: 'text/plain' }], responseBody: { text: body } };
  });
}

/** A real call of the page, answered by the site. */
function call(page: Page, path: string, init: RequestInit = {}): Promise<unknown> {
  return page.evaluate(([p, i]) => fetch(p, i).then((r) => r.text()), [path, init] as const);
}

/** Waits until the tab holds a browser-seen exchange of `url`. */
async function waitForReal(ext: ExtensionBrowser, tabId: number, url: string): Promise<void> {
  await expect
    .poll(async () => (await exchangesOf(ext, tabId)).some((x) => x.url === url && (x.seenBy.request ?? []).includes('webRequest')), { message: `${url} seen by webRequest in tab ${tabId}`, timeout: 20_000 })
    .toBe(true);
}

/** Waits until the last report of a flood reached the store (the relay and the store keep their order). */
async function waitForFlood(ext: ExtensionBrowser, tabId: number, lastUrl: string): Promise<void> {
  await expect.poll(async () => (await exchangesOf(ext, tabId)).some((x) => x.url === lastUrl), { message: `${lastUrl} stored`, timeout: 30_000 }).toBe(true);
}

// 30 reports of 400,000 characters: more than the store's 8 MB budget, so it must evict (the relay sends 20 a message).
const FLOOD = 30;
const FLOOD_BODY = 400_000;

test('issue 10 §3: reports dated in the future are dated by the worker and do not make real captures be evicted', async ({ ext }) => {
  const site = await startHostileSite();
  try {
    const page = await openHostile(ext, site);
    const tabId = await ext.tabIdOf(page);
    await forge(page, flood(site.origin, 'future', FLOOD, FLOOD_BODY, Date.UTC(2099, 0, 1)));
    await waitForFlood(ext, tabId, `${site.origin}/forged/future/${FLOOD - 1}`);
    expect((await storedTabs(ext)).get(tabId)?.meta.evicted, 'the flood was over the budget').toBeGreaterThan(0);
    const forged = (await exchangesOf(ext, tabId)).filter((x) => x.url.includes('/forged/'));
    const now = Date.now();
    expect(forged.filter((x) => x.startedAt > now || (x.endedAt ?? 0) > now).map((x) => `${x.url} ${new Date(x.startedAt).toISOString()}`)).toEqual([]);

    // Capture goes on: each real call stays while the next arrives (the flood, arrived first, goes first).
    await call(page, '/real/one');
    await waitForReal(ext, tabId, `${site.origin}/real/one`);
    await call(page, '/real/two');
    await waitForReal(ext, tabId, `${site.origin}/real/two`);
    await call(page, '/real/three');
    await waitForReal(ext, tabId, `${site.origin}/real/three`);
    const urls = (await exchangesOf(ext, tabId)).map((x) => x.url);
    expect(urls).toEqual(expect.arrayContaining([`${site.origin}/real/one`, `${site.origin}/real/two`, `${site.origin}/real/three`]));
  } finally {
    await site.close();
  }
});

test('issue 10 §3: a flood in one tab evicts its own captures, not another tab\'s', async ({ ext }) => {
  const site = await startHostileSite();
  try {
    const quiet = await ext.context.newPage();
    await quiet.goto(`${site.origin}/quiet`);
    const quietTab = await ext.tabIdOf(quiet);
    for (const name of ['a', 'b', 'c']) {
      await call(quiet, `/real/${name}`);
      await waitForReal(ext, quietTab, `${site.origin}/real/${name}`);
    }
    const kept = (await exchangesOf(ext, quietTab)).map((x) => x.url).sort();

    const page = await openHostile(ext, site);
    const tabId = await ext.tabIdOf(page);
    await forge(page, flood(site.origin, 'flood', FLOOD, FLOOD_BODY));
    await waitForFlood(ext, tabId, `${site.origin}/forged/flood/${FLOOD - 1}`);

    const tabs = await storedTabs(ext);
    expect(tabs.get(tabId)?.meta.evicted, 'the flooding tab gave back its own').toBeGreaterThan(0);
    expect(tabs.get(quietTab)?.meta.evicted, 'the quiet tab lost nothing').toBe(0);
    expect([...(tabs.get(quietTab)?.exchanges.values() ?? [])].map((x) => x.url).sort()).toEqual(kept);
  } finally {
    await site.close();
  }
});

/** The request rows of the panel's Requests view: URL and whether it is marked unconfirmed. */
async function unconfirmedRows(panel: PanelPage): Promise<Record<string, boolean>> {
  await panel.showView('requests');
  const rows = await panel.page.getByTestId('exchange').evaluateAll((els) => els.map((el) => [(el as HTMLElement).dataset['url'] ?? '', (el as HTMLElement).dataset['unconfirmed'] === 'true'] as const));
  return Object.fromEntries(rows);
}

test('issue 10 §3: with key fetching on, made-up issuers and discovery documents steer no fetch; made-up reports show unconfirmed', async ({ ext, panelFor }) => {
  const site = await startHostileSite();
  try {
    await ext.updateSettings({ fetchKeys: true });
    const page = await openHostile(ext, site);
    const tabId = await ext.tabIdOf(page);
    const otherOrigin = `http://localhost:${site.port}/forged-elsewhere`;
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'hostile-1', typ: 'JWT' })).toString('base64url');
    const idToken = (iss: string) => `${header}.${Buffer.from(JSON.stringify({ iss, sub: 'mallory', aud: HOSTILE_CLIENT, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url')}.c2ln`;
    const json = (body: unknown) => ({ status: 200, responseHeaders: [{ name: 'content-type', value: 'application/json' }], responseBody: { text: JSON.stringify(body), mimeType: 'application/json' } });
    const now = Date.now();
    await forge(page, [
      // An issuer with a path of the configured host, and one on another port of it (the canary).
      { method: 'POST', url: `${site.origin}/forged-token`, startedAt: now, ...json({ access_token: 'a', token_type: 'Bearer', id_token: idToken(`${site.origin}/steered/issuer`) }) },
      { method: 'POST', url: `${site.canary.origin}/token`, startedAt: now, ...json({ access_token: 'b', token_type: 'Bearer', id_token: idToken(`${site.canary.origin}/steered`) }) },
      // A discovery document of the real issuer whose jwks_uri points elsewhere on its host.
      { method: 'GET', url: `${site.origin}/.well-known/openid-configuration`, startedAt: now, ...json({ issuer: site.origin, jwks_uri: `${site.origin}/steered-jwks?from=forged`, token_endpoint: `${site.origin}/token` }) },
      // A report of another configured origin, which no browser-seen request confirms.
      { method: 'GET', url: otherOrigin, startedAt: now, ...json({ hello: 'made up' }) },
    ]);
    await waitForFlood(ext, tabId, otherOrigin);

    // The real token call, made after the reports: every analysis that has it has them too.
    await call(page, '/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=authorization_code&code=c-1&client_id=${HOSTILE_CLIENT}` });
    const panel = await panelFor(page);
    await panel.waitForAnalysis();
    await panel.waitFor('the real ID token, its signature checked with the keys the worker fetched', async (p) =>
      (await p.artifacts()).some((a) => a.kind === 'id_token' && a.claims['iss'] === site.origin && a.signature === 'valid'),
    );

    // The worker fetched the real issuer's discovery document and its jwks_uri, without cookies, and nothing else.
    const paths = site.log.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(expect.arrayContaining(['GET /.well-known/openid-configuration', 'GET /jwks']));
    expect(paths.filter((p) => p.includes('steered'))).toEqual([]);
    expect(site.canary.log).toEqual([]);
    expect(site.log.filter((r) => r.path === '/jwks' && r.cookie !== undefined)).toEqual([]);

    // The made-up reports are marked unconfirmed; the real call is not.
    await panel.waitFor('the made-up reports marked unconfirmed', async (p) => {
      const rows = await unconfirmedRows(p);
      return rows[`${site.origin}/forged-token`] === true && rows[otherOrigin] === true && rows[`${site.canary.origin}/token`] === true;
    });
    const rows = await unconfirmedRows(panel);
    expect(rows[`${site.origin}/token`]).toBe(false);
    expect(rows[`${site.origin}/`]).toBe(false);
    await panel.page.locator(`[data-testid="exchange"][data-url="${otherOrigin}"]`).click();
    await expect(panel.page.getByTestId('unconfirmed-note')).toContainText('only the page hook reported this request');
  } finally {
    await site.close();
  }
});

/** Evaluates `expression` in the extension's content-script world of `page`'s main frame (Chrome DevTools Protocol). */
async function inContentScriptWorld(cdp: CDPSession, contextId: number, expression: string): Promise<unknown> {
  const result = await cdp.send('Runtime.evaluate', { contextId, expression, awaitPromise: true, returnByValue: true });
  if (result.exceptionDetails) throw new Error(`evaluation failed: ${JSON.stringify(result.exceptionDetails)}`);
  return result.result.value as unknown;
}

test('issue 10 §3: a content script in the page\'s process learns nothing about the configuration', async ({ ext }) => {
  const site = await startHostileSite();
  try {
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    const contexts: { id: number; auxData?: { type?: string; isDefault?: boolean; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context as (typeof contexts)[number]));
    await cdp.send('Runtime.enable');
    await page.goto(`${site.origin}/quiet`);
    // The relay's world: an isolated world in the page's own process, the extension's API at hand.
    const { frameTree } = await cdp.send('Page.getFrameTree');
    let isolated: number | undefined;
    await expect
      .poll(async () => {
        for (const c of contexts.filter((x) => x.auxData?.type === 'isolated' && x.auxData.frameId === frameTree.frame.id)) {
          const id = await inContentScriptWorld(cdp, c.id, 'globalThis.chrome?.runtime?.id ?? null').catch(() => null);
          if (id === ext.extensionId) isolated = c.id;
        }
        return isolated;
      }, { message: 'the relay\'s isolated world' })
      .toBeDefined();

    const answers = (await inContentScriptWorld(
      cdp,
      isolated as number,
      `(async () => {
        const ask = (message) => chrome.runtime.sendMessage(message).then((answer) => answer, (error) => 'refused: ' + error.message);
        const report = (url) => ({ type: 'page-observations', observations: [{ method: 'GET', url, startedAt: Date.now() }] });
        return {
          config: await ask({ type: 'hook-config' }),
          onDomain: await ask(report(location.origin + '/probe')),
          offDomain: await ask(report('http://127.0.0.2:9/probe')),
          stats: await ask({ type: 'stats' }),
        };
      })()`,
    )) as Record<string, unknown>;
    expect(answers['config']).toEqual({ capture: true });
    // Kept or not, the answer is the same: it does not tell which URLs are configured.
    expect(answers['onDomain']).toEqual({ ok: true });
    expect(answers['offDomain']).toEqual({ ok: true });
    expect(String(answers['stats'])).toMatch(/^refused: /);
    expect(JSON.stringify(answers)).not.toContain('localhost');
  } finally {
    await site.close();
  }
});
