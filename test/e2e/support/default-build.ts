/**
 * The default Chrome build for the first-install tests: what `npm run build:chrome` makes with nothing
 * preconfigured (no `TOKEN_INSPECTOR_DOMAINS`, no deep capture), so the manifest lists every host only as an
 * optional permission and access comes from the options page at run time. Built into its own directory, never
 * dist/. Reuses an existing build when `E2E_SKIP_BUILD=1`. Starts no browser.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { viteBuild } from './extension-build.js';
import { ROOT } from './root.js';

/** Where the default build goes: `E2E_EXTENSION_DIR_DEFAULT_CHROME`, else build/e2e/default-chrome. */
export function defaultBuildDir(): string {
  return resolve(ROOT, process.env.E2E_EXTENSION_DIR_DEFAULT_CHROME ?? join('build', 'e2e', 'default-chrome'));
}

/**
 * Runs `vite build --mode chrome` into {@link defaultBuildDir} with the build options emptied, so a
 * `TOKEN_INSPECTOR_DOMAINS` or `TOKEN_INSPECTOR_DEEP_CAPTURE` in the caller's environment cannot leak in.
 * Returns the directory; throws when the build fails or makes no manifest.
 */
export function buildDefaultChrome(dir = defaultBuildDir()): string {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(dir, 'manifest.json'))) return dir;
  viteBuild('chrome', { TOKEN_INSPECTOR_DOMAINS: '', TOKEN_INSPECTOR_DEEP_CAPTURE: '', TOKEN_INSPECTOR_OUTDIR: dir });
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`the default Chrome build made no manifest.json in ${dir}`);
  return dir;
}
