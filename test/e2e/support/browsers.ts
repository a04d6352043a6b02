/**
 * Which browser binaries the e2e tests use: the system Chromium (`CHROMIUM_PATH`, else Debian's
 * /usr/bin/chromium) and firefox-esr (`FIREFOX_PATH`, else /usr/bin/firefox-esr). Never downloads a browser:
 * when no system Chromium exists, Playwright's own (installed by the user elsewhere) is used.
 */
import { existsSync } from 'node:fs';

/** Path of the Chromium to launch, or undefined to let Playwright use its own browser. */
export function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/** Path of Firefox ESR, or undefined when it is not installed (the Firefox test then skips). */
export function firefoxPath(): string | undefined {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  return existsSync(path) ? path : undefined;
}

/** Flags for any Chromium the tests launch: no sandbox (root in CI), nothing that talks to the network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
