/**
 * Reading and writing the user's settings in `storage.local` under one key. Settings are configuration, not
 * captured data: they live in `storage.local` (kept on this machine), never in `storage.sync`. The shape,
 * defaults and normalisation are settings.ts; this file only adds storage and the build-time domains.
 */
import { browser } from './browser.js';
import { BUILD_DOMAINS } from './build-flags.js';
import { formatDomain, parseDomains } from './domains.js';
import { defaultSettings, normalizeSettings, type Settings } from './settings.js';

/** The `storage.local` key that holds the settings object. */
export const SETTINGS_KEY = 'settings';

/**
 * Valid settings from a stored value, with every domain baked in at build time present (a team's build must
 * capture its domains even when the user saved settings before, or removed them by hand in storage). Pure.
 * Does not drop domains the user added.
 */
export function settingsFromStored(stored: unknown, buildDomains: readonly string[]): Settings {
  const settings = normalizeSettings(stored, defaultSettings(buildDomains));
  const builtIn = parseDomains(buildDomains).map(formatDomain);
  const missing = builtIn.filter((domain) => !settings.domains.includes(domain));
  return missing.length === 0 ? settings : { ...settings, domains: [...missing, ...settings.domains] };
}

/** The settings from `storage.local`, normalised; the defaults when nothing valid is stored. Never rejects on bad data. */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return settingsFromStored(stored[SETTINGS_KEY], BUILD_DOMAINS);
}

/**
 * Normalises and stores the settings, replacing what was stored. Does not tell the worker: the caller sends
 * `{type:'settings-changed'}` (or the worker listens to {@link onSettingsChanged}).
 */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settingsFromStored(settings, BUILD_DOMAINS) });
}

/**
 * Calls `cb` with the new, normalised settings whenever the stored settings change (in any extension page or the
 * worker). Returns a function that removes the listener. Does not call `cb` for the current value.
 */
export function onSettingsChanged(cb: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string): void => {
    const change = changes[SETTINGS_KEY];
    if (areaName !== 'local' || change === undefined) return;
    cb(settingsFromStored(change.newValue, BUILD_DOMAINS));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
