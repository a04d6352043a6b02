/** The form a request sent, as the classifier reads it. */
import type { Exchange } from '../model.js';
import { bodyText } from '../util/body.js';
import { parseForm } from '../util/form.js';
import { firstValues, headerMap } from './http.js';

/** The parts of an exchange the request form is read from. */
export type FormSource = Pick<Exchange, 'requestForm' | 'requestBody'> & { requestHeaders?: Exchange['requestHeaders'] };

/**
 * The first value of each field of the request's form: the parsed form when a source gave one, else a raw body
 * declared `application/x-www-form-urlencoded` (by the Content-Type header or the body's MIME type) parsed.
 * Undefined when the request sent no form. Does not read multipart bodies or JSON.
 */
export function requestFormOf(ex: FormSource): Record<string, string> | undefined {
  if (ex.requestForm) return firstValues(ex.requestForm);
  const body = ex.requestBody;
  if (!body) return undefined;
  const ct = headerMap(ex.requestHeaders ?? [])['content-type'] ?? body.mimeType ?? '';
  if (!/application\/x-www-form-urlencoded/i.test(ct)) return undefined;
  return firstValues(parseForm(bodyText(body).text));
}
