/**
 * The browser part of `npm start`, built from the e2e world (test/e2e/support): Chromium with the extension,
 * warmed up, key fetching switched on as the options page would, one login through the provider's own login and
 * consent pages by the demo SPA (then userinfo, refresh, introspection), and the panel page of that tab waited on
 * until it shows the whole flow with checked signatures. Registers every close with the caller's
 * {@link Cleanup}; does not close anything itself and does not print.
 */
import type { Page } from '@playwright/test';
import type { TabState } from '../../src/shared/protocol.js';
import { launchWithExtension, PANEL_PATH, warmUp, type ExtensionBrowser } from '../../test/e2e/support/extension.js';
import type { Lab } from '../../test/e2e/support/lab.js';
import { PanelPage } from '../../test/e2e/support/panel.js';
import { SPA_STEPS, startSpaLogin, waitForDone } from '../../test/e2e/support/spa-page.js';
import type { StartMode } from './args.js';
import type { Cleanup } from './cleanup.js';
import { phase } from './phase.js';
import { readTabState } from './tab-state.js';

/** What the demo left running and what it captured. */
export interface DemoRun {
  ext: ExtensionBrowser;
  /** The tab of the SPA, where the login happened. */
  page: Page;
  tabId: number;
  /** The panel page of that tab (`chrome-extension://<id>/src/panel/panel.html?tab=<id>`). */
  panel: PanelPage;
  panelUrl: string;
  state: TabState;
}

/** Size of the headless pages, hence of the panel screenshot: the status, findings, flow and first artifacts. */
export const SCREENSHOT_VIEWPORT = { width: 1280, height: 1000 };

/** The flow steps the SPA makes; the panel must show them all before the demo reports. */
const FLOW_STEPS = ['authorize_request', 'token', 'userinfo', 'refresh', 'introspection'];

async function spaFailure(page: Page): Promise<string | undefined> {
  const statuses = await Promise.all(SPA_STEPS.map(async (s) => [s, await page.locator(`#step-${s}`).getAttribute('data-status', { timeout: 1000 }).catch(() => null)] as const));
  const failed = statuses.find(([, status]) => status !== 'ok');
  if (!failed) return undefined;
  const error = await page.locator('#error').textContent({ timeout: 1000 }).catch(() => null);
  return `step ${failed[0]} is ${failed[1] ?? 'missing'}${error ? `: ${error}` : ''}`;
}

/** Whether the panel shows the login's flow with every step and every JWT signature checked. */
async function showsWholeFlow(panel: PanelPage): Promise<boolean> {
  // One after the other: each reader switches the panel's view.
  const flows = await panel.flows();
  const artifacts = await panel.artifacts();
  const jwts = artifacts.filter((a) => a.kind === 'id_token' || a.kind === 'access_token');
  const complete = flows.some((f) => FLOW_STEPS.every((k) => f.steps.some((s) => s.kind === k)));
  return complete && jwts.length > 0 && jwts.every((a) => a.signature !== '' && a.signature !== 'not-checked');
}

/** Runs the demo login in a fresh Chromium with the extension built in `extensionDir`. */
export async function runDemo(lab: Lab, extensionDir: string, mode: StartMode, cleanup: Cleanup): Promise<DemoRun> {
  const headless = mode === 'headless';
  const ext = await phase('launching Chromium with the extension', () =>
    // Signals are main.ts's: it closes the browser and the servers itself. A window sizes its own pages.
    launchWithExtension(extensionDir, { headless, viewport: headless ? SCREENSHOT_VIEWPORT : null, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false }),
  );
  cleanup.add(() => ext.close());
  await phase('waiting for the extension to capture', () => warmUp(ext, `${lab.provider.issuer}/.well-known/openid-configuration`));
  await phase('switching key fetching on', () => ext.updateSettings({ fetchKeys: true }));

  // A window opens with a blank tab: log in there rather than next to it.
  const blank = ext.context.pages().find((p) => p.url() === 'about:blank');
  const page = blank ?? (await ext.context.newPage());
  await phase('logging in at the demo provider', async () => {
    await startSpaLogin(page, lab.spa.origin);
    await waitForDone(page);
    const failure = await spaFailure(page);
    if (failure) throw new Error(`the demo SPA failed: ${failure}`);
  });

  const tabId = await phase('finding the tab of the login', () => ext.tabIdOf(page));
  const panel = new PanelPage(await phase('opening the panel page', () => ext.openPanel(tabId)));
  await phase('waiting for the panel to show the login', async () => {
    await panel.waitForAnalysis();
    await panel.waitFor('the whole flow with checked signatures', showsWholeFlow);
  });
  await phase('showing the login in the panel', async () => {
    const login = (await panel.flows()).find((f) => FLOW_STEPS.every((k) => f.steps.some((st) => st.kind === k)));
    if (login) await panel.selectFlow(login.id);
  });
  const state = await phase('reading the capture', () => readTabState(panel.page, tabId));
  return { ext, page, tabId, panel, panelUrl: `chrome-extension://${ext.extensionId}/${PANEL_PATH}?tab=${tabId}`, state };
}
