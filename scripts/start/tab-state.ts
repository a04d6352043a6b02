/**
 * Reads what the extension captured for one tab the way the panel does: from an extension page, a port named
 * {@link PORT_PANEL}, `subscribe`, and the first `state` push for that tab (the worker answers a subscribe with
 * the current state). Returns the exchanges and the worker's analysis as plain JSON. Does not wait for more
 * captures: call it once the panel shows what you wait for.
 */
import type { Page } from '@playwright/test';
import { PORT_PANEL, type PanelPush, type TabState } from '../../src/shared/protocol.js';
import type { ExtensionGlobal } from '../../test/e2e/support/extension.js';

/** Subscribes from `extensionPage` (any page of the extension) and resolves with the state of `tabId`. */
export async function readTabState(extensionPage: Page, tabId: number, timeoutMs = 10_000): Promise<TabState> {
  return extensionPage.evaluate(
    ({ portName, tabId, timeoutMs }) =>
      new Promise<TabState>((resolve, reject) => {
        const port = (globalThis as ExtensionGlobal).chrome.runtime.connect({ name: portName });
        const timer = setTimeout(() => {
          port.disconnect();
          reject(new Error(`the worker sent no state for tab ${tabId} within ${timeoutMs} ms`));
        }, timeoutMs);
        port.onMessage.addListener((message: unknown) => {
          const push = message as PanelPush;
          if (push.type === 'error') {
            clearTimeout(timer);
            port.disconnect();
            reject(new Error(`the worker refused: ${push.code} ${push.message}`));
          }
          if (push.type !== 'state' || push.state.tabId !== tabId) return;
          clearTimeout(timer);
          port.disconnect();
          resolve(push.state);
        });
        port.postMessage({ type: 'subscribe', tabId });
      }),
    { portName: PORT_PANEL, tabId, timeoutMs },
  );
}
