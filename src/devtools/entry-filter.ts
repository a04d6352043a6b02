/**
 * Which `devtools.network` entries the devtools page sends to the worker (issue 9 §2): every request to a
 * configured domain, and, whatever the host, the requests that matter to a login analysis. DevTools shows the
 * inspected tab's whole traffic without any host permission; keeping only login traffic bounds memory.
 */
import type { Observation } from '../core/capture/observation.js';
import { exchangeRelevance } from '../core/classify/relevance.js';
import { urlOnDomains, type Domain } from '../shared/domains.js';

/** What to do with an entry: send it with its body, judge it again once its body is read, or drop it. */
export type EntryVerdict = 'send' | 'judge-body' | 'drop';

/** Response bodies larger than this are not fetched to judge an entry of another host. */
export const MAX_JUDGED_BODY = 1 << 20;

function responseOf(entry: unknown): { mimeType?: unknown; size?: unknown; headers?: unknown } | undefined {
  const response = (entry as { response?: { content?: { mimeType?: unknown; size?: unknown }; headers?: unknown } } | null)?.response;
  return response ? { mimeType: response.content?.mimeType, size: response.content?.size, headers: response.headers } : undefined;
}

/** Whether the response's type can make an exchange relevant by itself (a token or JWKS document, a JWT). */
function judgeableBody(entry: unknown): boolean {
  const response = responseOf(entry);
  const size = typeof response?.size === 'number' ? response.size : 0;
  const type = typeof response?.mimeType === 'string' ? response.mimeType : '';
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
