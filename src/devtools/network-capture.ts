/**
 * The devtools capture source: while DevTools is open on a tab, every finished request of that tab to a
 * configured domain (with its response body from `getContent`) goes to the worker, and so does what happened
 * before DevTools opened (`getHAR`). Runs in the devtools page, which lives as long as DevTools is open (the
 * panel page loads only when selected).
 */
import type { Observation } from '../core/capture/observation.js';
import { browser } from '../shared/browser.js';
import { TARGET_BROWSER } from '../shared/build-flags.js';
import { parseDomains, urlOnDomains, type Domain } from '../shared/domains.js';
import { PORT_DEVTOOLS } from '../shared/protocol.js';
import type { Settings } from '../shared/settings.js';
import { loadSettings, onSettingsChanged } from '../shared/settings-store.js';
import { callDevtools, devtoolsApi } from './devtools-api.js';
import { createObservationSender, type PortLike } from './devtools-port.js';
import { contentFromResult, harEntryToObservation } from './har-observation.js';

/** Entries kept while the settings load, at most. */
const MAX_WAITING = 500;

function urlOf(entry: unknown): string {
  const request = (entry as { request?: { url?: unknown } } | null)?.request;
  return typeof request?.url === 'string' ? request.url : '';
}

function entriesOf(log: unknown): unknown[] {
  // getHAR gives the log; some versions wrap it as { log }.
  const value = (log as { log?: unknown } | null)?.log ?? log;
  const entries = (value as { entries?: unknown } | null)?.entries;
  return Array.isArray(entries) ? entries : [];
}

/**
 * Starts the devtools capture for the inspected tab: loads the settings and follows their changes, listens to
 * `devtools.network.onRequestFinished`, takes `getHAR()` once the settings are known, and sends observations of
 * entries on the configured domains (while the devtools source is on) over a PORT_DEVTOOLS port that is reopened
 * after a worker restart. Call once from the devtools page. Does nothing outside a devtools page. Does not see
 * requests of other tabs, and in Firefox nothing before the user opened the Network panel once.
 */
export function startNetworkCapture(): void {
  const api = devtoolsApi();
  if (!api) return;
  const sender = createObservationSender(api.tabId, () => browser.runtime.connect({ name: PORT_DEVTOOLS }) as PortLike);
  const options = { paramsAsSent: TARGET_BROWSER === 'chrome' };
  let settings: Settings | undefined;
  let domains: Domain[] = [];
  const waiting: unknown[] = [];

  const apply = (next: Settings): void => {
    settings = next;
    domains = parseDomains(next.domains);
  };
  const convert = async (entry: unknown): Promise<Observation | undefined> => {
    const getContent = (entry as { getContent?: unknown } | null)?.getContent;
    const content = getContent === undefined ? undefined : contentFromResult(await callDevtools(entry, getContent));
    return harEntryToObservation(entry, content, { ...options, now: Date.now() });
  };
  const capture = async (entries: unknown[]): Promise<void> => {
    if (!settings?.sources.devtools) return;
    const wanted = entries.filter((entry) => urlOnDomains(urlOf(entry), domains));
    if (wanted.length === 0) return;
    const observations = (await Promise.all(wanted.map(convert))).filter((o): o is Observation => o !== undefined);
    sender.send(observations);
  };

  api.network.onRequestFinished.addListener((entry) => {
    if (settings) void capture([entry]);
    else if (waiting.length < MAX_WAITING) waiting.push(entry);
  });
  onSettingsChanged(apply);
  loadSettings().then(
    async (loaded) => {
      apply(loaded);
      const [log] = await callDevtools(api.network, api.network.getHAR);
      await capture([...entriesOf(log), ...waiting.splice(0)]);
    },
    () => undefined,
  );
}
