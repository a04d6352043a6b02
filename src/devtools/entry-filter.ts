/**
 * Which `devtools.network` entries the devtools page sends to the worker (issue 9 §2): every request to a
 * configured domain, and, whatever the host, the requests that matter to a login analysis. DevTools shows the
 * inspected tab's whole traffic without any host permission; keeping only login traffic bounds memory.
 */
import type { Observation } from '../core/capture/observation.js';
import { exchangeRelevance, MAX_JUDGED_BODY } from '../core/classify/relevance.js';
import { urlOnDomains, type Domain } from '../shared/domains.js';

/** What to do with an entry: send it with its body, judge it again once its body is read, or drop it. */
export type EntryVerdict = 'send' | 'judge-body' | 'drop';

/**
 * Whether the response's type can make an exchange relevant by itself (a token or JWKS document, a JWT) and it
 * is small enough for the engine to judge (bigger bodies are not fetched for it).
 */
function judgeableBody(entry: unknown): boolean {
  const content = (entry as { response?: { content?: { mimeType?: unknown; size?: unknown } } } | null)?.response?.content;
  const size = typeof content?.size === 'number' ? content.size : 0;
  const type = typeof content?.mimeType === 'string' ? content.mimeType : '';
  return size <= MAX_JUDGED_BODY && /[/+]json\b|application\/jwt\b/i.test(type);
}

/**
 * The verdict on one entry, given what its request side shows (`bare`: the entry as an observation without
 * the response body): `send` for a configured host or a relevant request, `judge-body` when only a JSON or
 * JWT response of at most 1 MB could make it relevant, else `drop`. Pure; never throws.
 */
export function entryVerdict(entry: unknown, bare: Observation | undefined, domains: readonly Domain[]): EntryVerdict {
  if (!bare) return 'drop';
  if (urlOnDomains(bare.url, domains) || exchangeRelevance(bare) !== undefined) return 'send';
  return judgeableBody(entry) ? 'judge-body' : 'drop';
}
