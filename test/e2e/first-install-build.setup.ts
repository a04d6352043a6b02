/** Setup project `build-default-chrome`: the default Chrome build, nothing preconfigured (see default-build.ts). */
import { test } from '@playwright/test';
import { buildDefaultChrome } from './support/default-build.js';

test('build the default Chrome extension', () => {
  buildDefaultChrome();
});
