/**
 * The worker (Chrome's service worker, Firefox's background script): wires the capture sources, the store, the
 * analysis and the panel and devtools ports together. Every listener is registered synchronously at the top
 * level, so the event that woke a stopped worker reaches it; what arrives before the settings and the stored
 * captures are loaded waits for them (the recorder and the store queue).
 */
import { browser } from '../shared/browser.js';
import { BUILD_DOMAINS, DEEP_CAPTURE } from '../shared/build-flags.js';
import { parseDomains, type Domain } from '../shared/domains.js';
import { PORT_DEVTOOLS, PORT_PANEL, type CaptureStats } from '../shared/protocol.js';
import { loadSettings, onSettingsChanged } from '../shared/settings-store.js';
import { defaultSettings, type Settings } from '../shared/settings.js';
import { createAnalyzer } from './analysis.js';
import { syncPageHook } from './capture/content-scripts.js';
import { installDeepCapture } from './capture/debugger.js';
import { installFilterResponseCapture } from './capture/filter-response.js';
import { acceptPageObservations } from './capture/page-observations.js';
import { installWebRequestCapture } from './capture/web-request.js';
import { createFetchJson } from './fetch-json.js';
import { answerMessage, createHandlers, type Sender } from './handlers.js';
import { createJsonCache } from './json-cache.js';
import { devtoolsPort, panelPort, routePort } from './ports.js';
import { createRecorder } from './recorder.js';
import { createStore } from './store.js';
import { createSubscriptions } from './subscriptions.js';
import { createTabClosing } from './tab-closing.js';

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

const recorder = createRecorder({
  store,
  ready: settingsReady,
  settings: () => settings,
  domains: () => domains,
  onError: warn('storing a capture failed'),
});

installWebRequestCapture(recorder);
installFilterResponseCapture(recorder);
const deepCapture = DEEP_CAPTURE ? installDeepCapture(recorder) : undefined;

// Keys are fetched from the configured domains only: a page can forge a token's `iss`, not the user's settings.
const jsonCache = createJsonCache(createFetchJson({ domains: () => domains }));
const analyzer = createAnalyzer({
  snapshot: (tabId) => store.view(tabId),
  settings: () => settings,
  fetchJson: () => jsonCache.forRun(),
  onResult: (tabId) => subscriptions.analysed(tabId),
  onError: warn('analysis failed'),
});
const subscriptions = createSubscriptions({
  view: (tabId) => store.view(tabId),
  latest: (tabId) => analyzer.latest(tabId),
  analyse: (tabId) => analyzer.changed(tabId),
  unwatched: (tabId) => analyzer.forget(tabId),
  onError: warn('pushing to a panel failed'),
});
store.onChange((tabId) => subscriptions.changed(tabId));

const extensionOrigin = browser.runtime.getURL('');
browser.runtime.onConnect.addListener(routePort({ [PORT_PANEL]: panelPort(store, subscriptions), [PORT_DEVTOOLS]: devtoolsPort(recorder) }, extensionOrigin));

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
  analyzer.rerunAll();
}

async function reloadSettings(): Promise<void> {
  applySettings(await loadSettings());
}

const handlers = createHandlers({
  extensionOrigin,
  pageObservations: (tabId, payload) => acceptPageObservations(recorder, tabId, payload),
  hookDomains: async () => {
    await settingsReady;
    return [...settings.domains];
  },
  settingsChanged: reloadSettings,
  ...(deepCapture ? { deepCapture: (tabId: number, on: boolean) => (on ? deepCapture.attach(tabId) : deepCapture.detach(tabId)) } : {}),
  stats,
});
// Returning undefined leaves a message that is not ours to other listeners; a promise answers the sender.
browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => answerMessage(handlers, message, sender));

// "Preserve log" decides whether a closed tab is kept: closing waits for the settings.
const tabClosing = createTabClosing({ store, settingsReady, dropped: (tabId) => analyzer.forget(tabId), onError: warn('dropping a closed tab failed') });
browser.tabs.onRemoved.addListener((tabId) => void tabClosing.closed(tabId));

onSettingsChanged(applySettings);
// The hook can only be registered for hosts the extension has access to: access granted or given back after the
// settings were saved (the options page's "Grant access", the browser's own site-access menu) changes that set.
const resyncPageHook = (): void =>
  void settingsReady.then(() => syncPageHook(settings)).catch(warn('registering the page hook failed'));
browser.permissions.onAdded.addListener(resyncPageHook);
browser.permissions.onRemoved.addListener(resyncPageHook);
reloadSettings().catch((err: unknown) => {
  warn('loading the settings failed; using the defaults')(err);
  applySettings(defaultSettings(BUILD_DOMAINS));
});

// A tab whose close never reached the worker (it crashed, or was being restarted) would stay until the browser
// closes. Checked once the settings are known, as they may preserve every tab.
void tabClosing.sweep(browser.tabs.query({}).then((open) => open.map((t) => t.id)));
