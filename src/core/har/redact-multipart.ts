/** Redacting a `multipart/form-data` body (RFC 7578) part by part. */
import type { Redactor } from './redact-types.js';

/** The boundary named by a Content-Type, or the one the body starts with. */
function boundaryOf(text: string, contentType: string): string | undefined {
  const named = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (named) return named[1] ?? named[2];
  const first = /^--([^\r\n]{1,200})\r?\n/.exec(text);
  return first?.[1];
}

/** A header parameter of a part (`name`, `filename`), unquoted. */
function parameter(headers: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${name}=([^;\\s]+)`, 'i').exec(headers);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** One part (what lies between two delimiter lines): its field value redacted by its name, a file's content masked. */
async function redactPart(r: Redactor, part: string): Promise<string> {
  const split = /\r?\n\r?\n/.exec(part);
  if (!split) return r.text(part);
  const headers = part.slice(0, split.index);
  const bodyStart = split.index + split[0].length;
  const trailing = /\r?\n$/.exec(part.slice(bodyStart))?.[0] ?? '';
  const body = part.slice(bodyStart, part.length - trailing.length);
  const disposition = /^content-disposition:[^\r\n]*/im.exec(headers)?.[0] ?? '';
  const name = parameter(disposition, 'name');
  const filename = parameter(disposition, 'filename');
  let outHeaders = headers;
  if (filename !== undefined && filename !== '') outHeaders = headers.replace(filename, await r.named('filename', filename));
  let outBody: string;
  if (filename !== undefined) outBody = body === '' ? body : r.mask(body);
  else outBody = name === undefined ? await r.text(body) : await r.named(name, body);
  return outHeaders + split[0] + outBody + trailing;
}

/**
 * A `multipart/form-data` body with each field's value redacted by its field name (see `redactNamed`: a password
 * masked, a token redacted, an unknown field pseudonymised) and each file's content masked (its file name
 * redacted as an unknown value). Delimiters, part headers and line breaks are kept. Undefined when no boundary is
 * found (the caller redacts the text as free text and notes it). Does not decode `Content-Transfer-Encoding`.
 */
export async function redactMultipart(r: Redactor, text: string, contentType: string): Promise<string | undefined> {
  const boundary = boundaryOf(text, contentType);
  if (boundary === undefined) return undefined;
  const delimiter = `--${boundary}`;
  const pieces = text.split(delimiter);
  if (pieces.length < 2) return undefined;
  const out = await Promise.all(
    pieces.map(async (piece, i) => {
      // Before the first delimiter: the preamble; after the last (`--`): the epilogue. Both are free text.
      if (i === 0) return r.text(piece);
      if (piece.startsWith('--')) return `--${await r.text(piece.slice(2))}`;
      const lineEnd = /^[ \t]*\r?\n/.exec(piece)?.[0] ?? '';
      return lineEnd + (await redactPart(r, piece.slice(lineEnd.length)));
    }),
  );
  return out.join(delimiter);
}
