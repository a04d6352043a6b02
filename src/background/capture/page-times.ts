/** The times of a page's report, judged by the worker's clock (issue 10 §3). */
import type { Observation } from '../../core/capture/observation.js';

/**
 * `obs` with its times clamped to `now`, the worker's clock when the report arrived: a start later than `now`
 * becomes `now`, and an end is put between the start and `now`. A page writes the times it reports (the page
 * hook runs in the page's world), and a report cannot be about a request that has not happened yet. Returns a
 * new observation when a time changed, `obs` itself otherwise. Does not judge times in the past (the store
 * evicts by arrival, not by time) and does not validate the rest.
 */
export function clampPageTimes(obs: Observation, now: number): Observation {
  const startedAt = Math.min(obs.startedAt, now);
  const endedAt = obs.endedAt === undefined ? undefined : Math.min(Math.max(obs.endedAt, startedAt), now);
  if (startedAt === obs.startedAt && endedAt === obs.endedAt) return obs;
  const out: Observation = { ...obs, startedAt };
  if (endedAt !== undefined) out.endedAt = endedAt;
  return out;
}
