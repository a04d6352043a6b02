/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as the exporter writes it, with the custom fields
 * Chrome DevTools (`_initiator`, `_priority`, `_resourceType`, `_transferSize`, `_error`, ...) and Firefox
 * (`_securityState`) add, all optional. The importer never trusts these shapes: it reads `unknown` and checks
 * every field.
 */

/** A header or query parameter. */
export interface HarNameValue {
  name: string;
  value: string;
  comment?: string;
}

/** A request or response header. */
export type HarHeader = HarNameValue;
/** A query parameter. */
export type HarQueryParam = HarNameValue;

/** A cookie, parsed from `Cookie` / `Set-Cookie` by the exporting browser. */
export interface HarCookie {
  name: string;
  value: string;
  path?: string;
  domain?: string;
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
  /** Chrome. */
  sameSite?: string;
  comment?: string;
}

/** One parameter of a posted form. */
export interface HarPostParam {
  name: string;
  /**
   * Chrome writes the value as it was sent (still percent-encoded, `+` for spaces); Firefox writes it decoded.
   * The exporter writes it decoded.
   */
  value?: string;
  fileName?: string;
  contentType?: string;
  comment?: string;
}

/** The request body. */
export interface HarPostData {
  mimeType: string;
  params?: HarPostParam[];
  text?: string;
  comment?: string;
  /** This exporter: `base64` when `text` is the base64 of a binary request body (HAR 1.2 has no field for it). */
  _encoding?: 'base64';
}

/** The request of an entry. */
export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarCookie[];
  /** Chrome keeps HTTP/2 pseudo headers (`:authority`, `:method`, `:path`, `:scheme`) in the list. */
  headers: HarHeader[];
  queryString: HarQueryParam[];
  postData?: HarPostData;
  headersSize: number;
  bodySize: number;
  comment?: string;
}

/** The response body. */
export interface HarContent {
  size: number;
  compression?: number;
  mimeType: string;
  /** Absent when the body was not kept (Firefox also adds a `comment` then). */
  text?: string;
  encoding?: string;
  comment?: string;
}

/** The response of an entry. */
export interface HarResponse {
  /** 0 when there was no response (blocked, failed, aborted). */
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarHeader[];
  content: HarContent;
  redirectURL: string;
  headersSize: number;
  bodySize: number;
  comment?: string;
  /** Chrome: bytes on the wire. */
  _transferSize?: number;
  /** Chrome: the network error (`net::ERR_BLOCKED_BY_CLIENT`), null when there was none. */
  _error?: string | null;
  /** Chrome. */
  _fetchedViaServiceWorker?: boolean;
}

/** Phase durations in milliseconds, -1 when a phase does not apply. */
export interface HarTimings {
  blocked?: number;
  dns?: number;
  connect?: number;
  send: number;
  wait: number;
  receive: number;
  ssl?: number;
  comment?: string;
  /** Chrome. */
  _blocked_queueing?: number;
  /** Chrome. */
  _blocked_proxy?: number;
}

/** Cache state before and after the request (rarely filled in). */
export interface HarCache {
  beforeRequest?: unknown;
  afterRequest?: unknown;
  comment?: string;
}

/** Chrome's `_initiator`: who started the request. */
export interface HarInitiator {
  type: string;
  url?: string;
  lineNumber?: number;
  columnNumber?: number;
  stack?: unknown;
}

/** One request and its response. */
export interface HarEntry {
  pageref?: string;
  /** ISO 8601; Chrome writes UTC (`...Z`), Firefox the local offset (`...+02:00`). */
  startedDateTime: string;
  /** Total milliseconds; -1 when unknown (written so by this exporter only). */
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: HarCache;
  timings: HarTimings;
  serverIPAddress?: string;
  connection?: string;
  comment?: string;
  /** Chrome. */
  _initiator?: HarInitiator | null;
  /** Chrome (`VeryHigh`, `High`, ...); Firefox writes it too. */
  _priority?: string | null;
  /** Chrome (`document`, `fetch`, `xhr`, `image`, `other`, ...). */
  _resourceType?: string;
  /** Chrome: `memory` or `disk` when served from the cache. */
  _fromCache?: 'memory' | 'disk';
  /** Chrome. */
  _connectionId?: string;
  /** Firefox (`secure`, `insecure`, ...). */
  _securityState?: string;
  /** This exporter: the exchange's notes (what the capture could not get); the importer restores them. */
  _notes?: string[];
}

/** Page load milestones, in milliseconds after the page started. */
export interface HarPageTimings {
  onContentLoad?: number;
  onLoad?: number;
  comment?: string;
}

/** A page (navigation) that entries refer to with `pageref`. */
export interface HarPage {
  startedDateTime: string;
  id: string;
  title: string;
  pageTimings: HarPageTimings;
  comment?: string;
}

/** The tool that wrote the file (Chrome: `WebInspector`), or the browser. */
export interface HarCreator {
  name: string;
  version: string;
  comment?: string;
}

/** The `log` object of a HAR file. */
export interface HarLogBody {
  version: string;
  creator: HarCreator;
  /** Firefox writes it (same as `creator`); Chrome does not. */
  browser?: HarCreator;
  pages?: HarPage[];
  entries: HarEntry[];
  comment?: string;
}

/** A whole HAR file: the root object with its single `log` member. */
export interface HarLog {
  log: HarLogBody;
}
