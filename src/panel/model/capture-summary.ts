/** The counts the capture status line shows, for the live tab or an offline dataset. Pure. */
import type { Severity } from '../../core/model.js';
import type { TabState } from '../../shared/protocol.js';
import type { Dataset } from '../workspace/dataset.js';

/** See the module comment. */
export interface CaptureSummary {
  exchanges: number;
  evicted: number;
  /** Exchanges the worker holds only in memory (storage refused them): lost if the worker stops. */
  unsaved: number;
  paused: boolean;
  preserve: boolean;
  /** An analysis of the current exchanges is shown. */
  analyzed: boolean;
  flows: number;
  counts: Record<Severity, number>;
}

/** Counts of `dataset`, with the tab's capture state (evictions, pause, preserve) when it is the live one. */
export function captureSummary(dataset: Dataset, state: TabState | undefined): CaptureSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of dataset.result?.findings ?? []) counts[f.severity] += 1;
  const live = dataset.origin === 'live' ? state : undefined;
  return {
    exchanges: dataset.exchanges.length,
    evicted: live?.evicted ?? 0,
    unsaved: live?.unsaved ?? 0,
    paused: live?.paused ?? false,
    preserve: live?.preserve ?? false,
    analyzed: dataset.result !== undefined,
    flows: dataset.result?.flows.length ?? 0,
    counts,
  };
}
