/** Reading a HAR `postData` into a request body and form. */
import type { Body } from '../model.js';
import { appendFormValue, decodeFormComponent, parseForm } from '../util/form.js';
import { brief, isRecord, nonEmpty, str } from './read.js';

/** The request body and form read from a `postData`; each absent when the HAR has none. */
export interface RequestBodyRead {
  body?: Body;
  form?: Record<string, string[]>;
}

/** Comments that say the exporter kept only part of a body, or none (Firefox: "Request bodies are not included."). */
const PARTIAL = /truncat|not included|discard/i;

function formFromParams(params: unknown[], decode: boolean): Record<string, string[]> | undefined {
  const form: Record<string, string[]> = {};
  let any = false;
  for (const p of params) {
    if (!isRecord(p) || typeof p.name !== 'string') continue;
    const value = typeof p.value === 'string' ? p.value : '';
    appendFormValue(form, decode ? decodeFormComponent(p.name) : p.name, decode ? decodeFormComponent(value) : value);
    any = true;
  }
  return any ? form : undefined;
}

/**
 * The request body (`postData.text`, kept as is) and form of a HAR `postData`. The form is parsed from the text
 * when the body is `application/x-www-form-urlencoded` (the text is what was sent: Chrome and Firefox write their
 * `params` differently, see below); else it comes from `postData.params`. `paramsAsSent` says the exporter wrote
 * param values as sent, percent-encoded (Chrome: `redirect_uri=https%3A%2F%2F...`, `scope=openid+profile`), so they
 * are decoded; Firefox and most other tools write them decoded, and they are taken as they are.
 * What is missing goes to `notes`, what is broken to `warn`. Does not parse multipart bodies and does not decode
 * base64.
 */
export function readPostData(
  postData: unknown,
  contentType: string | undefined,
  paramsAsSent: boolean,
  notes: string[],
  warn: (message: string) => void,
): RequestBodyRead {
  const out: RequestBodyRead = {};
  if (postData === undefined || postData === null) return out;
  if (!isRecord(postData)) {
    warn(`request.postData is ${brief(postData)}, not an object; ignored`);
    return out;
  }
  const mimeType = nonEmpty(postData.mimeType);
  const text = str(postData.text);
  const comment = str(postData.comment)?.slice(0, 200);
  if (text !== undefined && text.length > 0) {
    const body: Body = { text };
    if (postData._encoding === 'base64') body.encoding = 'base64';
    if (mimeType) body.mimeType = mimeType;
    if (comment && PARTIAL.test(comment)) body.truncated = true;
    out.body = body;
  } else if (comment && PARTIAL.test(comment)) {
    notes.push('request body not in the HAR');
  }
  const type = (mimeType ?? contentType ?? '').toLowerCase();
  const urlencoded = type.includes('application/x-www-form-urlencoded');
  if (out.body && urlencoded && out.body.encoding !== 'base64') {
    out.form = parseForm(out.body.text);
  } else if (Array.isArray(postData.params) && postData.params.length > 0) {
    const form = formFromParams(postData.params, paramsAsSent && !type.includes('multipart/'));
    if (form) out.form = form;
  }
  return out;
}
