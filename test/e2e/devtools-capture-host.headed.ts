/**
 * "Capture <host> with DevTools closed too" as a user meets it (issue 9 §2): the default build, nothing
 * configured, DevTools open on the SPA's tab. The login is captured by DevTools alone; the panel names the hosts
 * seen only through DevTools, and one click on each asks Chrome's own prompt (allowed with the keyboard under
 * Xvfb) and configures the host. With DevTools closed, the next login is then captured by webRequest and the
 * page hook, with no error finding.
 */
import { expect, test } from './support/first-install-fixtures.js';
import { openDevTools } from './support/devtools.js';
import { allowHostPromptBlind } from './support/host-permission-prompt.js';
import { PanelPage } from './support/panel.js';
import { expectSteps, startSpaLogin, waitForDone } from './support/spa-page.js';
import { missingDisplayTools } from './support/xvfb.js';

test.skip(missingDisplayTools().length > 0 && !process.env.CI, `not installed: ${missingDisplayTools().join(', ')} (Debian: apt-get install xvfb xdotool)`);

const steps = ['authorize_request', 'authorize_response', 'token', 'userinfo', 'refresh'];

test('DevTools on an unconfigured tab: one click per host in the Tokens panel captures it with DevTools closed too', async ({ lab, display, launch }) => {
  const ext = await launch();
  const providerHost = new URL(lab.provider.issuer).host;
  const appHost = new URL(lab.spa.origin).host;
  const patternOf = (origin: string) => `*://${new URL(origin).hostname}/*`;
  const page = await ext.context.newPage();
  await page.goto(lab.spa.origin);
  const devtools = await openDevTools(ext.context, page, ext.extensionId);
  try {
    await devtools.showPanel();
    const inPanel = <T>(expression: string, userGesture = false) => devtools.evaluate<T>(`chrome-extension://${ext.extensionId}/src/panel/`, expression, { userGesture });
    const offered = `[...document.querySelectorAll('[data-testid="devtools-only-host"]')].map((el) => el.getAttribute('data-host')).sort()`;

    await test.step('log in with DevTools open: captured by DevTools alone', async () => {
      await startSpaLogin(page, lab.spa.origin);
      await waitForDone(page);
      await expectSteps(page, { token: 'ok', userinfo: 'ok', refresh: 'ok' });
      const panel = new PanelPage(await ext.openPanel(await devtools.evaluate<number>(`chrome-extension://${ext.extensionId}/src/devtools/`, 'chrome.devtools.inspectedWindow.tabId')));
      await panel.waitForAnalysis();
      await panel.waitFor('the login, every step seen by DevTools only', async (p) =>
        (await p.flows()).some((f) => steps.every((k) => f.steps.some((s) => s.kind === k && s.sources.join() === 'devtools'))),
      );
      await panel.page.close();
      await expect.poll(() => inPanel<string[]>(offered), { timeout: 30_000 }).toEqual([appHost, providerHost].sort());
    });

    await test.step("one click per host in the Tokens panel inside DevTools, through Chrome's own prompt", async () => {
      for (const [host, origin] of [[providerHost, lab.provider.issuer], [appHost, lab.spa.origin]] as const) {
        await allowHostPromptBlind(
          display.display,
          () => inPanel(`(document.querySelector('[data-testid="capture-host"][data-host="${host}"]').click(), true)`, true),
          async () => (await ext.grantedOrigins()).includes(patternOf(origin)),
        );
        await expect.poll(() => inPanel<string>(`document.querySelector('[data-testid="capture-host-notice"]')?.textContent ?? ''`)).toBe(`${host} is a configured domain now: captured with DevTools closed too.`);
      }
      // Configured now: no host is seen only through DevTools any more.
      await expect.poll(() => inPanel<string[]>(offered)).toEqual([]);
      expect(await ext.grantedOrigins()).toEqual([patternOf(lab.provider.issuer), patternOf(lab.spa.origin)].sort());
    });
  } finally {
    await devtools.close().catch(() => undefined);
    await devtools.detach();
  }

  await test.step('DevTools closed: the next login is captured by webRequest and the page hook', async () => {
    await ext.context.clearCookies();
    const second = await ext.context.newPage();
    await startSpaLogin(second, lab.spa.origin);
    await waitForDone(second);
    await expectSteps(second, { token: 'ok', userinfo: 'ok', refresh: 'ok' });
    const secondPanel = new PanelPage(await ext.openPanel(await ext.tabIdOf(second)));
    await secondPanel.waitForAnalysis();
    await secondPanel.waitFor('the second login, seen by webRequest, its token responses read by the page hook', async (p) => {
      const flow = (await p.flows()).find((f) => steps.every((k) => f.steps.some((s) => s.kind === k)));
      return flow !== undefined && flow.steps.every((s) => !s.sources.includes('devtools')) && flow.steps.filter((s) => s.kind === 'token').every((s) => s.sources.includes('webRequest') && s.sources.includes('page-hook'));
    });
    const errors = (await secondPanel.findings()).filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    await expect(secondPanel.page.getByTestId('devtools-only-hosts')).toHaveCount(0);
  });
});
