/**
 * What the options page needs from the browser and the build, as one injectable object: the real one is
 * browser-deps.ts; tests pass fakes. Types only.
 */
import type { Settings } from '../../shared/settings.js';

/** Everything the options model asks of the browser and the build. */
export interface OptionsDeps {
  loadSettings(): Promise<Settings>;
  /** Normalises and stores the settings. */
  saveSettings(settings: Settings): Promise<void>;
  /** Subscribes to stored settings changes; returns the unsubscribe. */
  onSettingsChanged(cb: (settings: Settings) => void): () => void;
  /** `permissions.request` for host patterns. Must be called synchronously inside a user gesture. */
  requestOrigins(origins: string[]): Promise<boolean>;
  /** `permissions.remove` for host patterns. */
  removeOrigins(origins: string[]): Promise<boolean>;
  /** `permissions.contains` for host patterns. */
  hasOrigins(origins: string[]): Promise<boolean>;
  /** Calls `cb` when the extension's permissions change (granted or revoked elsewhere); returns the unsubscribe. */
  onPermissionsChanged(cb: () => void): () => void;
  /** Sends `{type:'settings-changed'}` to the worker; resolves when no worker listens. */
  notifyWorker(): Promise<void>;
  /** Domains baked in at build time, normalised: shown as built in, never removed. */
  builtInDomains: readonly string[];
  target: 'chrome' | 'firefox';
  deepCapture: boolean;
}
