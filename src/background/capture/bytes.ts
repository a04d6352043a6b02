/** Bytes a capture source received, as a {@link Body}: joined, capped, decoded as text or kept as base64. */
import type { Body } from '../../core/model.js';
import { charsetOf } from '../../core/util/charset.js';

/** The most body bytes a capture source keeps per request (the rest is passed on but not copied). */
export const MAX_BODY_BYTES = 512 * 1024;

/** The chunks as one array, in order. Does not cap the size. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Standard base64 (with padding) of the bytes. Does not wrap lines. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // fromCharCode takes its arguments on the stack: 32K per call stays far below every engine's limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function decoderFor(charset: string | undefined): TextDecoder {
  try {
    return new TextDecoder(charset ?? 'utf-8', { fatal: true });
  } catch {
    // An unknown charset label: read it as UTF-8, which is what browsers do for JSON anyway.
    return new TextDecoder('utf-8', { fatal: true });
  }
}

/**
 * The bytes as a Body: text decoded with the charset of `contentType` (UTF-8 when none or unknown), or base64
 * (`encoding: 'base64'`) when the bytes are not valid in that charset. `truncated` says the bytes are only the
 * start of the body: an incomplete last character is then dropped instead of making the whole body base64.
 * `mimeType` is the Content-Type as given. Never throws. Does not decompress and does not sniff charsets.
 */
export function bytesToBody(bytes: Uint8Array, contentType: string | undefined, truncated = false): Body {
  let body: Body;
  try {
    body = { text: decoderFor(charsetOf(contentType)).decode(bytes, { stream: truncated }) };
  } catch {
    body = { text: bytesToBase64(bytes), encoding: 'base64' };
  }
  if (contentType) body.mimeType = contentType;
  if (truncated) body.truncated = true;
  return body;
}
