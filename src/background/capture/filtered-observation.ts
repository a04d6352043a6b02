/** The observation a filtered response makes. Pure. */
import type { Observation } from '../../core/capture/observation.js';
import { bytesToBody } from './bytes.js';
import type { CopiedStream } from './stream-copy.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** One response being filtered: the request it answers and what its headers said. */
export interface FilteredHop {
  method: string;
  url: string;
  startedAt: number;
  status?: number;
  contentType?: string;
}

/**
 * The observation of a filtered response (source 'filterResponseData', key `wr:<requestId>`, the response body
 * only), or undefined for a redirect hop or a filter that failed before any data. Partial data of a failed filter
 * is kept as truncated, with a note. Does not include headers or status (webRequest reports them).
 */
export function filteredObservation(requestId: string, hop: FilteredHop, copy: CopiedStream): Observation | undefined {
  if (hop.status !== undefined && REDIRECTS.has(hop.status)) return undefined;
  if (copy.error !== undefined && copy.bytes.length === 0) return undefined;
  const obs: Observation = {
    source: 'filterResponseData',
    key: `wr:${requestId}`,
    method: hop.method,
    url: hop.url,
    startedAt: hop.startedAt,
    responseBody: bytesToBody(copy.bytes, hop.contentType, copy.truncated || copy.error !== undefined),
  };
  if (copy.error !== undefined) obs.notes = [`response body incomplete: ${copy.error}`];
  return obs;
}
