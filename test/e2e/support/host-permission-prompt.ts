/**
 * Answers Chromium's own host-permission prompt (the one `permissions.request` opens) as a person would, with the
 * keyboard, for the headed tests under Xvfb. Facts it relies on (Chromium 156, found by trying):
 * - The prompt is drawn inside the browser window (no X window of its own), takes the keyboard focus from the
 *   page, and focuses "Deny" first: Tab then Return allows.
 * - "Allow" is disabled for the first 500 ms the prompt is shown (Chromium's ExtensionInstallDialogView, against
 *   clickjacking), and Tab skips a disabled button: a Tab pressed at once stays on "Deny". Nothing outside the
 *   browser shows when it is enabled, so the Tab waits {@link ENABLE_WAIT_MS} after the prompt appeared.
 * - Chromium also ignores a button press that comes too soon after a dialog appeared (views'
 *   InputEventActivationProtector, about a double-click interval), and keeps ignoring presses that follow each
 *   other that fast. So Return is pressed, and pressed again a second later, until the prompt is gone.
 * - Playwright emulates focus (every page believes it has it); the page's own focus is only a signal once that
 *   emulation is off for the page.
 * Does not check what was granted: callers wait for their own outcome (the options page's row, `permissions`).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';

const run = promisify(execFile);

/** Chromium's 500 ms before "Allow" is enabled, with room for a busy machine. */
const ENABLE_WAIT_MS = 1500;
/** How long one Return may take to close the prompt before it is pressed again. */
const RETRY_MS = 1000;
const ATTEMPTS = 10;

/** Presses `keys` (xdotool names) on `display`, one after the other. */
async function press(display: string, ...keys: string[]): Promise<void> {
  try {
    await run('xdotool', ['key', '--delay', '50', ...keys], { env: { ...process.env, DISPLAY: display } });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('xdotool is not installed (Debian: apt-get install xvfb xdotool)', { cause: error });
    throw error;
  }
}

const pageHasFocus = (page: Page, timeout: number, want: boolean) =>
  page.waitForFunction((w) => document.hasFocus() === w, want, { timeout, polling: 50 }).then(
    () => true,
    () => false,
  );

/**
 * Runs `ask` (which must click the control that calls `permissions.request` on `page`, an extension page in the
 * headed browser on `display`) and allows the prompt that opens: waits until the prompt has taken the keyboard
 * focus from the page, moves to "Allow" and presses it until the page has the focus back. Throws when no prompt
 * appears or it does not close. Does not deny, and does not work headless (no prompt is shown there).
 */
export async function allowHostPrompt(page: Page, display: string, ask: () => Promise<void>): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    await page.bringToFront();
    if (!(await pageHasFocus(page, 10_000, true))) throw new Error(`${page.url()} never had the keyboard focus, so a prompt could not be told apart`);
    await ask();
    if (!(await pageHasFocus(page, 15_000, false))) throw new Error('no permission prompt took the keyboard focus within 15 s');
    // A Return that the prompt takes late must not press a button of the page once the prompt is gone.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await new Promise((resolve) => setTimeout(resolve, ENABLE_WAIT_MS));
    await press(display, 'Tab');
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      await press(display, 'Return');
      if (await pageHasFocus(page, RETRY_MS, true)) return;
    }
    throw new Error(`the permission prompt was still open after ${ATTEMPTS} presses of Allow`);
  } finally {
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true }).catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Runs `ask` (which must make a user-gesture call of `permissions.request` somewhere the test cannot watch the
 * focus of, such as the Tokens panel inside DevTools) and allows the prompt that opens: waits out the time "Allow"
 * is disabled, moves to it and presses it until `granted()` says the permission is held. Throws when it never is.
 * Does not deny, and does not work headless.
 */
export async function allowHostPromptBlind(display: string, ask: () => Promise<void>, granted: () => Promise<boolean>): Promise<void> {
  await ask();
  // The prompt has no window of its own and DevTools is no Playwright page: only the outcome can be watched.
  await new Promise((resolve) => setTimeout(resolve, ENABLE_WAIT_MS));
  await press(display, 'Tab');
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    await press(display, 'Return');
    const deadline = Date.now() + RETRY_MS;
    while (Date.now() < deadline) {
      if (await granted()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the permission was still not granted after ${ATTEMPTS} presses of Allow`);
}
