/** Mapping one Exchange to a HAR entry. */
import type { Body, Exchange, Header } from '../model.js';
import { decodeFormComponent } from '../util/form.js';
import { formatIsoTime } from '../util/iso-time.js';
import { base64Size, utf8Size } from './sizes.js';
import type { HarContent, HarEntry, HarHeader, HarPostData, HarPostParam, HarQueryParam, HarRequest, HarResponse } from './types.js';

/** The `content.comment` / `postData.comment` that marks a truncated body; the importer reads it back. */
export const TRUNCATED_COMMENT = 'body truncated by the capture';

const headers = (list: Header[]): HarHeader[] => list.map((h) => ({ name: h.name, value: h.value }));

function bodySize(body: Body): number {
  return body.encoding === 'base64' ? base64Size(body.text) : utf8Size(body.text);
}

/** The query of a URL as decoded name/value pairs, in order (the fragment is not part of it). */
function queryString(url: string): HarQueryParam[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const out: HarQueryParam[] = [];
  for (const pair of query.split('&')) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf('=');
    out.push({
      name: decodeFormComponent(eq < 0 ? pair : pair.slice(0, eq)),
      value: eq < 0 ? '' : decodeFormComponent(pair.slice(eq + 1)),
    });
  }
  return out;
}

function postData(ex: Exchange): HarPostData | undefined {
  const body = ex.requestBody;
  if (!body && !ex.requestForm) return undefined;
  // No body but a form: the form was sent urlencoded (webRequest reports multipart forms the same way; rare here).
  const mimeType = body ? (body.mimeType ?? '') : 'application/x-www-form-urlencoded';
  const pd: HarPostData = { mimeType, text: body?.text ?? '' };
  if (body?.encoding === 'base64') pd._encoding = 'base64';
  if (body?.truncated) pd.comment = TRUNCATED_COMMENT;
  if (ex.requestForm) {
    const params: HarPostParam[] = [];
    for (const [name, values] of Object.entries(ex.requestForm)) for (const value of values) params.push({ name, value });
    pd.params = params;
  }
  return pd;
}

function request(ex: Exchange): HarRequest {
  const req: HarRequest = {
    method: ex.method,
    url: ex.url,
    httpVersion: ex.requestHeaders.some((h) => h.name.startsWith(':')) ? 'http/2.0' : '',
    cookies: [],
    headers: headers(ex.requestHeaders),
    queryString: queryString(ex.url),
    headersSize: -1,
    bodySize: ex.requestBody ? bodySize(ex.requestBody) : 0,
  };
  const pd = postData(ex);
  if (pd) req.postData = pd;
  return req;
}

function content(body: Body | undefined): HarContent {
  if (!body) return { size: 0, mimeType: 'x-unknown' };
  const c: HarContent = { size: bodySize(body), mimeType: body.mimeType ?? 'x-unknown', text: body.text };
  if (body.encoding === 'base64') c.encoding = 'base64';
  if (body.truncated) c.comment = TRUNCATED_COMMENT;
  return c;
}

function response(ex: Exchange): HarResponse {
  return {
    status: ex.status ?? 0,
    statusText: ex.statusText ?? '',
    httpVersion: '',
    cookies: [],
    headers: headers(ex.responseHeaders),
    content: content(ex.responseBody),
    redirectURL: ex.redirectUrl ?? '',
    headersSize: -1,
    bodySize: -1,
  };
}

/**
 * The HAR entry of an Exchange: bodies as they are (base64 stays base64 with `encoding`), times to the
 * millisecond, `time` -1 when the end is unknown, the exchange's notes in `_notes`. Does not redact, does not
 * write cookies, timings (beyond the required fields) or sizes of headers.
 */
export function exchangeToEntry(ex: Exchange): HarEntry {
  const started = Number.isFinite(ex.startedAt) ? ex.startedAt : 0;
  const ended = ex.endedAt;
  const time = typeof ended === 'number' && Number.isFinite(ended) && ended >= started ? ended - started : -1;
  const entry: HarEntry = {
    startedDateTime: formatIsoTime(started),
    time,
    request: request(ex),
    response: response(ex),
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: Math.max(time, 0), receive: 0, ssl: -1 },
  };
  entry._notes = ex.notes ? [...ex.notes] : [];
  return entry;
}
