/**
 * What one `vite build` makes, from its mode and environment: the browser (`--mode chrome|firefox`), the baked-in
 * domains (`TOKEN_INSPECTOR_DOMAINS`), the deep-capture flavour (`TOKEN_INSPECTOR_DEEP_CAPTURE=1`) and the output
 * directory (`TOKEN_INSPECTOR_OUTDIR`). Pure: the environment is passed in, warnings are returned, not printed.
 */
import { buildDomains, type ManifestOptions, type TargetBrowser } from './manifest.js';
import { formatDomain } from '../src/shared/domains.js';

/** The options of one build, the `define` values injected into the code, and what the builder should hear. */
export interface BuildOptions extends ManifestOptions {
  /** Output directory, relative to the project root unless absolute. */
  outDir: string;
  /** `define` for vite: the globals src/shared/build-flags.ts reads, as JSON source text. */
  define: Record<'__TI_BROWSER__' | '__TI_DOMAINS__' | '__TI_DEEP_CAPTURE__', string>;
  warnings: string[];
}

// vite's own default modes (plain `vite build`, `vite` serve) build for Chrome.
const BROWSERS: Record<string, TargetBrowser> = { chrome: 'chrome', firefox: 'firefox', production: 'chrome', development: 'chrome' };
const TRUE_FLAGS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_FLAGS = new Set(['', '0', 'false', 'no', 'off']);

/**
 * Reads the build choices. `mode` is vite's mode: `chrome` or `firefox` (vite's default modes `production` and
 * `development` mean chrome). Throws for an unknown mode, an unreadable deep-capture flag or a bad domain (naming it); a deep
 * capture asked of a Firefox build is dropped with a warning, as Firefox has no `chrome.debugger`.
 */
export function buildOptions(mode: string, env: Readonly<Record<string, string | undefined>>): BuildOptions {
  const browser = BROWSERS[mode];
  if (!browser) throw new Error(`unknown build mode "${mode}": use --mode chrome or --mode firefox`);
  const warnings: string[] = [];

  const flag = (env.TOKEN_INSPECTOR_DEEP_CAPTURE ?? '').trim().toLowerCase();
  if (!TRUE_FLAGS.has(flag) && !FALSE_FLAGS.has(flag)) {
    throw new Error(`TOKEN_INSPECTOR_DEEP_CAPTURE="${env.TOKEN_INSPECTOR_DEEP_CAPTURE}": use 1 to build with deep capture, 0 or nothing without`);
  }
  let deepCapture = TRUE_FLAGS.has(flag);
  if (deepCapture && browser === 'firefox') {
    warnings.push('TOKEN_INSPECTOR_DEEP_CAPTURE is ignored for Firefox: it has no chrome.debugger (the Firefox build reads bodies with filterResponseData)');
    deepCapture = false;
  }

  const domainList = (env.TOKEN_INSPECTOR_DOMAINS ?? '').split(',');
  const domains = buildDomains(domainList).map(formatDomain);
  const outDir = env.TOKEN_INSPECTOR_OUTDIR?.trim() || `dist/${browser}`;

  return {
    browser,
    domains,
    deepCapture,
    outDir,
    define: {
      __TI_BROWSER__: JSON.stringify(browser),
      __TI_DOMAINS__: JSON.stringify(domains),
      __TI_DEEP_CAPTURE__: JSON.stringify(deepCapture),
    },
    warnings,
  };
}
