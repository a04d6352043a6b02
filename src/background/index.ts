/**
 * The worker (Chrome's service worker, Firefox's background script): wires the capture sources, the store, the
 * analysis and the panel and devtools ports together. Every listener is registered synchronously at the top
 * level, so the event that woke a stopped worker reaches it; what arrives before the settings and the stored
 * captures are loaded waits for them (the recorder and the store queue).
 */
import { browser } from '../shared/browser.js';
import { BUILD_DOMAINS, DEEP_CAPTURE, TARGET_BROWSER } from '../shared/build-flags.js';
import { originPattern, parseDomains, type Domain } from '../shared/domains.js';
import { PORT_DEVTOOLS, PORT_PANEL, type CaptureHealth, type CaptureStats } from '../shared/protocol.js';
import { loadSettings, onSettingsChanged } from '../shared/settings-store.js';
import { defaultSettings, type Settings } from '../shared/settings.js';
import { createAnalyzer } from './analysis.js';
import { captureHealth } from './capture-health.js';
import { syncPageHook } from './capture/content-scripts.js';
import { installDeepCapture } from './capture/debugger.js';
import { installFilterResponseCapture } from './capture/filter-response.js';
import { acceptPageObservations } from './capture/page-observations.js';
import { reinstallOnHostGrant } from './capture/reinstall-on-grant.js';
import { installWebRequestCapture } from './capture/web-request.js';
import { createDevtoolsPresence } from './devtools-presence.js';
import { createDomainHistory } from './domain-history.js';
import { createFetchJson } from './fetch-json.js';
import { answerMessage, createHandlers, type Sender } from './handlers.js';
import { createJsonCache } from './json-cache.js';
import { devtoolsPort, panelPort, routePort } from './ports.js';
import { createRecorder } from './recorder.js';
import { createStore, type TabView } from './store.js';
import { createSubscriptions } from './subscriptions.js';
import { createTabClosing } from './tab-closing.js';
import { createTabLinks } from './tab-links.js';

const workerStartedAt = Date.now();
const warn = (what: string) => (err: unknown) => console.warn(`Token Inspector: ${what}:`, err);

// Settings: the defaults (with the build's domains) until storage answers; no domains until then, so capture
// sources hold their events back (settings-gate.ts) instead of judging them against the wrong list.
let settings: Settings = defaultSettings(BUILD_DOMAINS);
let domains: readonly Domain[] = [];
let markSettingsLoaded: () => void = () => undefined;
const settingsReady = new Promise<void>((resolve) => (markSettingsLoaded = resolve));

const session = browser.storage.session;
const store = createStore({
  area: session,
  quotaBytes: (session as { QUOTA_BYTES?: unknown }).QUOTA_BYTES,
  preserveLog: () => settings.preserveLog,
});

// Login popups (MSAL's and auth0's loginPopup) are linked to the tab that opened them: see tab-links.ts.
const tabLinks = createTabLinks({
  describe: async (tabId) => {
    const tab = await browser.tabs.get(tabId);
    const win = await browser.windows.get(tab.windowId ?? -1);
    return { ...(tab.openerTabId === undefined ? {} : { openerTabId: tab.openerTabId }), popup: win.type === 'popup' };
  },
});

const recorder = createRecorder({
  store,
  ready: settingsReady,
  settings: () => settings,
  domains: () => domains,
  onError: warn('storing a capture failed'),
  linkedTab: (tabId) => tabLinks.linkedTab(tabId),
});

const webRequestCapture = installWebRequestCapture(recorder);
installFilterResponseCapture(recorder);
const deepCapture = DEEP_CAPTURE ? installDeepCapture(recorder) : undefined;

// Keys are fetched from the configured domains only: a page can forge a token's `iss`, not the user's settings.
const jsonCache = createJsonCache(createFetchJson({ domains: () => domains }));
const domainHistory = createDomainHistory(session);
const analyzer = createAnalyzer({
  snapshot: (tabId) => store.view(tabId),
  domainSince: () => domainHistory.since(),
  settings: () => settings,
  fetchJson: () => jsonCache.forRun(),
  onResult: (tabId) => subscriptions.analysed(tabId),
  onError: warn('analysis failed'),
});
// When DevTools is open on a tab is kept with the tab: the analysis asks it of a capture that lacks a step.
const presence = createDevtoolsPresence((tabId) => {
  store.setDevtools(tabId, presence.isOpen(tabId)).catch(warn('recording DevTools on a tab failed'));
  subscriptions.refresh(tabId);
});

/** The tab's address: as its devtools page reported it, else as the browser tells (only with host access). */
async function tabUrl(tabId: number): Promise<string | undefined> {
  return presence.urlOf(tabId) ?? (await browser.tabs.get(tabId).catch(() => undefined))?.url;
}

