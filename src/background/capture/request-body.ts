/** The `requestBody` of `webRequest.onBeforeRequest` as a captured body and form. */
import type { Body } from '../../core/model.js';
import { appendFormValue } from '../../core/util/form.js';
import { MAX_BODY_BYTES, bytesToBody, concatBytes } from './bytes.js';

/** webRequest's `requestBody`: a parse error, the parsed form, or the raw parts (bytes or a file). */
export interface RawRequestBody {
  error?: string;
  formData?: Record<string, unknown>;
  raw?: readonly { bytes?: unknown; file?: string }[];
}

/** What a request body gave: each part absent when the browser did not report it. */
export interface DecodedRequestBody {
  body?: Body;
  form?: Record<string, string[]>;
  notes: string[];
}

/** Also true for buffers of another realm (Firefox hands details over from the parent process). */
function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return value instanceof ArrayBuffer || Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

function copyForm(formData: Record<string, unknown>): Record<string, string[]> {
  const form: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(formData)) {
    // Browsers give string arrays; a lone string (as some typings claim) is taken as one value.
    const list: unknown[] = Array.isArray(values) ? values : [values];
    for (const value of list) if (typeof value === 'string') appendFormValue(form, name, value);
  }
  return form;
}

/**
 * The body webRequest reports: `formData` (url-encoded or multipart forms, which the browser parsed) becomes the
 * form; `raw` bytes become the body, as text when they are valid UTF-8 and as base64 otherwise, cut at
 * {@link MAX_BODY_BYTES} (`truncated`); file parts and the browser's `error` become notes. `contentType` (the
 * request's, when known) is kept as the body's MIME type. Never throws. Does not rebuild a text body from
 * `formData` (the exact bytes are unknown then) and does not read files.
 */
export function decodeRequestBody(requestBody: RawRequestBody | null | undefined, contentType?: string): DecodedRequestBody {
  const out: DecodedRequestBody = { notes: [] };
  if (typeof requestBody !== 'object' || requestBody === null) return out;
  if (typeof requestBody.error === 'string') out.notes.push(`request body not available: ${requestBody.error.slice(0, 200)}`);
  if (typeof requestBody.formData === 'object' && requestBody.formData !== null) out.form = copyForm(requestBody.formData);
  if (!Array.isArray(requestBody.raw)) return out;
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (const part of requestBody.raw) {
    if (typeof part?.file === 'string') out.notes.push('request body includes a file upload, not captured');
    const buffer: unknown = part?.bytes;
    if (!isArrayBuffer(buffer) || truncated) continue;
    const room = MAX_BODY_BYTES - size;
    const bytes = new Uint8Array(buffer, 0, Math.min(room, buffer.byteLength));
    if (buffer.byteLength > room) truncated = true;
    chunks.push(bytes);
    size += bytes.length;
  }
  if (chunks.length > 0) out.body = bytesToBody(concatBytes(chunks), contentType, truncated);
  return out;
}
