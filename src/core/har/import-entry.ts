/** Mapping one HAR entry to an Exchange. */
import type { CaptureSource, Exchange, ExchangePart } from '../model.js';
import { parseIsoTime } from '../util/iso-time.js';
import { headerValue, readHeaders } from './import-headers.js';
import { readPostData } from './import-request-body.js';
import { readContent } from './import-response-body.js';
import { brief, finite, isRecord, nonEmpty, statusCode } from './read.js';

/** What the mapping of one entry needs to know about the file and the entries before it. */
export interface EntryContext {
  /** The exporter writes `postData.params` values percent-encoded (Chrome DevTools). */
  paramsAsSent: boolean;
  /** Start time of the previous entry, used when this entry's time can't be read. */
  previousStart: number;
  warn: (message: string) => void;
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:/i;

/** A redirect target made absolute against the request URL (servers may send `Location: /login`). */
function absoluteUrl(location: string, base: string): string {
  if (ABSOLUTE_URL.test(location)) return location;
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

function statusNote(response: Record<string, unknown>): string {
  const error = nonEmpty(response._error);
  const status = response.status === undefined ? 'no status in the HAR' : `status ${brief(response.status)}`;
  return `no response (${status}${error ? `, ${error.slice(0, 100)}` : ''})`;
}

/**
 * The notes this exporter wrote (`_notes`): they describe the exchange as first captured, so they replace the
 * ones this import derived from the HAR (which can only say less). Undefined when the entry has none.
 */
function exportedNotes(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((n): n is string => typeof n === 'string').map((n) => n.slice(0, 1000));
}

/**
 * The Exchange for the HAR entry at `index` (id `har-<index>`), or undefined (with a warning) when the entry has
 * no request URL. Bodies are referenced, never copied or decoded; what is missing goes to `notes`, what is broken in
 * the file to `ctx.warn` (`_notes`, written by this project's exporter, replace the derived notes). Never throws.
 * Does not read cookies, `queryString` (the URL has it), timings, cache or comments.
 */
export function entryToExchange(entry: unknown, index: number, ctx: EntryContext): Exchange | undefined {
  // Messages are built only when needed: this runs once per entry of files with 100k entries.
  const warn = (message: string) => ctx.warn(`entry ${index}: ${message}`);
  if (!isRecord(entry)) {
    ctx.warn(`entry ${index} is ${brief(entry)}, not an object; skipped`);
    return undefined;
  }
  const request = entry.request;
  if (!isRecord(request)) {
    warn('no request, skipped');
    return undefined;
  }
  const url = nonEmpty(request.url);
  if (!url) {
    warn('no request.url, skipped');
    return undefined;
  }
  const notes: string[] = [];
  let method = nonEmpty(request.method);
  if (!method) {
    warn('no request.method, assumed GET');
    notes.push('request method not in the HAR; assumed GET');
    method = 'GET';
  }
  let startedAt = parseIsoTime(entry.startedDateTime);
  if (startedAt === undefined) {
    warn(`startedDateTime ${brief(entry.startedDateTime)} is not an ISO 8601 time; placed after the previous entry`);
    notes.push('start time not readable in the HAR');
    startedAt = ctx.previousStart;
  }
  const requestHeaders = readHeaders(request.headers, 'request.headers', warn);
  const har: CaptureSource[] = ['har'];
  const seenBy: Partial<Record<ExchangePart, CaptureSource[]>> = { request: har };
  const ex: Exchange = { id: `har-${index}`, method, url, requestHeaders, responseHeaders: [], startedAt, seenBy };
  if (Array.isArray(request.headers)) seenBy.requestHeaders = ['har'];

  if (request.postData !== undefined) {
    const post = readPostData(request.postData, headerValue(requestHeaders, 'content-type'), ctx.paramsAsSent, notes, warn);
    if (post.body) {
      ex.requestBody = post.body;
      seenBy.requestBody = ['har'];
    }
    if (post.form) ex.requestForm = post.form;
  }

  const time = finite(entry.time);
  if (time !== undefined && time >= 0) ex.endedAt = startedAt + time;

  const response = entry.response;
  if (!isRecord(response)) {
    notes.push('no response in the HAR');
  } else {
    const status = statusCode(response.status);
    const statusNoteAt = notes.length;
    if (status === undefined) notes.push(statusNote(response));
    else {
      ex.status = status;
      seenBy.status = ['har'];
    }
    const statusText = nonEmpty(response.statusText);
    if (statusText) ex.statusText = statusText;
    ex.responseHeaders = readHeaders(response.headers, 'response.headers', warn);
    if (status !== undefined || ex.responseHeaders.length > 0) seenBy.responseHeaders = ['har'];
    const body = readContent(response, status !== undefined, notes);
    if (body) {
      ex.responseBody = body;
      seenBy.responseBody = ['har'];
    }
    if (status === undefined && (body || ex.responseHeaders.length > 0)) {
      // Firefox records status 0 for a fetch still open when the page navigates away, with what it did receive.
      notes[statusNoteAt] = `${statusNote(response).replace('no response', 'status unknown')}, although ${body ? 'a body was' : 'headers were'} captured: the page probably navigated away before the browser recorded the status`;
    }
    const location =
      nonEmpty(response.redirectURL) ??
      (status !== undefined && status >= 300 && status < 400 ? headerValue(ex.responseHeaders, 'location') : undefined);
    if (location) ex.redirectUrl = absoluteUrl(location, url);
  }
  const final = exportedNotes(entry._notes) ?? notes;
  if (final.length > 0) ex.notes = final;
  return ex;
}
