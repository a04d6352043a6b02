/**
 * The Playwright fixture of the harness tests: a loopback server for the built harness (one per worker) and a
 * page on it with helpers to load a tab state, set the panel's clock and read what it exported or copied.
 */
import { test as base, expect, type Page } from '@playwright/test';
import type { TabState } from '../../../src/shared/protocol.js';
import { HARNESS_DIR, HARNESS_PAGE } from './harness-build.js';
import { serveDir } from './static-server.js';

export { expect };

/** The harness page and its driver (window.tiHarness). */
export class HarnessPanel {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  /** Opens the harness (optionally with `?theme=`), with the panel clock at `now`. */
  async open(now: number, query = ''): Promise<void> {
    await this.page.goto(`${this.url}${query ? `?${query}` : ''}`);
    await this.page.waitForFunction(() => 'tiHarness' in window);
    await this.setNow(now);
  }

  async setState(state: TabState | undefined): Promise<void> {
    await this.page.evaluate((s) => window.tiHarness.setState(s), state);
  }

  async setNow(seconds: number): Promise<void> {
    await this.page.evaluate((s) => window.tiHarness.setNow(s), seconds);
  }

  async exports(): Promise<{ filename: string; mimeType: string; text: string }[]> {
    return this.page.evaluate(() => window.tiHarness.exports);
  }

  async copied(): Promise<string[]> {
    return this.page.evaluate(() => window.tiHarness.copied);
  }

  async sent(): Promise<unknown[]> {
    return this.page.evaluate(() => window.tiHarness.sent());
  }
}

export const test = base.extend<{ harness: HarnessPanel }, { harnessUrl: string }>({
  harnessUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await serveDir(HARNESS_DIR);
      await use(`${server.origin}/${HARNESS_PAGE}`);
      await server.close();
    },
    { scope: 'worker' },
  ],
  harness: async ({ page, harnessUrl }, use) => {
    await use(new HarnessPanel(page, harnessUrl));
  },
});
