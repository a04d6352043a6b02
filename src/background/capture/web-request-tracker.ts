/**
 * The state of webRequest requests between their events, and the observations they make: one per redirect hop
 * (`wr:<requestId>#<n>`) and one when the request ends (`wr:<requestId>`). Pure: the listeners in web-request.ts
 * feed it the events' details and record what it returns.
 */
import type { Body, Header } from '../../core/model.js';
import type { Observation } from '../../core/capture/observation.js';
import { findHeader, statusTextOf, toHeaders, type RawHeader } from './headers.js';
import { decodeRequestBody, type RawRequestBody } from './request-body.js';

/** The members every webRequest event's details have. */
export interface RequestDetails {
  requestId: string;
  url: string;
  method: string;
  tabId: number;
  /** Milliseconds since the epoch. */
  timeStamp: number;
}

/** The members of onBeforeRedirect and onCompleted details this tracker reads. */
export interface ResponseDetails extends RequestDetails {
  statusCode: number;
  statusLine?: string;
  responseHeaders?: RawHeader[];
}

interface Pending {
  tabId: number;
  method: string;
  url: string;
  startedAt: number;
  /** Redirect hops already reported. */
  hops: number;
  requestHeaders?: Header[];
  requestBody?: Body;
  requestForm?: Record<string, string[]>;
  status?: number;
  statusText?: string;
  responseHeaders?: Header[];
  notes: string[];
}

/** Requests in flight kept at most; the oldest are forgotten first (their events then start a new record). */
export const MAX_PENDING = 2000;

/** Tracks requests by requestId from their first event to their end. Holds at most `limit` requests. */
export class WebRequestTracker {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly limit = MAX_PENDING) {}

  /** Requests in flight. */
  get size(): number {
    return this.pending.size;
  }

  /** The state of a request, created from these details when an earlier event was missed (e.g. worker restart). */
  private entry(d: RequestDetails): Pending {
    let p = this.pending.get(d.requestId);
    if (!p) {
      p = { tabId: d.tabId, method: d.method, url: d.url, startedAt: d.timeStamp, hops: 0, notes: [] };
      this.pending.set(d.requestId, p);
      if (this.pending.size > this.limit) {
        const oldest = this.pending.keys().next().value;
        if (oldest !== undefined) this.pending.delete(oldest);
      }
    }
    return p;
  }

  /** onBeforeRequest: the request (or the next hop of a redirected one) starts; its body is read. */
  request(d: RequestDetails & { requestBody?: RawRequestBody | null }): void {
    const p = this.entry(d);
    p.method = d.method;
    p.url = d.url;
    p.startedAt = d.timeStamp;
    const decoded = decodeRequestBody(d.requestBody);
    if (decoded.body) p.requestBody = decoded.body;
    if (decoded.form) p.requestForm = decoded.form;
    p.notes.push(...decoded.notes);
  }

  /** onSendHeaders: the request headers as sent. */
  sendHeaders(d: RequestDetails & { requestHeaders?: RawHeader[] }): void {
    const p = this.entry(d);
    p.requestHeaders = toHeaders(d.requestHeaders);
    const type = findHeader(p.requestHeaders, 'content-type');
    if (type && p.requestBody && !p.requestBody.mimeType) p.requestBody.mimeType = type;
  }

  /**
   * onBeforeRedirect: the observation of this hop, with the `Location` target as `redirectUrl`. The request's
   * state is reset for the next hop, which onBeforeRequest starts; call {@link forget} when no event of the next
   * hop will come (a target outside the configured domains).
   */
  redirect(d: ResponseDetails & { redirectUrl: string }): Observation {
    const p = this.entry(d);
    this.respond(p, d);
    p.hops++;
    const obs = this.observation(`wr:${d.requestId}#${p.hops}`, p, d.timeStamp);
    obs.redirectUrl = d.redirectUrl;
    this.pending.set(d.requestId, { tabId: p.tabId, method: p.method, url: d.redirectUrl, startedAt: d.timeStamp, hops: p.hops, notes: [] });
    return obs;
  }

  /** onCompleted: the final observation; the request is forgotten. */
  completed(d: ResponseDetails): Observation {
    const p = this.entry(d);
    this.respond(p, d);
    this.pending.delete(d.requestId);
    return this.observation(`wr:${d.requestId}`, p, d.timeStamp);
  }

  /** onErrorOccurred: the final observation with the browser's error as a note; the request is forgotten. */
  failed(d: RequestDetails & { error: string }): Observation {
    const p = this.entry(d);
    p.notes.push(`request failed: ${String(d.error).slice(0, 200)}`);
    this.pending.delete(d.requestId);
    return this.observation(`wr:${d.requestId}`, p, d.timeStamp);
  }

  /** Drops the state of a request without an observation. */
  forget(requestId: string): void {
    this.pending.delete(requestId);
  }

  private respond(p: Pending, d: ResponseDetails): void {
    if (typeof d.statusCode === 'number' && d.statusCode > 0) p.status = d.statusCode;
    const text = statusTextOf(d.statusLine);
    if (text) p.statusText = text;
    if (Array.isArray(d.responseHeaders)) p.responseHeaders = toHeaders(d.responseHeaders);
  }

  private observation(key: string, p: Pending, endedAt: number): Observation {
    const obs: Observation = { source: 'webRequest', key, method: p.method, url: p.url, startedAt: p.startedAt, endedAt };
    if (p.requestHeaders) obs.requestHeaders = p.requestHeaders;
    if (p.requestBody) obs.requestBody = p.requestBody;
    if (p.requestForm) obs.requestForm = p.requestForm;
    if (p.status !== undefined) obs.status = p.status;
    if (p.statusText) obs.statusText = p.statusText;
    if (p.responseHeaders) obs.responseHeaders = p.responseHeaders;
    if (p.notes.length > 0) obs.notes = [...new Set(p.notes)];
    return obs;
  }
}
