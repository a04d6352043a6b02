/**
 * Playwright fixtures of the client-library specs: `clientLibrary` (per test, via `test.use`) and `world`, its
 * app and provider started for the test and closed after it, even when the test fails. The extension fixtures
 * build on this in client-extension-fixtures.ts. Starts no browser.
 */
import { test as base } from '@playwright/test';
import { startClientWorld, type ClientWorld } from './client-world.js';
import type { ClientLibrary } from './libraries.js';

/** Fixtures every client-library spec gets. */
export interface ClientFixtures {
  clientLibrary: ClientLibrary;
  world: ClientWorld;
}

export const test = base.extend<ClientFixtures>({
  clientLibrary: ['oidc-client-ts', { option: true }],
  world: async ({ clientLibrary }, use) => {
    const world = await startClientWorld(clientLibrary);
    try {
      await use(world);
    } finally {
      await world.close();
    }
  },
});

export { expect } from '@playwright/test';
