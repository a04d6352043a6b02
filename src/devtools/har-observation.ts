/**
 * A HAR entry from `devtools.network` (onRequestFinished or getHAR) and its `getContent()` result as an
 * observation of source 'devtools'. Pure; the entry is read with the core HAR importer.
 */
import type { Body } from '../core/model.js';
import type { Observation } from '../core/capture/observation.js';
import { entryToExchange } from '../core/har/import-entry.js';

/** A response body as `getContent` gives it. */
export interface HarContent {
  text: string;
  encoding?: 'base64';
  mimeType?: string;
}

const NO_BODY_NOTE = 'response body not in the HAR';

/** The MIME type the entry gives its response (`content.mimeType`, else the Content-Type header). */
function responseMimeType(entry: unknown): string | undefined {
  const response = (entry as { response?: { content?: { mimeType?: unknown }; headers?: unknown } }).response;
  const declared = response?.content?.mimeType;
  if (typeof declared === 'string' && declared !== '' && declared !== 'x-unknown') return declared;
  if (!Array.isArray(response?.headers)) return undefined;
  for (const h of response.headers as unknown[]) {
    const { name, value } = (h ?? {}) as { name?: unknown; value?: unknown };
    if (typeof name === 'string' && name.toLowerCase() === 'content-type' && typeof value === 'string') return value;
  }
  return undefined;
}

function fromPair(content: unknown, second: unknown): HarContent | undefined {
  if (typeof content !== 'string') return undefined;
  const out: HarContent = { text: content };
  if (typeof second === 'string') {
    if (second.toLowerCase() === 'base64') out.encoding = 'base64';
    else if (second.includes('/')) out.mimeType = second;
  }
  return out;
}

/**
 * The content from whatever `getContent` produced, as the arguments its callback got or `[value]` of its promise:
 * Chrome's `(content, encoding)` or `{ content, encoding }`, Firefox's `[content, mimeType]`. Undefined when there
 * is no content (null, missing, anything else). Never throws.
 */
export function contentFromResult(args: readonly unknown[]): HarContent | undefined {
  const [first, second] = args;
  if (Array.isArray(first)) return contentFromResult(first);
  if (typeof first === 'object' && first !== null) {
    const { content, encoding, mimeType } = first as { content?: unknown; encoding?: unknown; mimeType?: unknown };
    const out = fromPair(content, encoding);
    if (out && typeof mimeType === 'string' && mimeType.includes('/')) out.mimeType = mimeType;
    return out;
  }
  return fromPair(first, second);
}

/** Options of {@link harEntryToObservation}. */
export interface HarObservationOptions {
  /** The exporter writes `postData.params` percent-encoded as sent (Chrome DevTools does). */
  paramsAsSent: boolean;
  /** The start time to use when the entry's `startedDateTime` is unreadable (milliseconds). */
  now: number;
}

/**
 * The observation of one HAR entry (source 'devtools', no key), with `content` (from `getContent`) as the
 * response body when given, replacing the entry's own `content.text`. Undefined when the entry has no request
 * URL. Notes say what is missing. Never throws. Does not filter by domain and does not decode bodies.
 */
export function harEntryToObservation(
  entry: unknown,
  content: HarContent | undefined,
  options: HarObservationOptions,
): Observation | undefined {
  let ex;
  try {
    ex = entryToExchange(entry, 0, { paramsAsSent: options.paramsAsSent, previousStart: options.now, warn: () => undefined });
  } catch {
    return undefined;
  }
  if (!ex) return undefined;
  const obs: Observation = { source: 'devtools', method: ex.method, url: ex.url, startedAt: ex.startedAt };
  if (ex.endedAt !== undefined) obs.endedAt = ex.endedAt;
  if (ex.seenBy.requestHeaders) obs.requestHeaders = ex.requestHeaders;
  if (ex.requestBody) obs.requestBody = ex.requestBody;
  if (ex.requestForm) obs.requestForm = ex.requestForm;
  if (ex.status !== undefined) obs.status = ex.status;
  if (ex.statusText) obs.statusText = ex.statusText;
  if (ex.seenBy.responseHeaders) obs.responseHeaders = ex.responseHeaders;
  if (ex.redirectUrl) obs.redirectUrl = ex.redirectUrl;
  let notes = ex.notes ?? [];
  if (content) {
    const body: Body = { text: content.text };
    if (content.encoding) body.encoding = content.encoding;
    const mimeType = content.mimeType ?? responseMimeType(entry);
    if (mimeType) body.mimeType = mimeType;
    obs.responseBody = body;
    notes = notes.filter((n) => n !== NO_BODY_NOTE);
  } else if (ex.responseBody) {
    obs.responseBody = ex.responseBody;
  }
  if (notes.length > 0) obs.notes = notes;
  return obs;
}
