/**
 * Analysis of each tab's exchanges with the engine (src/core) as they arrive, coalesced per tab. Results live in
 * memory only: after a worker restart they are computed again from the stored exchanges on demand.
 */
import { analyze, type AnalysisResult, type AnalyzeOptions, type FetchJson } from '../core/index.js';
import type { Exchange } from '../core/model.js';
import type { Settings } from '../shared/settings.js';
import { createCoalescer } from './coalesce.js';
import type { Pause, Period } from './store/tab-meta.js';

/** At most one analysis per tab in this many milliseconds (plus always one after the last change). */
export const ANALYSIS_INTERVAL_MS = 150;

/** One finished analysis of a tab. */
export interface TabAnalysis {
  analysis: AnalysisResult;
  /** Unix seconds the analysis used as "now". */
  analyzedAt: number;
  /** The store version of the exchanges it analysed (see TabView.version). */
  version: number;
}

/**
 * The engine options the settings ask for: `now` in Unix seconds, the skew, the client ids of every issuer as
 * one list, what the capture could see (the configured domains and since when, the tab's pauses and open DevTools),
 * and `fetchJson` only when key fetching is on, limited to what the browser itself saw (`fetchScope: 'browser'`).
 * Pure.
 */
export function analyzeOptions(settings: Settings, nowMs: number, fetchJson: FetchJson, seen: TabCoverage = {}): AnalyzeOptions {
  const options: AnalyzeOptions = {
    now: Math.floor(nowMs / 1000),
    skew: settings.skewSeconds,
    clientIds: [...new Set(Object.values(settings.clientIds).flat())],
    // What the capture could see, so a missing step is explained by its likely cause.
    capture: { domains: [...settings.domains], domainSince: { ...seen.domainSince }, pauses: [...(seen.pauses ?? [])], devtools: [...(seen.devtools ?? [])] },
  };
  if (settings.fetchKeys) {
    options.fetchJson = fetchJson;
    // Issue 10 §3: what the page hook reported may be the page's invention; it must not choose what is fetched.
    options.fetchScope = 'browser';
  }
  return options;
}

/** What a tab's capture could see besides the settings: when domains were configured, pauses, open DevTools. */
export interface TabCoverage {
  domainSince?: Readonly<Record<string, number>>;
  pauses?: readonly Pause[];
  devtools?: readonly Period[];
}

/** What the analyzer reads and whom it tells. */
export interface AnalyzerDeps {
  /** The tab's exchanges now, and their version. */
  snapshot(tabId: number): Promise<{ exchanges: readonly Exchange[]; version: number; pauses?: readonly Pause[]; devtools?: readonly Period[] }>;
  /** When each configured domain was configured (domain-history.ts); none: configured all along. */
  domainSince?(): Readonly<Record<string, number>>;
  settings(): Settings;
  /** The FetchJson for one run (see json-cache.ts); used only when the settings turn key fetching on. */
  fetchJson(): FetchJson;
  /** Called after each finished analysis of a tab. */
  onResult(tabId: number, result: TabAnalysis): void;
  /** Called when an analysis failed (never expected: the engine turns bad input into findings). */
  onError?(tabId: number, err: unknown): void;
  /** Milliseconds; `Date.now` by default. */
  now?: () => number;
  intervalMs?: number;
  /** The engine entry point (tests inject a counting one). */
  analyze?: typeof analyze;
}

/** Per-tab analyses; see {@link createAnalyzer}. */
export interface Analyzer {
  /** The tab's exchanges (or the settings) changed: analyse again, coalesced. */
  changed(tabId: number): void;
  /** The latest finished analysis of a tab, current or not (compare `version`). */
  latest(tabId: number): TabAnalysis | undefined;
  /** Analyses again every tab that has a result (after a settings change). */
  rerunAll(): void;
  /** Drops a tab's result and any waiting run (the tab was closed and dropped). */
  forget(tabId: number): void;
  /** Resolves when no analysis is waiting or running. */
  idle(): Promise<void>;
}

/**
 * An analyzer over `deps`. Runs at most once per {@link ANALYSIS_INTERVAL_MS} per tab and always once after the
 * last change; the run reads the exchanges when it starts, so a burst of changes costs one or two analyses.
 * Does not decide which tabs are worth analysing (the caller triggers only watched tabs) and does not push.
 */
export function createAnalyzer(deps: AnalyzerDeps): Analyzer {
  const now = deps.now ?? (() => Date.now());
  const engine = deps.analyze ?? analyze;
  const results = new Map<number, TabAnalysis>();
  // Bumped by forget(): a run that started before must not bring the result back.
  const generations = new Map<number, number>();
  const runs = createCoalescer<number>(
    async (tabId) => {
      const generation = generations.get(tabId) ?? 0;
      const { exchanges, version, pauses, devtools } = await deps.snapshot(tabId);
      const nowMs = now();
      const seen: TabCoverage = { domainSince: deps.domainSince?.() ?? {}, pauses: pauses ?? [], devtools: devtools ?? [] };
      const options = analyzeOptions(deps.settings(), nowMs, deps.fetchJson(), seen);
      const analysis = await engine({ exchanges, documents: [] }, options);
      const result = { analysis, analyzedAt: options.now, version };
      if ((generations.get(tabId) ?? 0) !== generation) return;
      results.set(tabId, result);
      deps.onResult(tabId, result);
    },
    { intervalMs: deps.intervalMs ?? ANALYSIS_INTERVAL_MS, now, onError: (tabId, err) => deps.onError?.(tabId as number, err) },
  );
  return {
    changed: (tabId) => runs.trigger(tabId),
    latest: (tabId) => results.get(tabId),
    rerunAll: () => {
      for (const tabId of results.keys()) runs.trigger(tabId);
    },
    forget: (tabId) => {
      runs.cancel(tabId);
      results.delete(tabId);
      generations.set(tabId, (generations.get(tabId) ?? 0) + 1);
    },
    idle: () => runs.idle(),
  };
}
