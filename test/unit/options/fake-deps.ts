import { defaultSettings, normalizeSettings, type Settings } from '../../../src/shared/settings.js';
import type { OptionsDeps } from '../../../src/options/store/options-deps.js';

/** A recording, in-memory {@link OptionsDeps}; `grant` decides what permissions.request answers. */
export interface FakeOptionsDeps extends OptionsDeps {
  stored: Settings;
  granted: Set<string>;
  grant: boolean;
  requests: string[][];
  removals: string[][];
  notified: number;
  notifyError?: Error;
  saveError?: Error;
  /** Pending permission answers, resolved by `answer()` when `manual` is true. */
  manual: boolean;
  answer(): void;
}

/** Like the real store: normalised, with every built-in domain present. */
function normalized(value: unknown, builtIn: string[]): Settings {
  const s = normalizeSettings(value, defaultSettings(builtIn));
  return { ...s, domains: [...builtIn.filter((d) => !s.domains.includes(d)), ...s.domains] };
}

export function fakeOptionsDeps(initial: Partial<Settings> = {}, builtIn: string[] = []): FakeOptionsDeps {
  const listeners = new Set<(s: Settings) => void>();
  const pending: (() => void)[] = [];
  const deps: FakeOptionsDeps = {
    stored: normalized({ ...defaultSettings(builtIn), ...initial }, builtIn),
    granted: new Set(),
    grant: true,
    requests: [],
    removals: [],
    notified: 0,
    manual: false,
    answer: () => pending.splice(0).forEach((resolve) => resolve()),
    loadSettings: async () => structuredClone(deps.stored),
    saveSettings: async (s) => {
      if (deps.saveError) throw deps.saveError;
      deps.stored = normalized(structuredClone(s), builtIn);
      for (const l of listeners) l(structuredClone(deps.stored));
    },
    onSettingsChanged: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    requestOrigins: (origins) => {
      deps.requests.push(origins);
      const decide = (): boolean => {
        if (deps.grant) for (const o of origins) deps.granted.add(o);
        return deps.grant;
      };
      if (!deps.manual) return Promise.resolve(decide());
      return new Promise((resolve) => pending.push(() => resolve(decide())));
    },
    removeOrigins: async (origins) => {
      deps.removals.push(origins);
      for (const o of origins) deps.granted.delete(o);
      return true;
    },
    hasOrigins: async (origins) => origins.every((o) => deps.granted.has(o)),
    onPermissionsChanged: () => () => undefined,
    notifyWorker: async () => {
      deps.notified += 1;
      if (deps.notifyError) throw deps.notifyError;
    },
    builtInDomains: builtIn,
    target: 'chrome',
    deepCapture: false,
  };
  for (const d of builtIn) deps.granted.add(`*://${d}/*`);
  return deps;
}
