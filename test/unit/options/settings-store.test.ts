import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../src/shared/settings.js';

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

const fake = vi.hoisted(() => {
  const state = {
    local: {} as Record<string, unknown>,
    sync: {} as Record<string, unknown>,
    listeners: new Set<Listener>(),
  };
  const area = (name: 'local' | 'sync') => ({
    get: async (key: string) => (key in state[name] ? { [key]: structuredClone(state[name][key]) } : {}),
    set: async (items: Record<string, unknown>) => {
      Object.assign(state[name], structuredClone(items));
    },
  });
  return {
    state,
    browser: {
      storage: {
        local: area('local'),
        sync: area('sync'),
        onChanged: {
          addListener: (l: Listener) => state.listeners.add(l),
          removeListener: (l: Listener) => state.listeners.delete(l),
        },
      },
    },
  };
});

vi.mock('../../../src/shared/browser.js', () => ({ browser: fake.browser }));
vi.mock('../../../src/shared/build-flags.js', () => ({
  TARGET_BROWSER: 'chrome',
  BUILD_DOMAINS: ['team.example.com'],
  DEEP_CAPTURE: false,
}));

const { loadSettings, onSettingsChanged, saveSettings, settingsFromStored, SETTINGS_KEY } = await import(
  '../../../src/shared/settings-store.js'
);

beforeEach(() => {
  fake.state.local = {};
  fake.state.sync = {};
  fake.state.listeners.clear();
});

describe('settingsFromStored', () => {
  it.each([undefined, null, 'garbage', 42, { domains: 'not a list' }])('gives the defaults with the build domains for %j', (stored) => {
    expect(settingsFromStored(stored, ['team.example.com'])).toEqual(defaultSettings(['team.example.com']));
  });

  it('puts back a build domain the stored settings lack, keeping the user\'s', () => {
    const s = settingsFromStored({ domains: ['idp.example.com'] }, ['Team.example.com']);
    expect(s.domains).toEqual(['team.example.com', 'idp.example.com']);
  });
});

describe('loadSettings and saveSettings', () => {
  it('loads the defaults (with the build domains) when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(defaultSettings(['team.example.com']));
  });

  it('stores normalised settings in storage.local under "settings", never in sync', async () => {
    const s = { ...defaultSettings(), domains: ['IDP.example.com', 'bad host'], skewSeconds: 999 };
    await saveSettings(s);
    expect(fake.state.sync).toEqual({});
    expect(fake.state.local[SETTINGS_KEY]).toMatchObject({
      domains: ['team.example.com', 'idp.example.com'],
      skewSeconds: 300,
    });
    expect((await loadSettings()).domains).toEqual(['team.example.com', 'idp.example.com']);
  });

  it('normalises hand-edited storage on load', async () => {
    fake.state.local[SETTINGS_KEY] = { skewSeconds: -5, fetchKeys: 'yes', sources: { webRequest: false } };
    const s = await loadSettings();
    expect(s.skewSeconds).toBe(0);
    expect(s.fetchKeys).toBe(false);
    expect(s.sources.webRequest).toBe(false);
  });
});

describe('onSettingsChanged', () => {
  const emit = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    for (const l of fake.state.listeners) l(changes, area);
  };

  it('calls back with normalised settings for the key in storage.local only, until unsubscribed', () => {
    const seen: unknown[] = [];
    const unsubscribe = onSettingsChanged((s) => seen.push(s.domains));
    emit({ [SETTINGS_KEY]: { newValue: { domains: ['A.example'] } } }, 'local');
    emit({ [SETTINGS_KEY]: { newValue: { domains: ['b.example'] } } }, 'sync');
    emit({ other: { newValue: 1 } }, 'local');
    emit({ [SETTINGS_KEY]: {} }, 'local');
    expect(seen).toEqual([['team.example.com', 'a.example'], ['team.example.com']]);
    unsubscribe();
    expect(fake.state.listeners.size).toBe(0);
    emit({ [SETTINGS_KEY]: { newValue: { domains: ['c.example'] } } }, 'local');
    expect(seen).toHaveLength(2);
  });
});
