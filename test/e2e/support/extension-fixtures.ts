/**
 * Fixtures of the extension specs: everything of fixtures.ts plus `ext`, Chromium with the e2e build of the
 * extension, warmed up (its capture listeners proven to run) before the test, and closed after it even when
 * the test fails. The build itself is the `build-chrome` setup project's job.
 */
import { test as labTest } from './fixtures.js';
import { launchWithExtension, warmUp, type ExtensionBrowser } from './extension.js';
import { PanelPage } from './panel.js';
import type { Page } from '@playwright/test';

/** Fixtures added for the extension specs. */
export interface ExtensionFixtures {
  ext: ExtensionBrowser;
  /** Opens the panel page for the tab of `page` and returns its page object. */
  panelFor: (page: Page) => Promise<PanelPage>;
}

export const test = labTest.extend<ExtensionFixtures>({
  ext: async ({ lab }, use) => {
    const ext = await launchWithExtension();
    try {
      await warmUp(ext, `${lab.provider.issuer}/.well-known/openid-configuration`);
      await use(ext);
    } finally {
      await ext.close();
    }
  },
  panelFor: async ({ ext }, use) => {
    await use(async (page) => new PanelPage(await ext.openPanel(await ext.tabIdOf(page))));
  },
});

export { expect } from '@playwright/test';
