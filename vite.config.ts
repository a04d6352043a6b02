import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type UserConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { buildOptions } from './scripts/build-options.js';
import { dropIifeChunks } from './scripts/drop-iife-chunks.js';
import { makeManifest } from './scripts/manifest.js';
import { privateIifeScripts } from './scripts/private-iife-scripts.js';
import { workerHookSource } from './scripts/worker-hook-source.js';

/**
 * Builds one unpacked extension per run: `vite build --mode chrome` into dist/chrome, `--mode firefox` into
 * dist/firefox (`TOKEN_INSPECTOR_OUTDIR` overrides). The manifest is manifest.json passed through
 * scripts/manifest.ts for that browser, `TOKEN_INSPECTOR_DOMAINS` and `TOKEN_INSPECTOR_DEEP_CAPTURE`; the same
 * choices reach the code through `define` (src/shared/build-flags.ts). crxjs bundles the worker, the pages and
 * the `?script` imports (the IIFE page scripts only as IIFEs: scripts/drop-iife-chunks.ts); public/ (icons) is
 * copied as is. The worker-side page hook is bundled into a define (scripts/worker-hook-source.ts). Does not build
 * the CLI (that is esbuild, `build:cli`).
 */
export default defineConfig(({ mode }) => {
  if (mode === 'harness') return harnessConfig();
  const options = buildOptions(mode, process.env);
  for (const warning of options.warnings) console.warn(`\x1b[33mwarning:\x1b[0m ${warning}`);
  const manifest = makeManifest(baseManifest, options) as unknown as ManifestV3Export;
  return {
    // After crx(): privateIifeScripts edits the manifest crxjs renders, dropIifeChunks the bundle crxjs made.
    plugins: [crx({ manifest, browser: options.browser }), privateIifeScripts(), dropIifeChunks(), workerHookSource()],
    define: options.define,
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      // Every browser the manifest admits supports <link rel=modulepreload>; the polyfill would only add a chunk.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        // The panel is opened only through devtools.panels.create, so nothing in the manifest leads crxjs to it.
        input: { panel: 'src/panel/panel.html' },
      },
    },
  };
});

/**
 * `vite build --mode harness`: the panel alone (src/panel/harness), outside any extension, into build/harness
 * (page src/panel/harness/harness.html), for the fast Playwright tests and the panel benchmark. Built as for Chrome without domains or deep capture.
 */
function harnessConfig(): UserConfig {
  const options = buildOptions('chrome', {});
  return {
    base: './',
    define: options.define,
    build: {
      outDir: process.env.TOKEN_INSPECTOR_OUTDIR?.trim() || 'build/harness',
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      rolldownOptions: { input: 'src/panel/harness/harness.html' },
    },
  };
}
