/** Setup project `build-harness`: builds the panel harness once per run (see support/harness-build.ts). */
import { test } from '@playwright/test';
import { buildHarness } from './support/harness-build.js';

test('build the panel harness', () => {
  buildHarness();
});
