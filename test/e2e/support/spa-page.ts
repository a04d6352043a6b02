/**
 * Page object of the e2e SPA and server-side RP result pages: start a login, wait for the end, read a step's
 * status and the JSON value the SPA showed for it. Waits on conditions only.
 */
import { expect, type Page } from '@playwright/test';
import { loginAtProvider } from './idp-pages.js';

/** Steps the SPA runs after the redirect back, in order. */
export const SPA_STEPS = ['discovery', 'authorize', 'token', 'userinfo', 'refresh', 'introspection'] as const;
export type SpaStep = (typeof SPA_STEPS)[number];

/** Options of one SPA login. */
export interface SpaLogin {
  /** Wait before this step for a click on `#continue` (see {@link continueSpa}). */
  pauseBefore?: SpaStep;
}

/** Opens the SPA, which redirects to the provider; logs in and consents. Does not wait for the SPA's steps. */
export async function startSpaLogin(page: Page, origin: string, options: SpaLogin = {}): Promise<void> {
  const url = new URL('/', origin);
  url.searchParams.set('autostart', '1');
  if (options.pauseBefore) url.searchParams.set('pauseBefore', options.pauseBefore);
  await page.goto(url.href);
  await loginAtProvider(page);
}

/** Waits for the SPA to stop before `step`, then lets it go on. */
export async function continueSpa(page: Page, step: SpaStep): Promise<void> {
  await page.locator(`#continue[data-before="${step}"]`).click();
}

/** Waits for `#done` (the SPA or server-side RP finished, successfully or not). */
export async function waitForDone(page: Page): Promise<void> {
  await page.locator('#done').waitFor({ state: 'attached' });
}

/** Asserts the statuses of steps (`ok` unless told otherwise). */
export async function expectSteps(page: Page, statuses: Partial<Record<string, string>>): Promise<void> {
  for (const [name, status] of Object.entries(statuses)) await expect(page.locator(`#step-${name}`), `step ${name}`).toHaveAttribute('data-status', status ?? 'ok');
}

/** The JSON value the SPA showed for a step (token responses, userinfo, introspection). */
export async function stepValue<T = Record<string, unknown>>(page: Page, step: SpaStep): Promise<T> {
  return JSON.parse((await page.locator(`#value-${step}`).textContent()) ?? 'null') as T;
}
