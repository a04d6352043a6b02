/** Which of the hook's exchanges the relay passes on to the extension's worker. */
import type { Observation } from '../../core/capture/observation.js';
import { sanitizeObservation } from '../observation-guard.js';

/**
 * The exchange `value` from the page hook, sanitised (observation-guard.ts), while `capture` is on; undefined
 * while the worker has not answered (`capture` undefined), when it said not to capture, and for anything
 * malformed. Never throws. Does not check the configured domains: the relay never learns them (it runs in the
 * page's process, issue 10 §3), so the worker keeps only what is on them. Does not decide on the tab either.
 */
export function keepObservation(value: unknown, capture: boolean | undefined): Observation | undefined {
  if (capture !== true) return undefined;
  return sanitizeObservation(value);
}
