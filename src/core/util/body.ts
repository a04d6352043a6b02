/** Reading a captured body as text. */
import { base64url } from 'jose';
import type { Body } from '../model.js';
import { charsetOf } from './charset.js';
import { invalidUtf8Bytes } from './utf8.js';

/** A body as text, and what was wrong with it. */
export interface BodyText {
  text: string;
  /** What did not go well (e.g. `response body is not valid UTF-8: 2 bytes replaced`). Empty when all was fine. */
  notes: string[];
}

/** Which side of the exchange a body belongs to; only used in the wording of notes. */
export type BodyPart = 'request' | 'response';

const MAX_LABEL = 40;

/** Decodes standard or URL-safe base64, padded or not, with line breaks or not; undefined when it is not base64. */
function base64Bytes(text: string): Uint8Array | undefined {
  // jose decodes base64url: map the standard alphabet onto it and drop padding and whitespace (MIME line breaks).
  const url = text.replace(/[+/=\s]/g, (c) => (c === '+' ? '-' : c === '/' ? '_' : ''));
  try {
    return base64url.decode(url);
  } catch {
    return undefined;
  }
}

/** A decoder for a declared charset other than UTF-8; undefined means "decode as UTF-8". */
function legacyDecoder(charset: string | undefined, part: BodyPart, notes: string[]): TextDecoder | undefined {
  if (charset === undefined) return undefined;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    notes.push(`${part} body declares the unknown charset "${charset.slice(0, MAX_LABEL)}"; decoded as UTF-8`);
    return undefined;
  }
  return decoder.encoding === 'utf-8' ? undefined : decoder;
}

function decodeUtf8(bytes: Uint8Array, part: BodyPart, notes: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = invalidUtf8Bytes(bytes);
    notes.push(`${part} body is not valid UTF-8: ${bad} byte${bad === 1 ? '' : 's'} replaced`);
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * The body as text. A base64 body is decoded to bytes and the bytes read with the charset of `contentType`
 * (default: `body.mimeType`) when `TextDecoder` knows it, else as UTF-8 (invalid bytes become U+FFFD, with a note
 * saying how many). A text body is returned as captured. A truncated body gets a note. Never throws; caches
 * nothing. Does not sniff charsets, does not decompress, and does not look at what the text contains.
 */
export function bodyText(body: Body, contentType?: string, part: BodyPart = 'response'): BodyText {
  const notes: string[] = [];
  if (body === null || typeof body !== 'object' || typeof body.text !== 'string') {
    return { text: '', notes: [`${part} body has no text`] };
  }
  if (body.truncated === true) notes.push(`${part} body is truncated: only part of it was captured`);
  if (body.encoding !== 'base64') return { text: body.text, notes };
  const bytes = base64Bytes(body.text);
  if (!bytes) {
    notes.push(`${part} body is marked base64 but is not valid base64; shown as captured`);
    return { text: body.text, notes };
  }
  const declared = typeof contentType === 'string' ? contentType : body.mimeType;
  const decoder = legacyDecoder(charsetOf(declared), part, notes);
  const text = decoder ? decoder.decode(bytes) : decodeUtf8(bytes, part, notes);
  return { text, notes };
}
