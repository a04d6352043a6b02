/**
 * Fixtures of the first-install test: everything of fixtures.ts (the lab) plus `display`, an Xvfb of its own, and
 * `launch`, which starts the headed Chromium with the default build on one profile per test (kept across
 * launches, so a second launch is a browser restart). Every browser is closed, then Xvfb stopped and the profile
 * removed, even when the test fails or times out. The build is the `build-default-chrome` setup project's job.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultBuildDir } from './default-build.js';
import { test as labTest } from './fixtures.js';
import { launchHeaded, type HeadedExtension } from './headed-extension.js';
import { startXvfb, type VirtualDisplay } from './xvfb.js';

/** Fixtures added for the first-install test. */
export interface HeadedFixtures {
  display: VirtualDisplay;
  /** Starts the headed browser with the default build on the test's profile; every browser is closed after the test. */
  launch: () => Promise<HeadedExtension>;
}

export const test = labTest.extend<HeadedFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
  display: async ({}, use) => {
    const display = await startXvfb();
    try {
      await use(display);
    } finally {
      await display.close();
    }
  },
  launch: async ({ display }, use) => {
    const profile = await mkdtemp(join(tmpdir(), 'ti-first-install-'));
    const launched: HeadedExtension[] = [];
    try {
      await use(async () => {
        const ext = await launchHeaded(defaultBuildDir(), profile, display.display);
        launched.push(ext);
        return ext;
      });
    } finally {
      for (const ext of launched) await ext.close();
      await rm(profile, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
