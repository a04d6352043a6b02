/** Setup project `build-firefox`: builds the preconfigured Firefox extension once per run (see extension-build.ts). */
import { test } from '@playwright/test';
import { buildExtension } from './support/extension-build.js';

test('build the e2e Firefox extension', () => {
  buildExtension('firefox');
});
