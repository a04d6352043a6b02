/**
 * A headed Chromium with an unpacked extension on a profile the test keeps, for the first-install tests: the
 * profile outlives `close()` so the browser can be started again with what was granted, and the browser shows
 * its own prompts on the given X display. Messages to the worker, its stats, what it was granted, tab ids and the
 * panel page. Always `close()` in a finally: leftover browsers become zombies on these machines. Does not create
 * or delete the profile directory and does not build the extension.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import type { CaptureStats } from '../../../src/shared/protocol.js';
import { CHROMIUM_ARGS, chromiumPath } from './browsers.js';
import { openPanelPage, tabIdOfPage, type ExtensionGlobal } from './extension.js';
import { OPTIONS_PATH } from './options-page.js';

/** A running headed Chromium with the extension. */
export interface HeadedExtension {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker as it runs now. */
  worker(): Promise<Worker>;
  /** The worker's capture stats (`{type: 'stats'}` from an extension page). */
  stats(): Promise<CaptureStats>;
  /** The host patterns the extension holds now (`permissions.getAll().origins`), sorted. */
  grantedOrigins(): Promise<string[]>;
  /** The manifest's `host_permissions` (none in the default build). */
  manifestHosts(): Promise<string[]>;
  /** The browser's tab id of a page on a host the extension has access to. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the panel page for a tab in a new page. */
  openPanel(tabId: number): Promise<Page>;
  /** Closes the browser; the profile stays. */
  close(): Promise<void>;
}

const isExtensionWorker = (worker: Worker): boolean => worker.url().startsWith('chrome-extension://');

/** Launches Chromium headed on `display` with the extension built in `dir`, on the profile in `profileDir`. */
export async function launchHeaded(dir: string, profileDir: string, display: string): Promise<HeadedExtension> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: false,
    env: { ...process.env, DISPLAY: display },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  try {
    const worker = async () => context.serviceWorkers().find(isExtensionWorker) ?? context.waitForEvent('serviceworker', { predicate: isExtensionWorker });
    const extensionId = new URL((await worker()).url()).host;
    let probe: Page | undefined;
    const send = async (message: { type: 'stats' }) => {
      // An extension page to message the worker from (a worker cannot message itself): the options page, as it
      // holds no port that would wake a stopped worker by reconnecting.
      if (!probe || probe.isClosed()) {
        probe = await context.newPage();
        await probe.goto(`chrome-extension://${extensionId}/${OPTIONS_PATH}`);
      }
      return probe.evaluate((m) => (globalThis as ExtensionGlobal).chrome.runtime.sendMessage(m), message) as Promise<CaptureStats>;
    };
    const inWorker = async <T>(fn: () => Promise<T> | T): Promise<T> => (await worker()).evaluate(fn);
    return {
      context,
      extensionId,
      worker,
      stats: () => send({ type: 'stats' }),
      grantedOrigins: async () => ((await inWorker(() => (globalThis as ExtensionGlobal).chrome.permissions.getAll())).origins ?? []).sort(),
      manifestHosts: () => inWorker(() => (globalThis as ExtensionGlobal).chrome.runtime.getManifest().host_permissions ?? []),
      tabIdOf: async (page) => tabIdOfPage(await worker(), page),
      openPanel: (tabId) => openPanelPage(context, extensionId, tabId),
      close: () => context.close().catch(() => undefined),
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}
