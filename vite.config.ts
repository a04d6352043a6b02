import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

/**
 * Builds the unpacked Chrome extension into dist/: crxjs reads manifest.json and bundles the worker and the
 * devtools page it names; public/ (icons) is copied as is. Does not build the CLI (that is esbuild, `build:cli`).
 */
export default defineConfig({
  plugins: [crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every browser the manifest admits supports <link rel=modulepreload>; the polyfill would only add a chunk.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The panel is opened only through devtools.panels.create, so nothing in the manifest leads crxjs to it.
      input: { panel: 'src/panel/panel.html' },
    },
  },
});
