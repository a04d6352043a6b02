/**
 * Which Chromium `npm start` launches, decided before anything is built so a missing browser fails in a second:
 * `CHROMIUM_PATH` (which must exist), else Debian's /usr/bin/chromium, else Playwright's own browser when the
 * user installed it. Never downloads a browser. Pure: file checks and Playwright's path are passed in.
 */

/** The browser to use (`executablePath` undefined: Playwright's own) or why there is none. */
export type ChromiumChoice = { ok: true; executablePath: string | undefined; label: string } | { ok: false; error: string };

/** Debian's and Ubuntu's Chromium package path (the default of the e2e tests too). */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const HOW_TO_GET_ONE = 'install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary';

/** Picks the browser; `playwrightOwn` is where Playwright's own Chromium would be. */
export function chooseChromium(env: Readonly<Record<string, string | undefined>>, exists: (path: string) => boolean, playwrightOwn: string): ChromiumChoice {
  const asked = env.CHROMIUM_PATH?.trim();
  if (asked) return exists(asked) ? { ok: true, executablePath: asked, label: `${asked} (CHROMIUM_PATH)` } : { ok: false, error: `CHROMIUM_PATH=${asked} does not exist: ${HOW_TO_GET_ONE}` };
  if (exists(SYSTEM_CHROMIUM)) return { ok: true, executablePath: SYSTEM_CHROMIUM, label: SYSTEM_CHROMIUM };
  if (playwrightOwn && exists(playwrightOwn)) return { ok: true, executablePath: undefined, label: `Playwright's Chromium (${playwrightOwn})` };
  return { ok: false, error: `no Chromium found: ${HOW_TO_GET_ONE}` };
}
