import { browser } from '../shared/browser.js';
import type { RuntimeRequest, RuntimeResponses } from '../shared/protocol.js';

/**
 * Asks the worker to attach the debugger to a tab or detach it (deep-capture build only). Resolves to the
 * worker's answer, or `{ ok: false, error }` when the message could not be delivered. Does not ask the user:
 * the panel confirms first.
 */
export async function requestDeepCapture(tabId: number, on: boolean): Promise<RuntimeResponses['deep-capture']> {
  const message: RuntimeRequest = { type: 'deep-capture', tabId, on };
  try {
    const reply = (await browser.runtime.sendMessage(message)) as RuntimeResponses['deep-capture'] | undefined;
    return reply ?? { ok: false, error: 'The capture worker did not answer.' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
