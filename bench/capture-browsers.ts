/**
 * The two browsers of the live-capture benchmark and what it reads from them: the baseline (the same Chromium,
 * flags and kind of profile as test/e2e/support/extension.ts, without any extension), one timed load of the
 * bench page, and what the extension stored for a tab. Launching the extension's browser, its warm-up and its
 * stats are the e2e support's; this does not change the extension's settings.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type { Exchange } from '../src/core/model.js';
import { CHROMIUM_ARGS, chromiumPath } from '../test/e2e/support/browsers.js';
import type { ExtensionBrowser, ExtensionGlobal } from '../test/e2e/support/extension.js';
import type { BenchResult } from './capture-site.js';

/** A browser without the extension. */
export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches the baseline: a persistent context on a temporary profile, headless, with the e2e flags and without
 * `--load-extension` (Playwright's default `--disable-extensions` stays). Always `close()` in a finally.
 */
export async function launchPlain(): Promise<PlainBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'ti-bench-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
    return {
      context,
      close: async () => {
        await context.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/** One load of the bench page in a new tab, which is left open for the caller to inspect and close. */
export interface Load extends BenchResult {
  page: Page;
}

/** Opens a new tab, navigates to `url` and waits until the page's calls are done. Throws if they fail to finish. */
export async function loadBenchPage(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  await page.goto(url);
  const handle = await page.waitForFunction(() => (window as Window & { benchResult?: BenchResult }).benchResult, undefined, { timeout: 30_000 });
  const result = (await handle.jsonValue()) as BenchResult;
  return { page, ...result };
}

/** What the extension stored for a tab's API calls (the page's `/token` and `/userinfo` exchanges). */
export interface Captured {
  /** Exchanges of the calls: one per call when the sources' observations were merged. */
  exchanges: number;
  /** Of these, with a response body (the page hook's part). */
  withBody: number;
  /** Of these, seen by webRequest too (request headers or status). */
  bothSources: number;
}

/** Reads the tab's exchanges from the extension's `storage.session` (store keys `x:<tabId>:<id>`) in the worker. */
export async function capturedOn(ext: ExtensionBrowser, tabId: number): Promise<Captured> {
  const worker = await ext.worker();
  const exchanges = await worker.evaluate(async (prefix) => {
    const all = await (globalThis as ExtensionGlobal).chrome.storage.session.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith(prefix))
      .map(([, value]) => value as Exchange)
      .filter((x) => /\/(token|userinfo)$/.test(new URL(x.url).pathname))
      .map((x) => ({ body: x.responseBody !== undefined, sources: [...new Set(Object.values(x.seenBy).flat())] }));
  }, `x:${tabId}:`);
  return {
    exchanges: exchanges.length,
    withBody: exchanges.filter((x) => x.body).length,
    bothSources: exchanges.filter((x) => x.sources.includes('webRequest') && x.sources.includes('page-hook')).length,
  };
}

/**
 * Polls `probe` every `intervalMs` until `done` holds for its value or `timeoutMs` passed, and returns the last
 * value either way (the caller decides what an unmet condition means).
 */
export async function poll<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000, intervalMs = 25): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || performance.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
