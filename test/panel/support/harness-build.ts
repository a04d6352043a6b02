/**
 * Builds the panel harness (`vite build --mode harness`, src/panel/harness) into build/panel-harness (or
 * `E2E_HARNESS_DIR`) once per run; `E2E_SKIP_BUILD=1` reuses an existing build. Does not start a browser.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, viteBuild } from '../../e2e/support/extension-build.js';

/** Where the harness build goes: `E2E_HARNESS_DIR`, else build/panel-harness. */
export const HARNESS_DIR = resolve(ROOT, process.env.E2E_HARNESS_DIR ?? join('build', 'panel-harness'));
/** The harness page inside {@link HARNESS_DIR}. */
export const HARNESS_PAGE = 'src/panel/harness/harness.html';

/** Builds the harness unless a build exists and `E2E_SKIP_BUILD=1`. Throws when the build fails. */
export function buildHarness(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(HARNESS_DIR, HARNESS_PAGE))) return;
  viteBuild('harness', { TOKEN_INSPECTOR_OUTDIR: HARNESS_DIR });
  if (!existsSync(join(HARNESS_DIR, HARNESS_PAGE))) throw new Error(`the harness build made no ${HARNESS_PAGE}`);
}
