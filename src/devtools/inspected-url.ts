/** The address of the page DevTools inspects, for the worker's capture-health line and the panel's offers. */
import { callDevtools, type DevtoolsApi } from './devtools-api.js';

function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The first page of a `getHAR()` log: Chrome titles it with the page's URL. */
function harPageUrl(log: unknown): string | undefined {
  const value = (log as { log?: unknown } | null)?.log ?? log;
  const pages = (value as { pages?: unknown } | null)?.pages;
  return Array.isArray(pages) ? httpUrl((pages.at(-1) as { title?: unknown } | undefined)?.title) : undefined;
}

/**
 * The inspected page's URL when it is http(s): `location.href` evaluated in the page (`inspectedWindow.eval`,
 * with a callback in Chrome, a promise `[result, error]` in Firefox), else the last page of the network log.
 * Undefined when neither tells. Never rejects. Reads nothing else of the page.
 */
export async function inspectedUrl(api: DevtoolsApi): Promise<string | undefined> {
  const evaluate = api.inspectedWindow?.eval;
  if (typeof evaluate === 'function') {
    const [first] = await callDevtools(api.inspectedWindow, function (this: unknown, ...args: unknown[]) {
      return (evaluate as (...a: unknown[]) => unknown).call(this, 'location.href', ...args);
    });
    const url = httpUrl(Array.isArray(first) ? first[0] : first);
    if (url) return url;
  }
  const [log] = await callDevtools(api.network, api.network.getHAR);
  return harPageUrl(log);
}
