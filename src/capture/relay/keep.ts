/** Which of the hook's exchanges the relay passes on to the extension's worker. */
import type { Observation } from '../../core/capture/observation.js';
import { urlOnDomains, type Domain } from '../../shared/domains.js';
import { sanitizeObservation } from '../observation-guard.js';

/**
 * The exchange `value` from the page hook, sanitised (observation-guard.ts), when its URL is on `domains`;
 * undefined while the domains are not known, for a URL off them, and for anything malformed. The hook sends
 * every exchange of its page (it never learns the domains), so most are dropped here, and those off the domains
 * before the costlier checks. Never throws. Does not decide on the tab (the worker does, and checks again).
 */
export function keepObservation(value: unknown, domains: readonly Domain[] | undefined): Observation | undefined {
  if (!domains || typeof value !== 'object' || value === null) return undefined;
  const url = (value as { url?: unknown }).url;
  if (typeof url !== 'string' || !urlOnDomains(url, domains)) return undefined;
  const observation = sanitizeObservation(value);
  return observation && urlOnDomains(observation.url, domains) ? observation : undefined;
}
