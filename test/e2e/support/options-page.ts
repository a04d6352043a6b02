/**
 * Page object of the extension's options page (src/options) for the headed tests: add a custom domain (answering
 * the browser's host-permission prompt), remove one, and read a domain's row. Works on its DOM contract
 * (`data-testid`, `data-domain`, `data-access`). Waits on conditions only; does not change settings any other way.
 */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { allowHostPrompt } from './host-permission-prompt.js';

/** Path of the options page inside the build (the manifest's `options_ui.page`). */
export const OPTIONS_PATH = 'src/options/options.html';

/** The options page in a tab of its own. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  /** Opens the options page of `extensionId` in a new tab and waits until it shows the configured domains. */
  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${OPTIONS_PATH}`);
    await expect(page.getByTestId('domain-list').or(page.getByTestId('domains-empty'))).toBeVisible();
    return new OptionsPage(page);
  }

  /** The row of a configured domain (absent when it is not configured). */
  row(domain: string): Locator {
    return this.page.locator(`[data-testid="domain-row"][data-domain="${domain}"]`);
  }

  /** The line that reports the last action. */
  get status(): Locator {
    return this.page.getByTestId('options-status');
  }

  /**
   * Types `domain` into "Custom domain", clicks Add and allows the browser's prompt on `display` (a headed
   * browser), then waits until the row says "host access granted".
   */
  async addDomain(domain: string, display: string): Promise<void> {
    await this.page.getByTestId('domain-input').fill(domain);
    await allowHostPrompt(this.page, display, () => this.page.getByTestId('domain-add').click());
    await expect(this.row(domain), `${domain} configured with host access`).toHaveAttribute('data-access', 'granted');
  }

  /**
   * Adds `domain` again after {@link removeDomain}: Chrome does not ask a second time for a host the user allowed
   * before and the extension gave back, so no prompt is expected. Waits until the row says "host access granted".
   */
  async addDomainAllowedBefore(domain: string): Promise<void> {
    await this.page.getByTestId('domain-input').fill(domain);
    await this.page.getByTestId('domain-add').click();
    await expect(this.row(domain), `${domain} configured with host access, without a prompt`).toHaveAttribute('data-access', 'granted');
  }

  /** Clicks Remove on the row of `domain` and waits until the row is gone and the page says it was removed. */
  async removeDomain(domain: string): Promise<void> {
    await this.row(domain).getByTestId('domain-remove').click();
    await expect(this.row(domain)).toHaveCount(0);
    await expect(this.status).toContainText(`Removed ${domain}`);
  }
}
