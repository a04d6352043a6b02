/**
 * The capture-health line of a tab (issue 9 §4): for each capture source, whether it captures the tab now, and if
 * not why (switched off, no host access for the tab's host, DevTools closed, paused). Pure: the worker gathers
 * the inputs (settings, the tab's address, host access, open DevTools, pauses).
 */
import { formatDomain, httpUrl, parseDomains, urlOnDomains } from '../shared/domains.js';
import type { CaptureHealth, SourceHealth } from '../shared/protocol.js';
import type { Settings } from '../shared/settings.js';
import type { Pause } from './store/tab-meta.js';

/** What the health of a tab is computed from. */
export interface HealthInput {
  target: 'chrome' | 'firefox';
  settings: Settings;
  /** The tab's address, when known (the worker can read it only with host access; DevTools reports it). */
  tabUrl?: string;
  /** Whether the extension has host access to the tab's address; undefined when the address is unknown. */
  access?: boolean;
  devtoolsOpen: boolean;
  paused: boolean;
  pauses: readonly Pause[];
}

/**
 * The health of one tab. A source that runs on host access (webRequest, the page hook, Firefox's response
 * filter) is `no-access` when the tab's host is not configured, access to it is missing, or the host is unknown;
 * DevTools is `active` while open on the tab (it needs no host access) and `closed` otherwise; every source is
 * `paused` while the tab is paused and `off` when switched off in the settings. Does not check anything itself.
 */
export function captureHealth(input: HealthInput): CaptureHealth {
  const { settings } = input;
  const domains = parseDomains(settings.domains);
  const host = httpUrl(input.tabUrl)?.host;
  const configured = input.tabUrl !== undefined && urlOnDomains(input.tabUrl, domains);
  const open = input.paused ? input.pauses.at(-1) : undefined;
  const accessState = (): Omit<SourceHealth, 'source'> => {
    if (!host) return { state: 'no-access', detail: "no host access for this tab's site" };
    if (!configured) return { state: 'no-access', detail: `${host} is not a configured domain` };
    if (input.access === false) return { state: 'no-access', detail: `no host access for ${host}: grant it on the options page` };
    return { state: 'active', detail: `requests of ${host} and to the configured domains` };
  };
  const source = (name: SourceHealth['source'], on: boolean, state: () => Omit<SourceHealth, 'source'>): SourceHealth => {
    if (!on) return { source: name, state: 'off', detail: 'switched off on the options page' };
    if (input.paused) return { source: name, state: 'paused', detail: 'paused' };
    return { source: name, ...state() };
  };
  const sources: SourceHealth[] = [
    source('webRequest', settings.sources.webRequest, accessState),
    source('page-hook', settings.sources.pageHook, () => {
      const s = accessState();
      return s.state === 'active' ? { state: 'active', detail: `fetch and XHR bodies of pages on ${host ?? 'configured domains'}` } : s;
    }),
    source('devtools', settings.sources.devtools, () =>
      input.devtoolsOpen ? { state: 'active', detail: 'DevTools is open: every login request of this tab, any host' } : { state: 'closed', detail: 'DevTools is not open on this tab' },
    ),
  ];
  if (input.target === 'firefox') {
    sources.push(source('filterResponseData', settings.sources.filterResponseData, () => {
      const s = accessState();
      return s.state === 'active' ? { state: 'active', detail: 'response bodies of configured domains' } : s;
    }));
  }
  const health: CaptureHealth = { configured, domains: domains.map(formatDomain), devtoolsOpen: input.devtoolsOpen, sources, droppedWhilePaused: open?.dropped ?? 0 };
  if (host) health.host = host;
  if (open && open.to === undefined) health.pausedAt = open.from;
  return health;
}
