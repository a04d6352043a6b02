/** The address of the page DevTools inspects, for the worker's capture-health line and the panel's offers. */
import { httpUrl } from '../shared/domains.js';
import { callDevtools, type DevtoolsApi } from './devtools-api.js';

/**
 * The inspected page's URL when it is http(s): `location.href` evaluated in the page (`inspectedWindow.eval`,
 * with a callback in Chrome, a promise `[result, error]` in Firefox); undefined when that fails. Never rejects.
 * Reads nothing else of the page, and never the network log's page titles (a page chooses its own title).
 */
export async function inspectedUrl(api: DevtoolsApi): Promise<string | undefined> {
  const evaluate = api.inspectedWindow?.eval;
  if (typeof evaluate !== 'function') return undefined;
  const [first] = await callDevtools(api.inspectedWindow, function (this: unknown, ...args: unknown[]) {
    return (evaluate as (...a: unknown[]) => unknown).call(this, 'location.href', ...args);
  });
  return httpUrl(Array.isArray(first) ? first[0] : first)?.href;
}
