/**
 * The real {@link OptionsDeps}: storage through settings-store.ts, host permissions through
 * `browser.permissions`, the worker through `runtime.sendMessage`, and the build flags.
 */
import { browser } from '../shared/browser.js';
import { BUILD_DOMAINS, DEEP_CAPTURE, TARGET_BROWSER } from '../shared/build-flags.js';
import { formatDomain, parseDomains } from '../shared/domains.js';
import type { RuntimeRequest } from '../shared/protocol.js';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings-store.js';
import { isNoReceiverError } from './no-receiver.js';
import type { OptionsDeps } from './store/options-deps.js';

async function notifyWorker(): Promise<void> {
  const message: RuntimeRequest = { type: 'settings-changed' };
  try {
    await browser.runtime.sendMessage(message);
  } catch (error) {
    // The worker may be stopped between events; it reads the settings again when it starts.
    if (!isNoReceiverError(error)) throw error;
  }
}

function onPermissionsChanged(cb: () => void): () => void {
  const listener = (): void => cb();
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}

/** The options page's dependencies in the extension. Does not touch any API until a member is called. */
export function browserOptionsDeps(): OptionsDeps {
  return {
    loadSettings,
    saveSettings,
    onSettingsChanged,
    // No async wrapper: the call must reach the browser in the same task as the click.
    requestOrigins: (origins) => browser.permissions.request({ origins }),
    removeOrigins: (origins) => browser.permissions.remove({ origins }),
    hasOrigins: (origins) => browser.permissions.contains({ origins }),
    onPermissionsChanged,
    notifyWorker,
    builtInDomains: parseDomains(BUILD_DOMAINS).map(formatDomain),
    target: TARGET_BROWSER,
    deepCapture: DEEP_CAPTURE,
  };
}
