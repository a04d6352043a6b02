/**
 * One-off runtime messages to the worker (src/shared/protocol.ts `RuntimeRequest`), handled through a record of
 * handlers by message type. The handlers get what they need injected, so answering stays testable without a
 * browser.
 */
import { RULE_IDS } from '../core/rules/catalogue.js';
import type { CaptureStats, RuntimeRequest, RuntimeResponses } from '../shared/protocol.js';
import { fromExtensionPage } from './ports.js';

/** Who sent a message: the parts of `Runtime.MessageSender` the handlers look at. */
export interface Sender {
  url?: string;
  tab?: { id?: number };
}

/** What the handlers need from the worker. */
export interface HandlerDeps {
  /** The extension's origin (`runtime.getURL('')`): messages that change capture must come from its pages. */
  extensionOrigin: string;
  /** Takes the page hook's observations for a tab (the page is not told what was kept). */
  pageObservations(tabId: number, payload: unknown): unknown;
  /** Whether page hooks capture at all (the source is on and a domain is configured), once the settings are loaded. */
  hookCapture(): Promise<boolean>;
  /** Reads the settings again and applies them. */
  settingsChanged(): Promise<void>;
  /** Attaches or detaches deep capture; absent when the build has none. */
  deepCapture?: (tabId: number, on: boolean) => Promise<void>;
  stats(): Promise<CaptureStats>;
}

type Answer<T extends RuntimeRequest['type']> = RuntimeResponses[T] | Promise<RuntimeResponses[T]>;

/** A handler per message type; `message` is only known to have that `type` (other members are unchecked). */
export type RuntimeHandlers = { [T in RuntimeRequest['type']]: (message: Record<string, unknown>, sender: Sender) => Answer<T> };

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Throws unless `sender` is one of the extension's pages: content scripts share the page's process. */
function extensionPageOnly(sender: Sender, extensionOrigin: string, what: string): void {
  if (!fromExtensionPage(sender, extensionOrigin)) throw new Error(`only the extension pages may ${what}`);
}

/**
 * The worker's handlers over `deps`. What a content script may ask (`hook-config`, `page-observations`, `ping`)
 * is answered without anything about the configuration or the captures; the rest is for extension pages only.
 */
export function createHandlers(deps: HandlerDeps): RuntimeHandlers {
  return {
    ping: () => ({ type: 'pong', rules: RULE_IDS.length }),
    // The tab is the sender's, never one the message names: a page can only report its own traffic. The answer is
    // the same whatever was kept: a content script runs in the page's process, and so does a page that took it over.
    'page-observations': (message, sender) => {
      const tabId = sender.tab?.id;
      if (typeof tabId === 'number' && !fromExtensionPage(sender, deps.extensionOrigin)) deps.pageObservations(tabId, message['observations']);
      return { ok: true };
    },
    // Issue 10 §3: never the domain list, which the relay does not need (the worker filters what it sends).
    'hook-config': async () => ({ capture: await deps.hookCapture() }),
    'settings-changed': async (_message, sender) => {
      extensionPageOnly(sender, deps.extensionOrigin, 'reload the settings');
      await deps.settingsChanged();
      return { ok: true };
    },
    'deep-capture': async (message, sender) => {
      const { tabId, on } = message;
      if (!fromExtensionPage(sender, deps.extensionOrigin)) return { ok: false, error: 'only the extension pages may switch deep capture' };
      if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0 || typeof on !== 'boolean') return { ok: false, error: 'bad request' };
      if (!deps.deepCapture) return { ok: false, error: 'this build has no deep capture' };
      try {
        await deps.deepCapture(tabId, on);
        return { ok: true };
      } catch (err) {
        return { ok: false, error: errorText(err) };
      }
    },
    stats: (_message, sender) => {
      extensionPageOnly(sender, deps.extensionOrigin, 'read the capture stats');
      return deps.stats();
    },
  };
}

/**
 * The answer to a one-off runtime message, or `undefined` when the message is not ours (not an object, no string
 * `type`, or a type without handler), so another listener may answer it. Does not throw for any message: a
 * handler that throws or rejects gives a rejected promise, which the sender sees as an error.
 */
export function answerMessage(handlers: RuntimeHandlers, message: unknown, sender: Sender = {}): Promise<unknown> | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const type: unknown = (message as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
  const handler = handlers[type as RuntimeRequest['type']] as (m: Record<string, unknown>, s: Sender) => unknown;
  try {
    return Promise.resolve(handler(message as Record<string, unknown>, sender));
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}
