/**
 * firefox-esr with the built extension, driven by puppeteer-core over WebDriver BiDi, for the Firefox e2e test.
 * BiDi refuses `moz-extension:` pages and does not see extension contexts, so the test reads what the extension
 * captured from the parent process instead: Firefox is started with `--remote-allow-system-access` (test-only:
 * it lets this BiDi session run privileged script in the browser window's chrome scope), where
 * `storage.session` of an extension lives (ExtensionStorage.sys.mjs). The store's records are then parsed with
 * the extension's own reader (src/background/store). Does not touch the extension's code or settings.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readTabs, type TabRecord } from '../../../src/background/store/tab-record.js';
import { TEST_LOGIN } from './accounts.js';
import { firefoxPath } from './browsers.js';
import { extensionDir } from './extension-build.js';

/** A running Firefox with the extension installed. */
export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id (the gecko id of the manifest). */
  extensionId: string;
  /** Everything the extension holds in `storage.session`, by tab, as its store reads it back. */
  capturedTabs(): Promise<Map<number, TabRecord>>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: unknown): Promise<{ result: unknown }>;
}

/** The BiDi connection puppeteer holds (its Browser exposes it at run time, not in its types). */
function bidi(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('this puppeteer Browser has no BiDi connection (is it Firefox over WebDriver BiDi?)');
  return connection;
}

/** Evaluates privileged script in the browser window (chrome scope) and returns its string result. */
async function evaluateInChrome(browser: Browser, expression: string): Promise<string> {
  const connection = bidi(browser);
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('no chrome window: was Firefox started with --remote-allow-system-access?');
  const answer = (await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' })).result as {
    type: string;
    result?: { type: string; value?: unknown };
    exceptionDetails?: { text?: string };
  };
  if (answer.type === 'exception' || answer.result?.type !== 'string') throw new Error(`chrome-scope script failed: ${answer.exceptionDetails?.text ?? JSON.stringify(answer)}`);
  return answer.result.value as string;
}

/** Script that returns an extension's `storage.session` as JSON (values are structured-clone holders there, read with keepData so the extension's copy stays intact). */
function sessionStorageScript(extensionId: string): string {
  return `(async () => {
    const { extensionStorageSession } = ChromeUtils.importESModule('resource://gre/modules/ExtensionStorage.sys.mjs');
    const extension = WebExtensionPolicy.getByID(${JSON.stringify(extensionId)})?.extension;
    if (!extension) throw new Error('extension not found');
    const items = await extensionStorageSession.get(extension, null);
    const out = {};
    for (const [key, value] of Object.entries(items)) out[key] = value && typeof value.deserialize === 'function' ? value.deserialize(globalThis, true) : value;
    return JSON.stringify(out);
  })()`;
}

/** Launches firefox-esr (headless unless `HEADED=1`) and installs the extension built in `dir`. */
export async function launchFirefoxWithExtension(dir = extensionDir('firefox')): Promise<FirefoxWithExtension> {
  const executablePath = firefoxPath();
  if (!executablePath) throw new Error('firefox-esr is not installed (set FIREFOX_PATH)');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: process.env.HEADED !== '1', args: ['--remote-allow-system-access'] });
  try {
    const extensionId = await browser.installExtension(dir);
    return {
      browser,
      extensionId,
      capturedTabs: async () => readTabs(JSON.parse(await evaluateInChrome(browser, sessionStorageScript(extensionId))) as Record<string, unknown>),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The provider's dev login and consent pages, filled in with puppeteer (see idp-pages.ts for Playwright). */
export async function loginAtProviderWithPuppeteer(page: Page, login = TEST_LOGIN): Promise<void> {
  await page.waitForSelector('input[name="login"]');
  await page.type('input[name="login"]', login);
  await page.type('input[name="password"]', 'any password');
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  await page.waitForSelector('input[name="prompt"][value="consent"]');
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
}
