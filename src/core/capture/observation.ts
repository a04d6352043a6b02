import type { Body, CaptureSource, Header } from '../model.js';

/**
 * What one capture source saw of one HTTP request: any subset of its parts. The worker merges observations
 * into {@link Exchange}s (see merge.ts); a source may send several observations for one request (webRequest
 * reports headers first, Firefox's response filter the body later), joined by `key`.
 */
export interface Observation {
  source: CaptureSource;
  /**
   * A source-specific id of the request (`wr:<requestId>` for webRequest and filterResponseData, which share
   * Firefox's and Chrome's requestId; `dbg:<requestId>` for the debugger). Observations with equal keys are
   * always the same exchange.
   */
  key?: string;
  method: string;
  url: string;
  /** Milliseconds since the epoch. */
  startedAt: number;
  endedAt?: number;
  requestHeaders?: Header[];
  requestBody?: Body;
  requestForm?: Record<string, string[]>;
  status?: number;
  statusText?: string;
  responseHeaders?: Header[];
  responseBody?: Body;
  redirectUrl?: string;
  /** What this source could not get, e.g. "response body not readable (opaque response)". */
  notes?: string[];
}
