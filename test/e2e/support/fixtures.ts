/**
 * Playwright fixtures shared by the e2e specs: `labOptions` (per test, via `test.use`) and `lab`, the provider
 * and relying parties started for the test and closed after it, even when the test fails. The extension
 * fixtures build on this in extension-fixtures.ts.
 */
import { test as base } from '@playwright/test';
import { startLab, type Lab, type LabOptions } from './lab.js';

/** Fixtures every e2e spec gets. */
export interface LabFixtures {
  labOptions: LabOptions;
  lab: Lab;
}

export const test = base.extend<LabFixtures>({
  labOptions: [{}, { option: true }],
  lab: async ({ labOptions }, use) => {
    const lab = await startLab(labOptions);
    try {
      await use(lab);
    } finally {
      await lab.close();
    }
  },
});

export { expect } from '@playwright/test';
