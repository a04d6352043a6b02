/**
 * Chromium with the built extension, for the e2e specs: launch (a persistent context on a temporary profile,
 * removed on close), the extension id from its service worker, messages to the worker, the tab id of a page,
 * the warm-up that waits until capture listeners run (BROWSER-TESTING.md pitfall 1), and opening the panel
 * page for a tab. Stopping the worker and DevTools are in worker-control.ts and devtools.ts.
 * Always `close()` in a finally: leftover browsers become zombies on these machines.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import type { Browser as WebExtensionApi } from 'webextension-polyfill';
import type { CaptureStats, RuntimeRequest, RuntimeResponses } from '../../../src/shared/protocol.js';
import type { Settings } from '../../../src/shared/settings.js';
import { CHROMIUM_ARGS, chromiumPath } from './browsers.js';
import { extensionDir } from './extension-build.js';

/** `chrome` as seen from code evaluated in the worker or an extension page (Chrome's MV3 API returns promises). */
export type ExtensionGlobal = typeof globalThis & { chrome: WebExtensionApi };

/** The `storage.local` key of the settings (src/shared/settings-store.ts; not imported: it loads the polyfill). */
const SETTINGS_KEY = 'settings';

/** Path of the panel page inside the build. */
export const PANEL_PATH = 'src/panel/panel.html';

/** A Chromium running the extension. */
export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker as it runs now (a new one after a restart). */
  worker(): Promise<Worker>;
  /** Sends a runtime message to the worker from an extension page, as the panel and options page do. */
  send<T extends RuntimeRequest>(message: T): Promise<RuntimeResponses[T['type']]>;
  stats(): Promise<CaptureStats>;
  /**
   * Changes settings as the options page does: merges `patch` into the stored settings (`storage.local`), then
   * tells the worker (`settings-changed`). The extension normalises what is stored; this does not validate.
   */
  updateSettings(patch: Partial<Settings>): Promise<void>;
  /** The browser's tab id of a page whose URL is on a configured host (the worker can read only those). */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the panel page for a tab in a new page. */
  openPanel(tabId: number): Promise<Page>;
  close(): Promise<void>;
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}

/** Launch options a caller may change (`npm start` shows a window and handles Ctrl+C itself); never the binary or flags. */
export type LaunchOverrides = Pick<NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>, 'headless' | 'viewport' | 'handleSIGINT' | 'handleSIGTERM' | 'handleSIGHUP'>;

/**
 * Launches Chromium (headless unless `HEADED=1` or `overrides.headless` says otherwise) with the extension built
 * in `dir` (default: the e2e build). `extraArgs` are added after the standard flags, for a world that needs one
 * (the client-library world on https: `--ignore-certificate-errors`); they cannot remove a standard flag.
 */
export async function launchWithExtension(dir = extensionDir('chrome'), overrides: LaunchOverrides = {}, extraArgs: readonly string[] = []): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'ti-e2e-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: process.env.HEADED !== '1',
      ...overrides,
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...extraArgs],
    });
    const ctx = context;
    const first = ctx.serviceWorkers().find(isExtensionWorker) ?? (await ctx.waitForEvent('serviceworker', { predicate: isExtensionWorker }));
    const extensionId = new URL(first.url()).host;
    let probe: Page | undefined;
    const probePage = async () => {
      if (probe && !probe.isClosed()) return probe;
      // An extension page to send runtime messages from (a worker cannot message itself). Tab -1 exists nowhere.
      probe = await ctx.newPage();
      await probe.goto(`chrome-extension://${extensionId}/${PANEL_PATH}?tab=-1`);
      return probe;
    };
    const worker = async () => ctx.serviceWorkers().find(isExtensionWorker) ?? ctx.waitForEvent('serviceworker', { predicate: isExtensionWorker });
    const send = async <T extends RuntimeRequest>(message: T) => (await probePage()).evaluate((m) => (globalThis as ExtensionGlobal).chrome.runtime.sendMessage(m), message) as Promise<RuntimeResponses[T['type']]>;
    return {
      context: ctx,
      extensionId,
      worker,
      send,
      stats: () => send({ type: 'stats' }),
      updateSettings: async (patch) => {
        await (await probePage()).evaluate(
          async ({ key, patch }) => {
            const storage = (globalThis as ExtensionGlobal).chrome.storage.local;
            const current = ((await storage.get(key))[key] ?? {}) as Record<string, unknown>;
            await storage.set({ [key]: { ...current, ...patch } });
          },
          { key: SETTINGS_KEY, patch },
        );
        await send({ type: 'settings-changed' });
      },
      tabIdOf: async (page) => tabIdOfPage(await worker(), page),
      openPanel: (tabId) => openPanelPage(ctx, extensionId, tabId),
      close: async () => {
        await ctx.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The browser's tab id of `page`, asked of the extension's `worker`: only pages on hosts the extension has access
 * to show their URL. Throws, listing the tabs' URLs, when none matches.
 */
export async function tabIdOfPage(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const tabs = await worker.evaluate(() => (globalThis as ExtensionGlobal).chrome.tabs.query({}));
  const tab = tabs.find((t) => t.url === url);
  if (tab?.id === undefined) throw new Error(`no tab with url ${url} among ${tabs.map((t) => t.url ?? '(hidden)').join(', ')}`);
  return tab.id;
}

/** Opens the panel page of the extension for a tab in a new page of `context`. */
export async function openPanelPage(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/${PANEL_PATH}?tab=${tabId}`);
  return panel;
}

/**
 * Waits until the worker's capture listeners run (pitfall 1: the `serviceworker` event can come before the
 * worker registered them): loads `url` (on a configured host) in a scratch page until the worker's stats count
 * a webRequest callback. Returns the stats then.
 */
export async function warmUp(ext: ExtensionBrowser, url: string): Promise<CaptureStats> {
  const page = await ext.context.newPage();
  try {
    let stats: CaptureStats | undefined;
    await expect(async () => {
      await page.goto(url);
      stats = await ext.stats();
      expect(stats.callbacks['webRequest'] ?? 0).toBeGreaterThan(0);
    }).toPass({ timeout: 20_000 });
    return stats as CaptureStats;
  } finally {
    await page.close();
  }
}
