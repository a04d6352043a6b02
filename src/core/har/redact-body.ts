/** Redacting a request or response body. */
import { looksLikeJwt } from '../jwt/decode.js';
import type { Body } from '../model.js';
import { bodyText, type BodyPart } from '../util/body.js';
import { redactMultipart } from './redact-multipart.js';
import type { Redactor } from './redact-types.js';

/** The redacted body, or a note saying why it was left out. */
export interface BodyRedaction {
  body?: Body;
  note?: string;
}

/** MIME types whose bodies are text. */
const TEXTUAL = /^text\/|json|xml|javascript|ecmascript|x-www-form-urlencoded|multipart\/form-data|jwt|jose/i;
// eslint-disable-next-line no-control-regex -- control characters and replacement characters mark binary bytes
const BINARY = /[\u0000-\u0008\u000e-\u001a\ufffd]/;

async function redactText(r: Redactor, text: string, mimeType: string, where: string): Promise<string> {
  const type = mimeType.toLowerCase();
  if (type.includes('x-www-form-urlencoded')) return r.params(text);
  if (type.includes('multipart/')) {
    const parts = await redactMultipart(r, text, mimeType);
    if (parts !== undefined) return parts;
    r.unparsed(`${where}: a multipart body without a boundary, redacted as free text`);
    return r.text(text);
  }
  const trimmed = text.trim();
  if (looksLikeJwt(trimmed)) {
    const at = text.indexOf(trimmed);
    return text.slice(0, at) + (await r.token(trimmed)) + text.slice(at + trimmed.length);
  }
  if (type.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) return r.json(text);
  // Plain text is read as `name: value` lines, judged like any named value; markup and scripts only for carriers.
  return r.text(text, type === '' || type.startsWith('text/plain'));
}

/**
 * A new body with its content redacted by its type: JSON in place ({@link Redactor.json}), forms parameter by
 * parameter, a bare JWT (`application/jwt`, signed userinfo) as a token, anything else as free text. A base64 body
 * is decoded (with its charset) and written as text when it is text; a binary one is left out, with a note for
 * the exchange. Keeps `mimeType` and `truncated`. `multipart/form-data` is redacted part by part (a body without a boundary as
 * free text, noted as unparsed). Does not decompress.
 */
export async function redactBody(r: Redactor, body: Body, contentType: string | undefined, part: BodyPart, id: string): Promise<BodyRedaction> {
  const mimeType = body.mimeType ?? contentType ?? '';
  let text = body.text;
  if (body.encoding === 'base64') {
    const decoded = bodyText({ ...body, truncated: false }, contentType, part);
    const invalid = decoded.notes.some((n) => /not valid base64/.test(n));
    if (invalid || (!TEXTUAL.test(mimeType) && BINARY.test(decoded.text))) {
      r.record('bodiesLeftOut', `${id} ${part}`);
      if (invalid) r.unparsed(`${id} ${part} body: not valid base64, left out`);
      return { note: `${part} body (${mimeType || 'no type'}, base64) left out by redaction: it is not text` };
    }
    text = decoded.text;
  }
  const out: Body = { text: await redactText(r, text, mimeType, `${id} ${part} body`) };
  if (body.mimeType !== undefined) out.mimeType = body.mimeType;
  if (body.truncated) out.truncated = true;
  return { body: out };
}
