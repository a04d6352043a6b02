/** What the page hook can tell about a request body given to fetch or XMLHttpRequest.send. */
import type { Body } from '../../core/model.js';
import { appendFormValue } from '../../core/util/form.js';

/** Characters of request or response text the hook keeps (more is marked truncated). */
export const MAX_HOOK_TEXT = 512 * 1024;

/** The captured body and form, or a note saying why there is none. */
export interface HookRequestBody {
  body?: Body;
  form?: Record<string, string[]>;
  note?: string;
}

const URLENCODED = 'application/x-www-form-urlencoded;charset=UTF-8';

/** The internal class of a value, also across frames and when the page replaced a global constructor. */
export function classOf(value: unknown): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

function textBody(text: string, mimeType?: string): Body {
  const body: Body = text.length > MAX_HOOK_TEXT ? { text: text.slice(0, MAX_HOOK_TEXT), truncated: true } : { text };
  if (mimeType) body.mimeType = mimeType;
  return body;
}

function formOf(entries: Iterable<[string, unknown]>): { form: Record<string, string[]>; files: boolean } {
  const form: Record<string, string[]> = {};
  let files = false;
  for (const [name, value] of entries) {
    if (typeof value === 'string') appendFormValue(form, name, value);
    else files = true;
  }
  return { form, files };
}

/**
 * A request body as the hook sees it: strings as they are; URLSearchParams as the url-encoded text the browser
 * sends (with its MIME type) and as a form; FormData as a form of its text fields (files noted); other kinds
 * (Blob, buffers, streams, documents) only as a note. Text beyond {@link MAX_HOOK_TEXT} is cut (`truncated`).
 * Never throws. Does not read blobs or streams (that would be asynchronous and could consume them).
 */
export function describeRequestBody(body: unknown): HookRequestBody {
  try {
    if (body === undefined || body === null) return {};
    if (typeof body === 'string') return { body: textBody(body) };
    const kind = classOf(body);
    if (kind === 'URLSearchParams') {
      const params = body as URLSearchParams;
      return { body: textBody(params.toString(), URLENCODED), form: formOf(params.entries()).form };
    }
    if (kind === 'FormData') {
      const { form, files } = formOf((body as FormData).entries());
      return files ? { form, note: 'request body is multipart form data; file parts not captured' } : { form };
    }
    return { note: `request body (${kind}) not captured by the page hook` };
  } catch {
    return { note: 'request body could not be read by the page hook' };
  }
}
