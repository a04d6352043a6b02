/** Setup project `build-chrome`: builds the preconfigured Chrome extension once per run (see extension-build.ts). */
import { test } from '@playwright/test';
import { buildExtension } from './support/extension-build.js';

test('build the e2e Chrome extension', () => {
  buildExtension('chrome');
});
