import { render } from 'preact';
import { browser } from '../shared/browser.js';
import { DEEP_CAPTURE } from '../shared/build-flags.js';
import type { RuntimeRequest } from '../shared/protocol.js';
import { loadSettings, saveSettings } from '../shared/settings-store.js';
import { App } from './App.js';
import { captureHost } from './capture-host.js';
import { connectPanel } from './connection.js';
import { requestDeepCapture } from './deep-capture.js';
import { downloadText } from './export/download.js';
import { inspectedTabId } from './inspected-tab.js';
import { openPanelPort } from './panel-port.js';
import { resolveTabId } from './tab-id.js';
import { chooseTheme, followTheme } from './theme.js';
import './panel.css';

function devtoolsThemeName(): unknown {
  try {
    return browser.devtools?.panels?.themeName;
  } catch {
    return undefined;
  }
}

async function offlineOptions() {
  const settings = await loadSettings().catch(() => undefined);
  return { skew: settings?.skewSeconds ?? 60, clientIds: settings ? Object.values(settings.clientIds).flat() : [] };
}

followTheme(document.documentElement, chooseTheme(location.search, devtoolsThemeName()), (q) => matchMedia(q));
const root = document.getElementById('app');
const tabId = resolveTabId(location.search, inspectedTabId());
const connection = tabId === undefined ? undefined : connectPanel({ tabId, connect: openPanelPort });
// Inside DevTools the panel can open itself for the tab in a window of its own (panel.html?tab=).
const popOut =
  tabId !== undefined && inspectedTabId() !== undefined
    ? () => void browser.windows.create({ url: browser.runtime.getURL(`src/panel/panel.html?tab=${tabId}`), type: 'popup', width: 1100, height: 800 })
    : undefined;
const deepCapture = DEEP_CAPTURE && tabId !== undefined ? (on: boolean) => requestDeepCapture(tabId, on) : undefined;
const settingsChanged: RuntimeRequest = { type: 'settings-changed' };
// No async wrapper around permissions.request: the browser shows its prompt only inside the click.
const captureHostAction = (host: string) =>
  captureHost(host, {
    request: (origins) => browser.permissions.request({ origins }),
    load: loadSettings,
    save: saveSettings,
    notify: () => browser.runtime.sendMessage(settingsChanged),
  });
const openOptions = (host: string | undefined) =>
  void browser.tabs.create({ url: browser.runtime.getURL(`src/options/options.html${host ? `?host=${encodeURIComponent(host)}` : ''}`) });
if (root) {
  render(
    <App
      connection={connection}
      tabId={tabId}
      deepCapture={deepCapture}
      popOut={popOut}
      offlineOptions={offlineOptions}
      download={downloadText}
      copy={(text) => navigator.clipboard.writeText(text)}
      captureHost={captureHostAction}
      openOptions={openOptions}
    />,
    root,
  );
}
addEventListener('pagehide', () => connection?.close());
