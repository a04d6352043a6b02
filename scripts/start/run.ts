/**
 * The sequence of `npm start` (issue 3, section 6): build the Chrome extension configured for the demo hosts
 * into build/start/chrome, start the e2e world's OpenID provider and SPA on loopback ports, log in once in
 * Chromium with the extension (demo.ts), print the CLI's report of what the extension captured, then either save
 * a screenshot of the panel (headless) or keep the visible browser open until it is closed or interrupted
 * (headed). Registers every close with `cleanup` and prints progress on stdout; failures are thrown as
 * {@link StartError}s. Does not install signal handlers or set the exit code (main.ts does).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { chromium } from '@playwright/test';
import { analyze } from '../../src/core/index.js';
import { fetchJson } from '../../src/cli/fetch-json.js';
import { defaultSettings } from '../../src/shared/settings.js';
import { buildExtension, E2E_DOMAINS, ROOT } from '../../test/e2e/support/extension-build.js';
import { startLab } from '../../test/e2e/support/lab.js';
import type { StartMode } from './args.js';
import { chooseChromium } from './chromium.js';
import type { Cleanup } from './cleanup.js';
import { runDemo, type DemoRun } from './demo.js';
import { phase, StartError } from './phase.js';
import { captureReport } from './summary.js';

/** Where `npm start` puts what it makes. */
export const START_OUT = join(ROOT, 'build', 'start');
/** The screenshot of the panel a headless run saves. */
export const SCREENSHOT = join(START_OUT, 'panel.png');

/** What the sequence needs from main.ts. */
export interface StartRun {
  mode: StartMode;
  /** Why this mode (a flag, or whether a display is set), for the progress line. */
  why: string;
  cleanup: Cleanup;
  /** Resolves on Ctrl+C (or another stop signal). */
  interrupted: Promise<void>;
  /** Called when a headed run starts waiting for the user: a signal then ends it normally. */
  waiting(): void;
}

const say = (line = '') => process.stdout.write(`${line}\n`);
const shown = (path: string) => relative(process.cwd(), path) || '.';

async function report(run: DemoRun): Promise<void> {
  // The same engine and report as `token-inspector check --fetch-keys`, over the exchanges the extension holds.
  const skew = defaultSettings().skewSeconds;
  const result = await phase('analysing the capture', () => analyze({ exchanges: run.state.exchanges }, { now: Math.floor(Date.now() / 1000), skew, fetchJson }));
  say();
  process.stdout.write(captureReport(result, `live capture of tab ${run.tabId} (${run.state.exchanges.length} exchanges)`, skew));
  say();
}

async function headless(run: DemoRun): Promise<void> {
  await phase('saving the screenshot of the panel', () => run.panel.page.screenshot({ path: SCREENSHOT }));
  say(`Screenshot of the panel: ${shown(SCREENSHOT)}`);
}

async function headed(run: DemoRun, start: StartRun): Promise<void> {
  // The helper page launchWithExtension opened to message the worker: not something to show.
  for (const p of run.ext.context.pages()) if (p.url().endsWith('?tab=-1')) await p.close().catch(() => undefined);
  await run.panel.page.bringToFront().catch(() => undefined);
  say('The login ran in the browser window. To see it in DevTools:');
  say(`  1. go to the tab of the demo app (${new URL(run.page.url()).origin})`);
  say('  2. open DevTools (F12, or Ctrl+Shift+I; Cmd+Option+I on macOS)');
  say('  3. choose the "Tokens" panel (behind » when the tab bar is full)');
  say(`The same panel is open in the second tab: ${run.panelUrl}`);
  say('Log in again from the demo app to capture more. Close the browser or press Ctrl+C to stop.');
  const closed = new Promise<void>((resolve) => run.ext.context.once('close', () => resolve()));
  start.waiting();
  await Promise.race([closed, start.interrupted]);
  say('Stopping: closing the browser, the provider and the demo app.');
}

/** Runs the whole demo; resolves when it is over (headless: at once; headed: when the user ends it). */
export async function runStart(start: StartRun): Promise<void> {
  const began = Date.now();
  const browser = chooseChromium(process.env, existsSync, chromium.executablePath());
  if (!browser.ok) throw new StartError(browser.error);
  const extensionDir = join(START_OUT, 'chrome');
  say(`Building the Chrome extension for ${E2E_DOMAINS.join(', ')} into ${shown(extensionDir)}`);
  await mkdir(START_OUT, { recursive: true });
  await phase('building the extension', () => buildExtension('chrome', extensionDir));
  const lab = await phase('starting the demo provider and app', () => startLab());
  start.cleanup.add(() => lab.close());
  say(`OpenID provider: ${lab.provider.issuer}   demo app: ${lab.spa.origin}`);
  say(`Chromium: ${browser.label}, ${start.mode} (${start.why}); logging in, then userinfo, refresh and introspection`);
  const run = await runDemo(lab, extensionDir, start.mode, start.cleanup);
  await report(run);
  if (start.mode === 'headless') await headless(run);
  say(`Demo ran in ${((Date.now() - began) / 1000).toFixed(1)} s.`);
  if (start.mode === 'headed') await headed(run, start);
}
