/**
 * The `devtools.network` and `devtools.inspectedWindow` calls the devtools page makes, the same in Chrome and
 * Firefox. Chrome's devtools API takes callbacks (its `getContent` callback gets `(content, encoding)`), Firefox
 * returns promises (`[content, mimeType]`), and webextension-polyfill's wrapper refuses callbacks: the raw
 * `chrome.devtools` object (which Firefox also provides) is used with a callback, and a returned promise is taken
 * too. The results are normalised by har-observation.ts.
 */
import { browser } from '../shared/browser.js';

/** A function of the devtools API in any of its forms: callback, promise, or both. */
type AnyCall = (...args: unknown[]) => unknown;

/** The part of `devtools.network` used here. */
export interface DevtoolsNetwork {
  onRequestFinished: { addListener(cb: (entry: unknown) => void): void };
  /** The inspected page navigated, to this URL. */
  onNavigated?: { addListener(cb: (url: unknown) => void): void };
  getHAR: AnyCall;
}

/** The part of `devtools.inspectedWindow` used here. */
export interface InspectedWindow {
  eval?: AnyCall;
}

/** The inspected tab and its network log. */
export interface DevtoolsApi {
  tabId: number;
  network: DevtoolsNetwork;
  inspectedWindow?: InspectedWindow;
}

/** How long a devtools call may take before its result is given up (a request whose content never comes). */
const CALL_TIMEOUT_MS = 10_000;

/** The devtools API of this page, or undefined outside a devtools page. */
export function devtoolsApi(): DevtoolsApi | undefined {
  const raw = (globalThis as { chrome?: { devtools?: { network?: unknown; inspectedWindow?: { tabId?: unknown } } } })
    .chrome?.devtools;
  const devtools = raw?.network ? raw : (browser.devtools as unknown as typeof raw);
  const tabId = devtools?.inspectedWindow?.tabId;
  if (!devtools?.network || typeof tabId !== 'number') return undefined;
  return { tabId, network: devtools.network as DevtoolsNetwork, inspectedWindow: devtools.inspectedWindow as InspectedWindow };
}

/**
 * Calls `fn` on `target` with a callback, or without one where the API refuses it, and resolves with the
 * callback's arguments or `[value]` of a returned promise, whichever comes first; `[]` on failure or after
 * 10 s. Never rejects.
 */
export function callDevtools(target: unknown, fn: unknown): Promise<unknown[]> {
  return new Promise((resolve) => {
    if (typeof fn !== 'function') {
      resolve([]);
      return;
    }
    let settled = false;
    const done = (args: unknown[]): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(args);
    };
    const timer = setTimeout(() => done([]), CALL_TIMEOUT_MS);
    let result: unknown;
    try {
      result = (fn as AnyCall).call(target, (...args: unknown[]) => done(args));
    } catch {
      try {
        result = (fn as AnyCall).call(target);
      } catch {
        done([]);
        return;
      }
    }
    if (typeof (result as { then?: unknown } | undefined)?.then === 'function') {
      (result as Promise<unknown>).then(
        (value) => done([value]),
        () => done([]),
      );
    }
  });
}
