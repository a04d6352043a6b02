import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeOptions, createAnalyzer, type AnalyzerDeps, type TabAnalysis } from '../../../src/background/analysis.js';
import type { AnalysisResult, AnalyzeInput, AnalyzeOptions, FetchJson } from '../../../src/core/index.js';
import type { Exchange } from '../../../src/core/model.js';
import { defaultSettings, type Settings } from '../../../src/shared/settings.js';
import { exchange } from '../classify/exchange-builder.js';

const NOW_MS = 1_700_000_000_500;
const fetchJson: FetchJson = () => Promise.reject(new Error('no network in tests'));

describe('analyzeOptions', () => {
  it.each<[string, Partial<Settings>, Partial<AnalyzeOptions>]>([
    ['the defaults', {}, { now: 1_700_000_000, skew: 60, clientIds: [] }],
    ['a skew', { skewSeconds: 5 }, { skew: 5 }],
    ['client ids of several issuers, flattened and deduplicated', { clientIds: { 'https://a': ['x', 'y'], 'https://b': ['y', 'z'] } }, { clientIds: ['x', 'y', 'z'] }],
  ])('%s', (_name, settings, expected) => {
    const options = analyzeOptions({ ...defaultSettings(), ...settings }, NOW_MS, fetchJson);
    expect(options).toMatchObject(expected);
    expect(options.fetchJson).toBeUndefined();
  });

  it('issue 9: tells the engine what the capture could see: the configured domains and the pauses', () => {
    const options = analyzeOptions({ ...defaultSettings(), domains: ['idp.example', 'app.example'] }, NOW_MS, fetchJson, { domainSince: { 'app.example': 5 }, pauses: [{ from: 1, to: 2, dropped: 3 }], devtools: [{ from: 4 }] });
    expect(options.capture).toEqual({ domains: ['idp.example', 'app.example'], domainSince: { 'app.example': 5 }, pauses: [{ from: 1, to: 2, dropped: 3 }], devtools: [{ from: 4 }] });
  });

  it('passes fetchJson only when key fetching is on', () => {
    expect(analyzeOptions({ ...defaultSettings(), fetchKeys: true }, NOW_MS, fetchJson).fetchJson).toBe(fetchJson);
  });
});

describe('createAnalyzer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW_MS });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Waits until the analyzer is idle, letting fake timers run. */
  async function settle(analyzer: { idle(): Promise<void> }): Promise<void> {
    const idle = analyzer.idle();
    await vi.runAllTimersAsync();
    await idle;
  }

  function setup(overrides: Partial<AnalyzerDeps> = {}) {
    const tabs = new Map<number, { exchanges: Exchange[]; version: number }>();
    const results: [number, TabAnalysis][] = [];
    const inputs: [AnalyzeInput, AnalyzeOptions][] = [];
    const errors: unknown[] = [];
    let settings = defaultSettings();
    const analyzer = createAnalyzer({
      snapshot: async (tabId) => tabs.get(tabId) ?? { exchanges: [], version: 0 },
      settings: () => settings,
      fetchJson: () => fetchJson,
      onResult: (tabId, result) => results.push([tabId, result]),
      onError: (_tabId, err) => errors.push(err),
      analyze: async (input, options) => {
        inputs.push([input, options]);
        return { artifacts: [], flows: [], timelines: [], findings: [], now: options.now, unreadable: [], problems: [] } as AnalysisResult;
      },
      ...overrides,
    });
    return { analyzer, tabs, results, inputs, errors, setSettings: (s: Settings) => (settings = s) };
  }

  it('analyses a burst of changes once, with the exchanges and version at the start of the run', async () => {
    const { analyzer, tabs, results, inputs } = setup();
    tabs.set(1, { exchanges: [exchange({ url: 'https://idp.example.com/token' })], version: 4 });
    for (let i = 0; i < 5; i++) analyzer.changed(1);
    await settle(analyzer);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]![0]).toEqual({ exchanges: tabs.get(1)!.exchanges, documents: [] });
    expect(results).toEqual([[1, expect.objectContaining({ version: 4, analyzedAt: 1_700_000_000 })]]);
    expect(analyzer.latest(1)?.version).toBe(4);
  });

  it('always runs once more after a change during a run', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const { analyzer, tabs, results } = setup({
      analyze: async (_input, options) => {
        if (++calls === 1) await gate;
        return { artifacts: [], flows: [], timelines: [], findings: [], now: options.now, unreadable: [], problems: [] } as AnalysisResult;
      },
    });
    tabs.set(1, { exchanges: [], version: 1 });
    analyzer.changed(1);
    await vi.advanceTimersByTimeAsync(0);
    tabs.set(1, { exchanges: [], version: 2 });
    analyzer.changed(1);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(results.map(([, r]) => r.version)).toEqual([1, 2]);
  });

  it('uses the settings of the moment and reruns analysed tabs when they change', async () => {
    const { analyzer, inputs, setSettings } = setup();
    analyzer.changed(1);
    analyzer.changed(2);
    await settle(analyzer);
    analyzer.forget(2);
    setSettings({ ...defaultSettings(), skewSeconds: 7 });
    analyzer.rerunAll();
    await vi.advanceTimersByTimeAsync(1000);
    expect(inputs.map(([, o]) => o.skew)).toEqual([60, 60, 7]);
  });

  it('drops the result of a run that started before the tab was forgotten', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { analyzer, results } = setup({
      analyze: async (_i, options) => (await gate, { artifacts: [], flows: [], timelines: [], findings: [], now: options.now, unreadable: [], problems: [] }) as AnalysisResult,
    });
    analyzer.changed(3);
    await vi.advanceTimersByTimeAsync(0);
    analyzer.forget(3);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(results).toEqual([]);
    expect(analyzer.latest(3)).toBeUndefined();
  });

  it('reports an engine failure and keeps the previous result', async () => {
    let fail = false;
    const { analyzer, errors } = setup({
      analyze: async (_i, options) => {
        if (fail) throw new Error('engine bug');
        return { artifacts: [], flows: [], timelines: [], findings: [], now: options.now, unreadable: [], problems: [] } as AnalysisResult;
      },
    });
    analyzer.changed(1);
    await settle(analyzer);
    const first = analyzer.latest(1);
    fail = true;
    await vi.advanceTimersByTimeAsync(200);
    analyzer.changed(1);
    await settle(analyzer);
    expect(errors.map((e) => (e as Error).message)).toEqual(['engine bug']);
    expect(analyzer.latest(1)).toBe(first);
  });

  it('runs the real engine on captured exchanges', async () => {
    vi.useRealTimers();
    const tabs = new Map([[1, { version: 9, exchanges: [exchange({ url: 'https://idp.example.com/token', form: { grant_type: 'authorization_code', code: 'c' }, json: { access_token: 'opaque-at', token_type: 'Bearer', expires_in: 300 } })] }]]);
    const results: TabAnalysis[] = [];
    const analyzer = createAnalyzer({
      snapshot: async (tabId) => tabs.get(tabId)!,
      settings: () => defaultSettings(),
      fetchJson: () => fetchJson,
      onResult: (_t, r) => results.push(r),
    });
    analyzer.changed(1);
    await analyzer.idle();
    expect(results).toHaveLength(1);
    expect(results[0]!.analysis.artifacts.map((a) => a.kind)).toEqual(expect.arrayContaining(['token_response']));
    expect(results[0]!.version).toBe(9);
  });
});
