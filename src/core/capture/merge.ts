/**
 * Merging what the capture sources saw into one exchange per request (issue 3 §3, last bullet): webRequest,
 * Firefox's response filter, the page hook, the devtools page and the debugger each report parts of the same
 * request, at different times and in any order.
 */
import type { Body, CaptureSource, Exchange, ExchangePart, Header } from '../model.js';
import { parseForm } from '../util/form.js';
import { bodiesCompatible, bodyBytes, sameJson } from './body-bytes.js';
import { bodyRank, formRank, pick, pickHeaders, statusRank, unionHeaders, unionSorted, urlRank } from './merge-parts.js';
import type { Observation } from './observation.js';

/**
 * How far apart (ms) two sources may place the start of one request. The page hook stamps the `fetch` call,
 * webRequest and the debugger the moment the network stack takes the request, the devtools page the HAR's
 * `startedDateTime`. Between them lie a CORS preflight (a full round trip), a page service worker, and
 * Chrome's queue of six connections per HTTP/1.1 host, which on a slow link holds a request for seconds when a
 * page fires many calls at once. Five seconds covers that; identical polling requests inside the window stay
 * apart because a source never matches an exchange it already reported, and the nearest start wins.
 */
export const MATCH_WINDOW_MS = 5_000;

/** The result of {@link mergeObservation}: the new or updated exchange, and where it was (-1: new). */
export interface MergeResult {
  exchange: Exchange;
  index: number;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** `wr` for `wr:123#1`: keys of one namespace come from one request-id space. */
function keyNamespace(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? key : key.slice(0, colon);
}

/** Start and end times: 0 (or anything not a positive finite number) means unknown. */
function time(t: number | undefined): number {
  return typeof t === 'number' && Number.isFinite(t) && t > 0 ? t : 0;
}

/** The parts an observation brings, for `seenBy`. A status of 0 (opaque or failed fetch) is not a status seen. */
function partsOf(obs: Observation): ExchangePart[] {
  const parts: ExchangePart[] = ['request'];
  if (obs.requestHeaders && obs.requestHeaders.length > 0) parts.push('requestHeaders');
  if (obs.requestBody || obs.requestForm) parts.push('requestBody');
  if (typeof obs.status === 'number' && obs.status > 0) parts.push('status');
  if (obs.responseHeaders && obs.responseHeaders.length > 0) parts.push('responseHeaders');
  if (obs.responseBody) parts.push('responseBody');
  return parts;
}

function headerValue(headers: readonly Header[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

/**
 * Request headers that tell concurrent requests apart: two calls of one endpoint in the same second differ in
 * the token they carry, not in method, URL or timing.
 */
const CREDENTIAL_HEADERS = ['authorization', 'dpop'];

/** How two captures' credential headers compare: 1 when one of them agrees, -1 when one disagrees, else 0. */
function credentialsAgree(a: readonly Header[], b: readonly Header[]): number {
  let agree = 0;
  for (const name of CREDENTIAL_HEADERS) {
    const x = new Set(a.filter((h) => h.name.toLowerCase() === name).map((h) => h.value));
    const y = b.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
    if (x.size === 0 || y.length === 0) continue;
    if (!y.some((v) => x.has(v))) return -1;
    agree = 1;
  }
  return agree;
}

/**
 * Whether a part of an exchange was seen by the browser itself (webRequest, the response filter, the debugger,
 * DevTools), not only by the page hook, whose reports the page can shape. Merges keep the invariant that such a
 * part holds a value the browser reported, so the flag can rank the part's value.
 */
function fromBrowser(ex: Exchange, part: ExchangePart): number {
  return ex.seenBy[part]?.some((source) => source !== 'page-hook') ? 1 : 0;
}

/** The request's form: the parsed one, else a complete urlencoded raw body parsed. */
function formOf(form: Record<string, string[]> | undefined, body: Body | undefined, headers: readonly Header[]): string | undefined {
  if (form) return formRank(form)[1] as string;
  const type = headerValue(headers, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!body || body.truncated || type !== 'application/x-www-form-urlencoded') return undefined;
  const bytes = bodyBytes(body);
  return bytes ? (formRank(parseForm(new TextDecoder().decode(bytes)))[1] as string) : undefined;
}

/** The exchange one observation makes on its own, in the canonical shape merges keep (sorted lists). */
function fromObservation(obs: Observation, id: string): Exchange {
  const seenBy: Exchange['seenBy'] = {};
  for (const part of partsOf(obs)) seenBy[part] = [obs.source];
  const ex: Exchange = {
    id,
    method: obs.method,
    url: obs.url,
    requestHeaders: unionHeaders(obs.requestHeaders ?? [], []),
    responseHeaders: unionHeaders(obs.responseHeaders ?? [], []),
    startedAt: time(obs.startedAt),
    seenBy,
  };
  if (obs.requestBody) ex.requestBody = obs.requestBody;
  if (obs.requestForm) ex.requestForm = obs.requestForm;
  if (typeof obs.status === 'number') ex.status = obs.status;
  if (obs.statusText) ex.statusText = obs.statusText;
  if (obs.responseBody) ex.responseBody = obs.responseBody;
  if (obs.redirectUrl) ex.redirectUrl = obs.redirectUrl;
  if (time(obs.endedAt) > 0) ex.endedAt = time(obs.endedAt);
  const notes = unionSorted(obs.notes, undefined);
  if (notes) ex.notes = notes;
  if (obs.key) ex.keys = [obs.key];
  return ex;
}

function minTime(a: number, b: number): number {
  if (a === 0) return b;
  if (b === 0) return a;
  return Math.min(a, b);
}

/**
 * Two captures of one request as one exchange, with `a`'s id. Commutative and associative apart from the id.
 * For the URL, the headers and the response body, what the browser saw beats what only the page hook saw.
 */
function combine(a: Exchange, b: Exchange): Exchange {
  const seenBy: Exchange['seenBy'] = {};
  for (const part of Object.keys({ ...a.seenBy, ...b.seenBy }) as ExchangePart[]) {
    const sources = unionSorted(a.seenBy[part], b.seenBy[part]);
    if (sources) seenBy[part] = sources;
  }
  const ranked = <T>(ex: Exchange, part: ExchangePart, value: T | undefined) => (value === undefined ? undefined : { value, browser: fromBrowser(ex, part) });
  const byBrowser =
    <T>(rank: (v: T) => readonly (number | string)[]) =>
    (r: { value: T; browser: number }) => [r.browser, ...rank(r.value)];
  const ex: Exchange = {
    id: a.id,
    // An upper-case method (what fetch normalises to) beats a lower-case spelling of the same method.
    method: pick(a.method, b.method, (m) => [m === m.toUpperCase() ? 1 : 0, m]) ?? a.method,
    url: pick(ranked(a, 'request', a.url), ranked(b, 'request', b.url), byBrowser(urlRank))?.value ?? a.url,
    requestHeaders: pickHeaders(a.requestHeaders, fromBrowser(a, 'requestHeaders'), b.requestHeaders, fromBrowser(b, 'requestHeaders')),
    responseHeaders: pickHeaders(a.responseHeaders, fromBrowser(a, 'responseHeaders'), b.responseHeaders, fromBrowser(b, 'responseHeaders')),
    startedAt: minTime(a.startedAt, b.startedAt),
    seenBy,
  };
  const requestBody = pick(a.requestBody, b.requestBody, bodyRank);
  if (requestBody) ex.requestBody = requestBody;
  const requestForm = pick(a.requestForm, b.requestForm, formRank);
  if (requestForm) ex.requestForm = requestForm;
  const status = pick(a.status, b.status, statusRank);
  if (status !== undefined) ex.status = status;
  const statusText = pick(a.statusText, b.statusText, (t) => [t === '' ? 0 : 1, t]);
  if (statusText) ex.statusText = statusText;
  const responseBody = pick(ranked(a, 'responseBody', a.responseBody), ranked(b, 'responseBody', b.responseBody), byBrowser(bodyRank))?.value;
  if (responseBody) ex.responseBody = responseBody;
  const redirectUrl = pick(a.redirectUrl, b.redirectUrl, urlRank);
  if (redirectUrl) ex.redirectUrl = redirectUrl;
  const endedAt = Math.max(a.endedAt ?? 0, b.endedAt ?? 0);
  if (endedAt > 0) ex.endedAt = endedAt;
  const notes = unionSorted(a.notes, b.notes);
  if (notes) ex.notes = notes;
  const keys = unionSorted(a.keys, b.keys);
  if (keys) ex.keys = keys;
  return ex;
}

/** Two complete response bodies that cannot be one: different bytes, and not the same JSON either. */
function responsesDiffer(a: Body | undefined, b: Body | undefined): boolean {
  if (!a || !b || a.truncated || b.truncated) return false;
  // The page hook re-serialises an XHR's `json` response: equal JSON is the same response.
  return !bodiesCompatible(a, b) && !sameJson(a, b);
}

/** Whether an observation without a matching key may be the same request as `ex` (see {@link mergeObservation}). */
function matches(ex: Exchange, obs: Exchange, source: CaptureSource): boolean {
  if (ex.seenBy.request?.includes(source)) return false;
  const key = obs.keys?.[0];
  if (key !== undefined && ex.keys?.some((k) => keyNamespace(k) === keyNamespace(key))) return false;
  if (ex.method.toUpperCase() !== obs.method.toUpperCase()) return false;
  if (withoutFragment(ex.url) !== withoutFragment(obs.url)) return false;
  if (ex.startedAt === 0 || obs.startedAt === 0 || Math.abs(ex.startedAt - obs.startedAt) > MATCH_WINDOW_MS) return false;
  if (ex.status && obs.status && ex.status !== obs.status) return false;
  if (credentialsAgree(ex.requestHeaders, obs.requestHeaders) < 0) return false;
  if (ex.requestBody && obs.requestBody && !bodiesCompatible(ex.requestBody, obs.requestBody)) return false;
  if (responsesDiffer(ex.responseBody, obs.responseBody)) return false;
  const formA = formOf(ex.requestForm, ex.requestBody, ex.requestHeaders);
  const formB = formOf(obs.requestForm, obs.requestBody, obs.requestHeaders);
  return formA === undefined || formB === undefined || formA === formB;
}

/**
 * Merges one observation into a tab's exchanges. Pure: returns the new or updated exchange and its index in
 * `exchanges` (-1 for a new one, which gets `newId()`), and changes nothing it was given.
 *
 * An exchange whose `keys` hold `obs.key` is the same request. Otherwise one of the exchanges with the same
 * method and URL (fragments ignored), a start within {@link MATCH_WINDOW_MS}, compatible statuses (equal, or one
 * unknown or 0), credentials (`Authorization` and `DPoP` request headers: no disagreeing pair), request bodies
 * (equal bytes, a truncated one a prefix of the other, equal forms) and response bodies (two complete ones with
 * equal bytes or equal JSON), that this source has not reported yet and that holds no other key of the same
 * namespace (`wr:1` is never `wr:2`, nor the redirect hop `wr:1#0`): one whose credentials agree first, then
 * the nearest in time, then the first. The merge fills missing parts, prefers what the browser saw over what
 * only the page hook saw (URL, headers, response body), then complete and longer bodies, unions headers by name
 * (within the browser's reports, or within the page hook's), notes and keys, and adds the source to `seenBy` for
 * each part it brought. The result does not depend on the order the observations of one request arrive in.
 *
 * Does not validate the observation (the caller does: page observations are untrusted), does not cap bodies,
 * and never throws for well-typed input, however incomplete: an unknown start time (0, NaN) only matches by key.
 */
export function mergeObservation(exchanges: readonly Exchange[], obs: Observation, newId: () => string): MergeResult {
  const incoming = fromObservation(obs, '');
  let index = obs.key === undefined ? -1 : exchanges.findIndex((ex) => ex.keys?.includes(obs.key as string));
  if (index < 0) {
    let bestAgree = -1;
    let bestDistance = Infinity;
    exchanges.forEach((ex, i) => {
      if (!matches(ex, incoming, obs.source)) return;
      const agree = credentialsAgree(ex.requestHeaders, incoming.requestHeaders);
      const distance = Math.abs(ex.startedAt - incoming.startedAt);
      if (agree > bestAgree || (agree === bestAgree && distance < bestDistance)) {
        bestAgree = agree;
        bestDistance = distance;
        index = i;
      }
    });
  }
  const existing = index < 0 ? undefined : exchanges[index];
  if (!existing) return { exchange: { ...incoming, id: newId() }, index: -1 };
  return { exchange: combine(existing, incoming), index };
}
