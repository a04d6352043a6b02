import type { Observation } from '../../core/capture/observation.js';
import type { Domain } from '../../shared/domains.js';
import type { Settings } from '../../shared/settings.js';

/**
 * What a capture source gets from the worker: where to put what it saw, and the current configuration. Sources
 * call `record` only for URLs on configured domains (`urlOnDomains(url, ctx.domains())`); `record` checks again.
 */
export interface CaptureContext {
  /** Hands observations of one tab to the store (merge, cap, analyse, push). Never throws; tabId < 0 is ignored. */
  record(tabId: number, observations: Observation[]): void;
  /** The configured domains, parsed. Empty until settings are loaded and when none are configured. */
  domains(): readonly Domain[];
  /** The current settings (defaults until loaded). */
  settings(): Settings;
  /** Counts one run of a capture callback of `source`, for the stats message and the benchmark. */
  count(source: string): void;
}
