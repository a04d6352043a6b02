/**
 * The devtools capture source: while DevTools is open on a tab, every finished request of that tab to a
 * configured domain (with its response body from `getContent`), and whatever its host every request that matters
 * to a login analysis (entry-filter.ts), goes to the worker; so does what happened before DevTools opened
 * (`getHAR`). The worker also learns that DevTools is open on the tab, and its address. Runs in the devtools
 * page, which lives as long as DevTools is open (the panel page loads only when selected).
 */
import type { Observation } from '../core/capture/observation.js';
import { browser } from '../shared/browser.js';
import { TARGET_BROWSER } from '../shared/build-flags.js';
import { parseDomains, type Domain } from '../shared/domains.js';
import { PORT_DEVTOOLS } from '../shared/protocol.js';
import type { Settings } from '../shared/settings.js';
import { loadSettings, onSettingsChanged } from '../shared/settings-store.js';
import { callDevtools, devtoolsApi } from './devtools-api.js';
import { createObservationSender, type PortLike } from './devtools-port.js';
import { exchangeRelevance } from '../core/classify/relevance.js';
import { entryVerdict } from './entry-filter.js';
import { contentFromResult, harEntryToObservation } from './har-observation.js';
import { inspectedUrl } from './inspected-url.js';

/** Entries kept while the settings load, at most. */
const MAX_WAITING = 500;

function entriesOf(log: unknown): unknown[] {
  // getHAR gives the log; some versions wrap it as { log }.
  const value = (log as { log?: unknown } | null)?.log ?? log;
  const entries = (value as { entries?: unknown } | null)?.entries;
  return Array.isArray(entries) ? entries : [];
}

/**
 * Starts the devtools capture for the inspected tab: loads the settings and follows their changes, tells the
 * worker the tab's address (and every navigation), listens to `devtools.network.onRequestFinished`, takes
 * `getHAR()` once the settings are known, and sends the observations the entry filter keeps (while the devtools
 * source is on) over a PORT_DEVTOOLS port that is reopened after a worker restart. Call once from the devtools
 * page. Does nothing outside a devtools page. Does not see requests of other tabs, and in Firefox nothing before
 * the user opened the Network panel once.
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
  const keep = async (entry: unknown): Promise<Observation | undefined> => {
    const bare = harEntryToObservation(entry, undefined, { ...options, now: Date.now() });
    const verdict = entryVerdict(entry, bare, domains);
    if (verdict === 'drop') return undefined;
    const full = await convert(entry);
    if (verdict === 'send' || !full) return full;
    return exchangeRelevance(full) !== undefined ? full : undefined;
  };
  const capture = async (entries: unknown[]): Promise<void> => {
    if (!settings?.sources.devtools) return;
    const observations = (await Promise.all(entries.map(keep))).filter((o): o is Observation => o !== undefined);
    sender.send(observations);
  };

  api.network.onRequestFinished.addListener((entry) => {
    if (settings) void capture([entry]);
    else if (waiting.length < MAX_WAITING) waiting.push(entry);
  });
  api.network.onNavigated?.addListener((url) => {
    if (typeof url === 'string') sender.inspected(url);
  });
  void inspectedUrl(api).then((url) => {
    if (url) sender.inspected(url);
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
