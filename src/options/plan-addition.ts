/**
 * What adding some domain entries would do: which normalised domains are new, which host patterns they need,
 * and which entries were refused. Pure, so the click handler can compute it before its first `await` and still
 * ask for the permission inside the user gesture.
 */
import { domainPatterns, formatDomain, parseDomain } from '../shared/domains.js';
import type { DomainEntryProblem } from './domain-messages.js';

/** The result of {@link planAddition}. */
export interface AdditionPlan {
  /** Normalised domains that are not configured yet, in entry order, without duplicates. */
  add: string[];
  /** Host permission patterns the new domains need (deduplicated). */
  patterns: string[];
  /** Entries that were refused, with the reason. */
  refused: { entry: string; problem: DomainEntryProblem }[];
}

/** Plans adding `entries` to the `configured` (normalised) domains. Does not ask for permissions or save. */
export function planAddition(entries: readonly string[], configured: readonly string[]): AdditionPlan {
  const plan: AdditionPlan = { add: [], patterns: [], refused: [] };
  for (const entry of entries) {
    const parsed = parseDomain(entry);
    if ('error' in parsed) {
      plan.refused.push({ entry, problem: parsed.error });
      continue;
    }
    const domain = formatDomain(parsed);
    if (configured.includes(domain) || plan.add.includes(domain)) {
      plan.refused.push({ entry, problem: 'duplicate' });
      continue;
    }
    plan.add.push(domain);
    for (const pattern of domainPatterns(parsed)) if (!plan.patterns.includes(pattern)) plan.patterns.push(pattern);
  }
  return plan;
}
