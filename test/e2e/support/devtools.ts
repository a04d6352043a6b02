/**
 * Real DevTools for the e2e tests: opens DevTools for a page (`Target.openDevTools` over the browser CDP
 * session), shows the extension's Tokens panel in it, and evaluates expressions inside DevTools targets (the
 * DevTools window, the devtools_page, the panel iframe). DevTools is not a Playwright page, so the targets are
 * reached with `Target.attachToTarget` (not flattened) and `Target.sendMessageToTarget`.
 * `InspectorView.instance().showPanel` is a DevTools internal, not a public API: keep such tests few.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/** Title the devtools page gives the panel (`devtools.panels.create('Tokens', ...)`). */
export const PANEL_TITLE = 'Tokens';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** DevTools opened for one page. */
export interface OpenDevTools {
  /** Shows the Tokens panel (loads its page). */
  showPanel(): Promise<void>;
  /**
   * Evaluates `expression` (awaiting a promise) in the first target whose URL starts with `urlPrefix`; with
   * `userGesture`, as if the user had just clicked (what `permissions.request` needs).
   */
  evaluate<T>(urlPrefix: string, expression: string, options?: { userGesture?: boolean }): Promise<T>;
  /** Targets now open (for waiting on the devtools_page and the panel iframe). */
  targets(): Promise<TargetInfo[]>;
  /** Closes DevTools (its window target), as the user closing it does; waits until the devtools_page is gone. */
  close(): Promise<void>;
  detach(): Promise<void>;
}

async function targets(browser: CDPSession): Promise<TargetInfo[]> {
  return (await browser.send('Target.getTargets')).targetInfos;
}

async function waitForTarget(browser: CDPSession, match: (t: TargetInfo) => boolean, what: string, timeoutMs = 15_000): Promise<TargetInfo> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await targets(browser)).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${what} target within ${timeoutMs} ms`);
    // Targets appear asynchronously; poll the list (CDP's targetCreated would need discovery turned on).
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens DevTools for `page` and waits for the extension's devtools_page to run in it. */
export async function openDevTools(context: BrowserContext, page: Page, extensionId: string): Promise<OpenDevTools> {
  const browserContext = context.browser();
  if (!browserContext) throw new Error('no browser behind this context');
  const browser = await browserContext.newBrowserCDPSession();
  const pageTarget = await (await context.newCDPSession(page)).send('Target.getTargetInfo');
  await browser.send('Target.openDevTools' as never, { targetId: pageTarget.targetInfo.targetId } as never);
  await waitForTarget(browser, (t) => t.url.startsWith('devtools://devtools/'), 'DevTools window');
  await waitForTarget(browser, (t) => t.url.startsWith(`chrome-extension://${extensionId}/`) && t.url.includes('devtools'), 'devtools_page');

  const sessions = new Map<string, string>();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  browser.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown }; exceptionDetails?: { text?: string; exception?: { description?: string } } }; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter || message.id === undefined) return;
    pending.delete(message.id);
    const failure = message.error?.message ?? message.result?.exceptionDetails?.exception?.description ?? message.result?.exceptionDetails?.text;
    if (failure) waiter.reject(new Error(failure));
    else waiter.resolve(message.result?.result?.value);
  });
  const session = async (target: TargetInfo) => {
    let id = sessions.get(target.targetId);
    if (!id) {
      id = (await browser.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })).sessionId;
      sessions.set(target.targetId, id);
    }
    return id;
  };
  const evaluate = async <T>(urlPrefix: string, expression: string, options: { userGesture?: boolean } = {}): Promise<T> => {
    const target = await waitForTarget(browser, (t) => t.url.startsWith(urlPrefix), urlPrefix);
    const sessionId = await session(target);
    const id = nextId++;
    const result = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
    await browser.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true, userGesture: options.userGesture === true } }) });
    return (await result) as T;
  };
  return {
    evaluate,
    targets: () => targets(browser),
    showPanel: async () => {
      const panelId = `chrome-extension://${extensionId}${PANEL_TITLE}`;
      const isPanel = (t: TargetInfo) => t.url.startsWith(`chrome-extension://${extensionId}/src/panel/`);
      const deadline = Date.now() + 30_000;
      // DevTools ignores showPanel for a panel the devtools_page has not created yet (a loaded machine is slow to
      // run it): ask again until the panel's page exists.
      for (;;) {
        await evaluate('devtools://devtools/', `(async () => { const legacy = await import('./ui/legacy/legacy.js'); await legacy.InspectorView.InspectorView.instance().showPanel(${JSON.stringify(panelId)}); return true; })()`);
        try {
          await waitForTarget(browser, isPanel, 'Tokens panel', 2_000);
          return;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
      }
    },
    close: async () => {
      const window = await waitForTarget(browser, (t) => t.url.startsWith('devtools://devtools/'), 'DevTools window');
      await browser.send('Target.closeTarget', { targetId: window.targetId });
      const deadline = Date.now() + 15_000;
      while ((await targets(browser)).some((t) => t.url.startsWith(`chrome-extension://${extensionId}/`) && t.url.includes('devtools'))) {
        if (Date.now() > deadline) throw new Error('the devtools_page was still running 15 s after DevTools closed');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    detach: () => browser.detach().catch(() => undefined),
  };
}
