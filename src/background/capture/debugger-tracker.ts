/**
 * Chrome DevTools Protocol `Network.*` events of one tab, turned into observations (source 'debugger', key
 * `dbg:<requestId>`, redirect hops `dbg:<requestId>#<n>`). Pure: debugger.ts feeds it the events and fetches
 * the bodies it asks for.
 */
import type { Header } from '../../core/model.js';
import type { Observation } from '../../core/capture/observation.js';

/** What to do after an event: record an observation, or first fetch the response body of a finished request. */
export type DebuggerAction =
  | { type: 'record'; observation: Observation }
  | { type: 'fetch-body'; requestId: string; observation: Observation; requestBodyMissing: boolean };

interface Pending {
  observation: Observation;
  /** The CDP monotonic timestamp (seconds) of requestWillBeSent, to turn later timestamps into wall time. */
  monotonic: number;
  hops: number;
  requestBodyMissing: boolean;
}

/** Requests in flight kept per tab at most (oldest forgotten first). */
export const MAX_DEBUGGER_PENDING = 2000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** CDP headers (an object of name → value; several values joined by newlines) as a header list. */
export function cdpHeaders(value: unknown): Header[] {
  if (!isRecord(value)) return [];
  const out: Header[] = [];
  for (const [name, raw] of Object.entries(value)) {
    if (typeof raw !== 'string') continue;
    for (const line of raw.split('\n')) out.push({ name, value: line });
  }
  return out;
}

function respond(observation: Observation, response: Record<string, unknown>): void {
  const status = num(response.status);
  if (status !== undefined && status > 0) observation.status = status;
  const statusText = str(response.statusText);
  if (statusText) observation.statusText = statusText;
  observation.responseHeaders = cdpHeaders(response.headers);
}

/**
 * Tracks one tab's requests from `Network.requestWillBeSent` to `Network.loadingFinished` / `loadingFailed`.
 * `wanted` says which URLs are captured (the configured domains); others are not even kept. Never throws on
 * malformed events (they are ignored). Does not send CDP commands.
 */
export class DebuggerTracker {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly wanted: (url: string) => boolean,
    /** The wall clock (milliseconds), used only when an event lacks `wallTime`. */
    private readonly now: () => number,
    private readonly limit = MAX_DEBUGGER_PENDING,
  ) {}

  /** Requests in flight. */
  get size(): number {
    return this.pending.size;
  }

  /** Handles one event; returns what the caller should do, if anything. */
  event(method: string, params: unknown): DebuggerAction | undefined {
    if (!isRecord(params)) return undefined;
    const requestId = str(params.requestId);
    if (!requestId) return undefined;
    switch (method) {
      case 'Network.requestWillBeSent':
        return this.requestWillBeSent(requestId, params);
      case 'Network.responseReceived': {
        const p = this.pending.get(requestId);
        if (p && isRecord(params.response)) respond(p.observation, params.response);
        return undefined;
      }
      case 'Network.loadingFinished':
        return this.finished(requestId, params);
      case 'Network.loadingFailed':
        return this.failed(requestId, params);
      default:
        return undefined;
    }
  }

  private endedAt(p: Pending, params: Record<string, unknown>): number {
    const at = num(params.timestamp);
    return at === undefined ? p.observation.startedAt : p.observation.startedAt + Math.max(0, at - p.monotonic) * 1000;
  }

  private requestWillBeSent(requestId: string, params: Record<string, unknown>): DebuggerAction | undefined {
    const request = params.request;
    if (!isRecord(request)) return undefined;
    const url = str(request.url);
    const method = str(request.method);
    if (!url || !method) return undefined;
    let action: DebuggerAction | undefined;
    const previous = this.pending.get(requestId);
    let hops = 0;
    if (previous && isRecord(params.redirectResponse)) {
      // The same requestId continues after a redirect: the previous hop ends here.
      hops = previous.hops + 1;
      const hop = { ...previous.observation, key: `dbg:${requestId}#${hops}`, redirectUrl: url + (str(request.urlFragment) ?? '') };
      respond(hop, params.redirectResponse);
      hop.endedAt = this.endedAt(previous, params);
      action = { type: 'record', observation: hop };
    }
    this.pending.delete(requestId);
    const full = url + (str(request.urlFragment) ?? '');
    if (!this.wanted(full)) return action;
    const wallTime = num(params.wallTime);
    const observation: Observation = {
      source: 'debugger',
      key: `dbg:${requestId}`,
      method,
      url: full,
      startedAt: wallTime === undefined ? this.now() : wallTime * 1000,
      requestHeaders: cdpHeaders(request.headers),
    };
    const postData = str(request.postData);
    if (postData !== undefined) observation.requestBody = { text: postData };
    const requestBodyMissing = postData === undefined && request.hasPostData === true;
    this.pending.set(requestId, { observation, monotonic: num(params.timestamp) ?? 0, hops, requestBodyMissing });
    if (this.pending.size > this.limit) this.pending.delete(this.pending.keys().next().value!);
    return action;
  }

  private finished(requestId: string, params: Record<string, unknown>): DebuggerAction | undefined {
    const p = this.pending.get(requestId);
    if (!p) return undefined;
    this.pending.delete(requestId);
    p.observation.endedAt = this.endedAt(p, params);
    return { type: 'fetch-body', requestId, observation: p.observation, requestBodyMissing: p.requestBodyMissing };
  }

  private failed(requestId: string, params: Record<string, unknown>): DebuggerAction | undefined {
    const p = this.pending.get(requestId);
    if (!p) return undefined;
    this.pending.delete(requestId);
    p.observation.endedAt = this.endedAt(p, params);
    const reason = params.canceled === true ? 'canceled' : (str(params.errorText) ?? 'unknown error');
    p.observation.notes = [...(p.observation.notes ?? []), `request failed: ${reason.slice(0, 200)}`];
    return { type: 'record', observation: p.observation };
  }
}
