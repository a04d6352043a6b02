/**
 * Page object of the client-library apps (apps/*.ts): start a login by full-page redirect or, for MSAL, in a
 * popup, log in at the provider's own pages (in the popup when there is one), wait for the app to finish and read
 * its steps. The progress contract is the SPA's (spa-page.ts), so this reuses its readers. Waits on conditions only.
 */
import { expect, type Page } from '@playwright/test';
import { loginAtProvider } from '../idp-pages.js';
import { expectSteps, waitForDone } from '../spa-page.js';
import type { ClientWorld } from './client-world.js';
import type { ClientStep } from './libraries.js';
import type { TokenSummary } from './apps/steps.js';

/** How the app starts its login. */
export type LoginMode = 'redirect' | 'popup';

/**
 * Opens the app and logs in: `redirect` opens it with `?autostart` (it redirects to the provider at once);
 * `popup` clicks "Log in" (a user gesture, as popups need) and logs in in the popup, which closes itself.
 * Returns when the login form was submitted; does not wait for the app's steps.
 */
export async function startClientLogin(page: Page, world: ClientWorld, mode: LoginMode = 'redirect'): Promise<void> {
  if (mode === 'redirect') {
    await page.goto(`${world.app.origin}/?autostart=1`);
    await loginAtProvider(page);
    return;
  }
  await page.goto(`${world.app.origin}/?mode=popup`);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('#login').click()]);
  await loginAtProvider(popup);
}

/** Waits for the app to finish, then asserts that every step of its library is `ok` and nothing went to `#error`. */
export async function expectClientDone(page: Page, world: ClientWorld): Promise<void> {
  await waitForDone(page);
  await expect(page.locator('#error'), 'the app reported no error').toHaveCount(0);
  await expectSteps(page, Object.fromEntries(world.setup.steps.map((s) => [s, 'ok'])));
}

/** The token summary (or, for `userinfo`, the claims) an app showed for a step. */
export async function clientStepValue<T = TokenSummary>(page: Page, step: ClientStep): Promise<T> {
  return JSON.parse((await page.locator(`#value-${step}`).textContent()) ?? 'null') as T;
}
