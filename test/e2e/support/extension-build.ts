/**
 * Builds the extension for the e2e tests, preconfigured so that no clicking is needed: the e2e loopback hosts
 * baked in (`TOKEN_INSPECTOR_DOMAINS`), output under build/e2e/<browser>. Reuses an existing build when
 * `E2E_SKIP_BUILD=1`. Does not start a browser. Settings that are not build options (key fetching) are set by
 * the tests through storage, as the options page does (extension.ts `updateSettings`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from './root.js';

export { ROOT };

/** Hosts configured in the e2e builds; 127.0.0.2 (the unconfigured site) is deliberately missing. */
export const E2E_DOMAINS = ['127.0.0.1', 'localhost'];

export type E2eBrowser = 'chrome' | 'firefox';

/** Where the e2e build of `browser` goes (`E2E_EXTENSION_DIR_CHROME` / `_FIREFOX` override). */
export function extensionDir(browser: E2eBrowser): string {
  const override = process.env[`E2E_EXTENSION_DIR_${browser.toUpperCase()}`];
  return resolve(ROOT, override ?? join('build', 'e2e', browser));
}

/** The environment of the e2e build: what a team would set for a preconfigured QA build. */
export function buildEnv(browser: E2eBrowser, dir = extensionDir(browser)): Record<string, string> {
  return {
    TOKEN_INSPECTOR_DOMAINS: E2E_DOMAINS.join(','),
    TOKEN_INSPECTOR_OUTDIR: dir,
  };
}

/**
 * Runs `vite build --mode <browser>` with {@link buildEnv} into `dir` (default {@link extensionDir}; `npm start`
 * builds into build/start/chrome); returns the output directory. Throws when it fails.
 */
export function buildExtension(browser: E2eBrowser, dir = extensionDir(browser)): string {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(dir, 'manifest.json'))) return dir;
  viteBuild(browser, buildEnv(browser, dir));
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`the ${browser} build made no manifest.json in ${dir}`);
  return dir;
}

/** Runs `vite build --mode <mode>` in the project root with `env` added to the environment. Throws when it fails. */
export function viteBuild(mode: string, env: Record<string, string>): void {
  // vite's package exports do not expose its bin; find it next to its package.json.
  const vite = join(dirname(createRequire(join(ROOT, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--mode', mode, '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
