/**
 * Fills in the provider's own dev login and consent pages (oidc-provider devInteractions), as a user would:
 * type a login and any password, press Sign-in, then Continue on the consent page. Works for
 * Playwright pages; does not know the relying party and does not wait for its result.
 */
import type { Page } from '@playwright/test';
import { TEST_LOGIN } from './accounts.js';

/** Logs in on the provider's page the browser is on (or about to be on) and confirms consent. */
export async function loginAtProvider(page: Page, login = TEST_LOGIN): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  // Consent: every test has a fresh provider, so there is no earlier grant and the consent page always comes.
  const consent = page.locator('input[name="prompt"][value="consent"]');
  await consent.waitFor({ state: 'attached' });
  await page.locator('button[type="submit"]').click();
}
