/**
 * DevTools open on a tab nobody configured (issue 9 §2): the default build, no domain configured, the e2e SPA on
 * `localhost` and the provider on `127.0.0.1`. While DevTools is open on the tab, the devtools capture source takes
 * its login traffic whatever the host; the panel says so in its capture-health line, names the hosts seen only
 * through DevTools and offers to capture them with DevTools closed too. Headless: DevTools is opened over CDP
 * (support/devtools.ts); the permission prompt behind the offer is the first-install project's (headed) job.
 */
import { expect, test } from './support/fixtures.js';
import { openDevTools } from './support/devtools.js';
import { defaultBuildDir } from './support/default-build.js';
import { launchWithExtension, type ExtensionBrowser } from './support/extension.js';
import { PanelPage } from './support/panel.js';
import { expectSteps, startSpaLogin, waitForDone } from './support/spa-page.js';

const hostOf = (origin: string) => new URL(origin).host;

test('DevTools open on an unconfigured tab: the login is captured, and the panel offers its hosts', async ({ lab }) => {
  const ext: ExtensionBrowser = await launchWithExtension(defaultBuildDir());
  try {
    // No domain is configured: no webRequest callback can prove the worker is up, its answer to a ping does.
    await expect.poll(async () => (await ext.send({ type: 'ping' })).type).toBe('pong');
    const page = await ext.context.newPage();
    await page.goto(lab.spa.origin);
    const devtools = await openDevTools(ext.context, page, ext.extensionId);
    try {
      const tabId = await devtools.evaluate<number>(`chrome-extension://${ext.extensionId}/src/devtools/`, 'chrome.devtools.inspectedWindow.tabId');
      const panel = new PanelPage(await ext.openPanel(tabId));
      const health = panel.page.getByTestId('capture-health');
      await expect(health).toHaveAttribute('data-devtools', 'true');
      await expect(health).toHaveAttribute('data-host', hostOf(lab.spa.origin));
      await expect(health).toHaveAttribute('data-configured', 'false');
      await expect(panel.page.locator('[data-testid="source-health"][data-source="webRequest"]')).toHaveAttribute('data-state', 'no-access');
      await expect(panel.page.locator('[data-testid="source-health"][data-source="devtools"]')).toHaveAttribute('data-state', 'active');
      await expect(panel.page.getByTestId('empty-domains')).toContainText('No domain is configured yet.');
      await expect(panel.page.getByTestId('empty-host')).toContainText(`This tab is on ${hostOf(lab.spa.origin)}, which is not configured: its login traffic is captured while DevTools is open.`);

      await startSpaLogin(page, lab.spa.origin);
      await waitForDone(page);
      await expectSteps(page, { token: 'ok', userinfo: 'ok', refresh: 'ok', introspection: 'ok' });

      await panel.waitForAnalysis();
      await panel.waitFor('the login as one flow, every step seen by DevTools', async (p) => {
        const flow = (await p.flows()).find((f) => f.steps.some((s) => s.kind === 'token'));
        const kinds = flow?.steps.map((s) => s.kind) ?? [];
        return ['authorize_request', 'authorize_response', 'token', 'userinfo', 'refresh', 'introspection'].every((k) => kinds.includes(k)) && (flow?.steps ?? []).every((s) => s.sources.includes('devtools'));
      });
      const errors = (await panel.findings()).filter((f) => f.severity === 'error');
      expect(errors.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);

      // Only login traffic is kept: not the SPA's scripts, not the provider's login form with the password.
      const urls = (await panel.exchanges()).map((x) => `${x.method} ${new URL(x.url).pathname}`);
      expect(urls).not.toContain('GET /app.js');
      expect(urls.filter((u) => u.startsWith('POST /interaction/'))).toEqual([]);
      expect((await panel.exchanges()).every((x) => x.sources.join() === 'devtools')).toBe(true);

      const offered = panel.page.getByTestId('devtools-only-host');
      await expect(offered).toHaveCount(2);
      expect((await offered.evaluateAll((els) => els.map((el) => el.getAttribute('data-host')))).sort()).toEqual([hostOf(lab.provider.issuer), hostOf(lab.spa.origin)].sort());
      await expect(panel.page.locator(`[data-testid="capture-host"][data-host="${hostOf(lab.provider.issuer)}"]`)).toBeVisible();
    } finally {
      await devtools.detach();
    }
  } finally {
    await ext.close();
  }
});