async function health(tabId: number, view: TabView): Promise<CaptureHealth> {
  await settingsReady;
  const url = await tabUrl(tabId);
  const pattern = url ? originPattern(url) : undefined;
  const access = pattern ? await browser.permissions.contains({ origins: [pattern] }).catch(() => false) : undefined;
  return captureHealth({
    target: TARGET_BROWSER,
    settings,
    ...(url === undefined ? {} : { tabUrl: url }),
    ...(access === undefined ? {} : { access }),
    devtoolsOpen: presence.isOpen(tabId),
    paused: view.paused,
    pauses: view.pauses,
  });
}

const subscriptions = createSubscriptions({
  view: (tabId) => store.view(tabId),
  latest: (tabId) => analyzer.latest(tabId),
  analyse: (tabId) => analyzer.changed(tabId),
  unwatched: (tabId) => analyzer.forget(tabId),
  health,
  onError: warn('pushing to a panel failed'),
});
store.onChange((tabId) => subscriptions.changed(tabId));

const extensionOrigin = browser.runtime.getURL('');
browser.runtime.onConnect.addListener(routePort({ [PORT_PANEL]: panelPort(store, subscriptions), [PORT_DEVTOOLS]: devtoolsPort(recorder, presence) }, extensionOrigin));

async function stats(): Promise<CaptureStats> {
  const totals = await store.totals();
  const { callbacks, ignored } = recorder.counters();
  return { callbacks, ignored, ...totals, workerStartedAt };
}

function applySettings(next: Settings): void {
  settings = next;
  domains = parseDomains(next.domains);
  markSettingsLoaded();
  syncPageHook(next).catch(warn('registering the page hook failed'));
  jsonCache.clear();
  // The analyses run again once the history knows since when a new domain is configured.
  void domainHistory
    .update(next.domains)
    .catch(warn('recording the configured domains failed'))
    .then(() => analyzer.rerunAll());
  subscriptions.refreshAll();
}

async function reloadSettings(): Promise<void> {
  applySettings(await loadSettings());
}

const handlers = createHandlers({
  extensionOrigin,
  pageObservations: (tabId, payload) => acceptPageObservations(recorder, tabId, payload),
  hookCapture: async () => {
    await settingsReady;
    return settings.sources.pageHook && domains.length > 0;
  },
  settingsChanged: reloadSettings,
  ...(deepCapture ? { deepCapture: (tabId: number, on: boolean) => (on ? deepCapture.attach(tabId) : deepCapture.detach(tabId)) } : {}),
  stats,
});
// Returning undefined leaves a message that is not ours to other listeners; a promise answers the sender.
browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => answerMessage(handlers, message, sender));

// "Preserve log" decides whether a closed tab is kept: closing waits for the settings.
const tabClosing = createTabClosing({ store, settingsReady, dropped: (tabId) => analyzer.forget(tabId), onError: warn('dropping a closed tab failed') });
browser.tabs.onRemoved.addListener((tabId) => {
  // A popup closes right after its last redirect: its captures still queued need the link.
  void recorder.idle().then(() => tabLinks.forget(tabId));
  void tabClosing.closed(tabId);
});
// Learnt while the popup is young: the browser forgets the opener once either tab is gone.
browser.tabs.onCreated.addListener((tab) => {
  if (tab.id !== undefined && tab.openerTabId !== undefined) void tabLinks.linkedTab(tab.id);
});

onSettingsChanged(applySettings);
// The hook can only be registered for hosts the extension has access to: access granted or given back after the
// settings were saved (the options page's "Grant access", the browser's own site-access menu) changes that set.
const resyncPageHook = (): void =>
  void settingsReady.then(() => syncPageHook(settings)).catch(warn('registering the page hook failed'));
browser.permissions.onAdded.addListener(resyncPageHook);
browser.permissions.onRemoved.addListener(resyncPageHook);
// Host access shows in the panels' capture-health line.
browser.permissions.onAdded.addListener(() => subscriptions.refreshAll());
browser.permissions.onRemoved.addListener(() => subscriptions.refreshAll());
// Chromium drops webRequest listeners added while no host was granted (a fresh default install): add them again.
reinstallOnHostGrant(browser.permissions.onAdded, [webRequestCapture], warn('re-adding the webRequest listeners failed'));
reloadSettings().catch((err: unknown) => {
  warn('loading the settings failed; using the defaults')(err);
  applySettings(defaultSettings(BUILD_DOMAINS));
});

// A tab whose close never reached the worker (it crashed, or was being restarted) would stay until the browser
// closes. Checked once the settings are known, as they may preserve every tab.
void tabClosing.sweep(browser.tabs.query({}).then((open) => open.map((t) => t.id)));
