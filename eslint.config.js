import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Globals that do not exist in every place src/core runs (worker, panel, node CLI). */
const browserAndNodeOnly = [
  'chrome', 'browser', 'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage',
  'XMLHttpRequest', 'fetch', 'self', 'globalThis', 'process', 'Buffer', 'require', '__dirname', '__filename',
  'setTimeout', 'setInterval', 'Date',
].map((name) => ({ name, message: `src/core must stay free of browser and runtime globals (${name}); inject it instead.` }));

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'bench/out/', 'test-results/', 'web-ext-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The heart of the product: no browser API, no Node API, no clock.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-globals': ['error', ...browserAndNodeOnly],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'url', 'crypto'], message: 'src/core runs in the browser too: no Node modules.' },
          { group: ['webextension-polyfill', '**/shared/browser*', '**/background/**', '**/panel/**', '**/cli/**'], message: 'src/core must not depend on the shells.' },
        ],
      }],
    },
  },
);
