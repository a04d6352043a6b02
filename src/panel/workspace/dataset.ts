/**
 * What the panel shows at one time: the live capture of a tab, or an offline analysis (an imported file, pasted
 * text). Both carry the exchanges, the engine's result and the lookups the views need.
 */
import type { AnalysisResult } from '../../core/analyze.js';
import type { InputSummary } from '../../core/input/types.js';
import type { ArtifactKind, Exchange } from '../../core/model.js';
import type { TabState } from '../../shared/protocol.js';
import { indexAnalysis, type AnalysisIndex } from '../model/analysis-index.js';
import { filterChoices, filterIndex, type FilterIndex } from '../model/filters.js';

/** One input as the reports name it (the CLI's `inputs` entries). */
export type DatasetInput = InputSummary;

/** See the module comment. `index` and `filters` are absent until an analysis exists. */
export interface Dataset {
  origin: 'live' | 'offline';
  /** "tab 7", a file name, "pasted text". */
  name: string;
  exchanges: readonly Exchange[];
  result?: AnalysisResult;
  index?: AnalysisIndex;
  /**
   * What the filters test, built on first read (a getter): the first render does not pay for it, the app builds
   * it right after. Read it only when a filter is set.
   */
  readonly filters?: FilterIndex;
  /** Hosts and artifact kinds to offer in the filter bar (cheap: no claim text). */
  choices?: { hosts: string[]; kinds: ArtifactKind[] };
  inputs: DatasetInput[];
  /** What the user should know about the input: import warnings, unreadable parts. */
  notices: string[];
  /** Unix seconds the analysis judged the tokens at. */
  analyzedAt?: number;
  /** Where `analyzedAt` came from, in the report's words: `clock` (live, pasted tokens) or `capture` (a HAR's end). */
  nowSource: 'clock' | 'capture';
  /** The clock skew the analysis allowed, in seconds (reports say it); the engine's default when unknown. */
  skew?: number;
}

/** Adds the lookups to an analysis, the filter facts lazily. Does not run the engine. */
export function withIndex(base: Omit<Dataset, 'index' | 'filters' | 'choices'>): Dataset {
  if (!base.result) return base;
  const index = indexAnalysis(base.result, base.exchanges);
  let facts: FilterIndex | undefined;
  const dataset: Dataset = { ...base, index, choices: filterChoices(index) };
  Object.defineProperty(dataset, 'filters', { enumerable: true, get: () => (facts ??= filterIndex(index)) });
  return dataset;
}

/** The dataset of a tab's live state; `undefined` state is an empty tab. */
export function liveDataset(tabId: number | undefined, state: TabState | undefined): Dataset {
  const exchanges = state?.exchanges ?? [];
  return withIndex({
    origin: 'live',
    name: tabId === undefined ? 'no tab' : `tab ${tabId}`,
    exchanges,
    result: state?.analysis,
    inputs: [{ name: tabId === undefined ? 'no tab' : `tab ${tabId}`, kind: 'har', exchanges: exchanges.length }],
    notices: [],
    analyzedAt: state?.analyzedAt ?? state?.analysis?.now,
    nowSource: 'clock',
  });
}
