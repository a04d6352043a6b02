import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './test/e2e/support/browsers.js';

/**
 * End-to-end tests (test/e2e): a real OpenID provider, real relying parties, real browsers.
 * - `infra`: the provider and relying parties in plain Chromium, no extension (proves the test world).
 * - `chromium`: the built extension in Chromium; depends on `build-chrome`, which builds it preconfigured.
 * - `firefox`: the built extension in firefox-esr over WebDriver BiDi; depends on `build-firefox`.
 * - `start`: `npm start` run as a user would (it builds into build/start itself).
 * - `first-install`: the default build (nothing preconfigured) in a headed Chromium under Xvfb, hosts granted
 *   through Chrome's own prompt on the options page; depends on `build-default-chrome`.
 * - `default-build`: the default build headless: DevTools on a tab whose host nobody configured.
 * - `panel`: the Tokens panel alone (test/panel), built as a page (`--mode harness`) and fed tab states made by
 *   the real engine; fast, no extension. Depends on `build-harness`.
 * One worker: the machines have two cores and every test starts a browser. Never downloads a browser.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'build/e2e/test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'line' : 'list',
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'infra',
      testMatch: /(infra|engine-prediction|clients-infra)\.spec\.ts$/,
      use: { launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } },
    },
    { name: 'build-chrome', testMatch: /build-chrome\.setup\.ts$/, timeout: 240_000 },
    { name: 'build-firefox', testMatch: /build-firefox\.setup\.ts$/, timeout: 240_000 },
    {
      name: 'chromium',
      testMatch: /\.spec\.ts$/,
      testIgnore: [/infra\.spec\.ts$/, /engine-prediction\.spec\.ts$/, /firefox\.spec\.ts$/, /[\\/]start\.spec\.ts$/],
      dependencies: ['build-chrome'],
    },
    // `npm start` for real: it builds its own extension into build/start, so it needs no setup project.
    { name: 'start', testMatch: /[\\/]start\.spec\.ts$/, timeout: 240_000 },
    { name: 'firefox', testMatch: /firefox\.spec\.ts$/, dependencies: ['build-firefox'] },
    // Headed under its own Xvfb (started by the test), so its file is not a `.spec.ts` the `chromium` project runs.
    { name: 'build-default-chrome', testMatch: /first-install-build\.setup\.ts$/, timeout: 240_000 },
    { name: 'first-install', testMatch: /\.headed\.ts$/, dependencies: ['build-default-chrome'], timeout: 180_000 },
    // The default build headless: DevTools on a tab nobody configured.
    { name: 'default-build', testMatch: /\.default\.ts$/, dependencies: ['build-default-chrome'] },
    { name: 'build-harness', testDir: 'test/panel', testMatch: /build-harness\.setup\.ts$/, timeout: 240_000 },
    {
      name: 'panel',
      testDir: 'test/panel',
      testMatch: /\.spec\.ts$/,
      dependencies: ['build-harness'],
      use: { launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS }, viewport: { width: 1280, height: 900 } },
    },
  ],
});
