/**
 * Fixtures of the client-library extension specs: everything of client-fixtures.ts plus `ext`, Chromium with the
 * e2e build of the extension and the flags the world needs (a self-signed certificate on https), warmed up on the
 * world's provider before the test and closed after it even when the test fails; and `panelFor`, as in
 * extension-fixtures.ts. The build itself is the `build-chrome` setup project's job.
 */
import type { Page } from '@playwright/test';
import { launchWithExtension, warmUp, type ExtensionBrowser } from '../extension.js';
import { PanelPage } from '../panel.js';
import { test as clientTest } from './client-fixtures.js';
import { browserArgs } from './client-world.js';

/** Fixtures added for the extension specs. */
export interface ClientExtensionFixtures {
  ext: ExtensionBrowser;
  /** Opens the panel page for the tab of `page` and returns its page object. */
  panelFor: (page: Page) => Promise<PanelPage>;
}

export const test = clientTest.extend<ClientExtensionFixtures>({
  ext: async ({ world }, use) => {
    const ext = await launchWithExtension(undefined, {}, browserArgs(world));
    try {
      await warmUp(ext, world.provider.discoveryUrl);
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
