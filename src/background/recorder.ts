/**
 * The worker's {@link CaptureContext}: where every capture source hands what it saw. It waits until the settings
 * and the store are loaded (events that woke the worker must not be lost), checks the configured domains and
 * source switches once more, and passes the rest to the store in arrival order.
 */
import type { Observation } from '../core/capture/observation.js';
import { exchangeRelevance } from '../core/classify/relevance.js';
import type { CaptureSource } from '../core/model.js';
import { urlOnDomains, type Domain } from '../shared/domains.js';
import type { CaptureSourceSetting, Settings } from '../shared/settings.js';
import type { CaptureContext } from './capture/context.js';
import type { Store } from './store.js';

/** The settings switch of each capture source. The debugger has none here: the user attaches it per tab. */
const SWITCH: Partial<Record<CaptureSource, CaptureSourceSetting>> = {
  webRequest: 'webRequest',
  'page-hook': 'pageHook',
  devtools: 'devtools',
  filterResponseData: 'filterResponseData',
};

/** Where the recorder sends observations, and what it checks them against. */
export interface RecorderDeps {
  store: Pick<Store, 'record'>;
  /** Resolves once the settings are loaded (the store waits for itself). */
  ready: Promise<void>;
  settings(): Settings;
  domains(): readonly Domain[];
  /** Reports a failed store write; the recorder carries on. */
  onError?(err: unknown): void;
  /**
   * The tab whose panel should also get this tab's captures: the opener of a login popup (see tab-links.ts).
   * Undefined for an ordinary tab. Absent: no tab is linked.
   */
  linkedTab?(tabId: number): Promise<number | undefined>;
}

/** The context plus what the stats message reports. */
export interface Recorder extends CaptureContext {
  /** Capture callbacks per source, and observations dropped for their domain or a switched-off source. */
  counters(): { callbacks: Record<string, number>; ignored: number };
  /** Resolves once everything recorded so far has reached the store. */
  idle(): Promise<void>;
}

/**
 * Whether an observation may be stored under the current settings: its source is on, and its URL configured, or
 * (DevTools only) it matters to a login analysis whatever its host: the user opened DevTools on that tab, and
 * the DevTools network API needs no host access. Keeping only relevant requests of other hosts bounds memory by
 * the login traffic.
 */
export function wanted(obs: Observation, settings: Settings, domains: readonly Domain[]): boolean {
  const setting = SWITCH[obs.source];
  if (setting !== undefined && !settings.sources[setting]) return false;
  if (urlOnDomains(obs.url, domains)) return true;
  return obs.source === 'devtools' && exchangeRelevance(obs) !== undefined;
}

/**
 * A recorder over `deps`. `record` never throws and returns at once; a tab id that is not a non-negative
 * integer, or a list that is not an array, is ignored. What is kept goes to the tab, and what of it matters to a
 * login analysis also to the tab it is linked to (a popup's opener) when `linkedTab` names one. Does not validate the observations' shape (sources build
 * them; untrusted ones are sanitised before they get here) and does not merge (the store does).
 */
export function createRecorder(deps: RecorderDeps): Recorder {
  const callbacks = new Map<string, number>();
  let ignored = 0;
  let queue: Promise<void> = deps.ready.catch(() => undefined);

  return {
    record(tabId, observations) {
      if (!Number.isSafeInteger(tabId) || tabId < 0 || !Array.isArray(observations) || observations.length === 0) return;
      const batch = [...observations];
      queue = queue
        .then(async () => {
          const settings = deps.settings();
          const domains = deps.domains();
          const kept = batch.filter((obs) => wanted(obs, settings, domains));
          ignored += batch.length - kept.length;
          if (kept.length === 0) return;
          // Not awaited: the store keeps the order itself, and a slow write must not hold back the next check.
          deps.store.record(tabId, kept).catch((err: unknown) => deps.onError?.(err));
          // A login popup's captures go to its opener as well, so the login is one flow in the opener's panel and
          // stays there when the popup closes.
          const opener = await deps.linkedTab?.(tabId).catch(() => undefined);
          if (opener === undefined || opener === tabId) return;
          // Only the login traffic: a popup that is no login popup (a payment, a help page) adds nothing else.
          const login = kept.filter((obs) => exchangeRelevance(obs) !== undefined);
          if (login.length > 0) deps.store.record(opener, login).catch((err: unknown) => deps.onError?.(err));
        })
        .catch((err: unknown) => deps.onError?.(err));
    },
    domains: () => deps.domains(),
    settings: () => deps.settings(),
    count(source) {
      callbacks.set(source, (callbacks.get(source) ?? 0) + 1);
    },
    counters: () => ({ callbacks: Object.fromEntries(callbacks), ignored }),
    idle: () => queue,
  };
}
