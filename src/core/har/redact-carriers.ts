/**
 * Recognising and undoing the encodings a value can travel in (percent-encoding, base64 and base64url), so that
 * redaction judges what is inside and writes it back in the same encoding.
 */
import { base64url } from 'jose';
import { decodeFormComponent } from '../util/form.js';

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;
/** Base64 or base64url text, padded or not: the only characters either alphabet uses. */
const BASE64ISH = /^[A-Za-z0-9+/_-]+={0,2}$/;
/** Shortest base64 text looked into: shorter ones decode to a handful of bytes that hide nothing. */
const MIN_BASE64 = 8;
// eslint-disable-next-line no-control-regex -- control characters (other than tab and line breaks) mark bytes that are not text
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The value percent-decoded once (`+` kept), or undefined when it holds no percent escape. Never throws. */
export function percentDecoded(value: string): string | undefined {
  if (!PERCENT_ESCAPE.test(value)) return undefined;
  const decoded = decodeFormComponent(value.replaceAll('+', '%2B'));
  return decoded === value ? undefined : decoded;
}

/** How a base64 text was written, to write a replacement the same way. */
export interface Base64Text {
  /** The decoded UTF-8 text. */
  text: string;
  /** `+` and `/` (base64) rather than `-` and `_` (base64url). */
  standard: boolean;
  padded: boolean;
}

/**
 * The text inside a base64 or base64url value, when the value decodes to UTF-8 text with no control characters
 * (random bytes almost never do); undefined for anything else, and for values shorter than 8 characters. Spaces
 * are read as `+` (what form decoding makes of an unescaped `+`).
 */
export function base64Text(written: string): Base64Text | undefined {
  // A base64 `+` that went through form decoding unescaped became a space.
  const value = written.includes(' ') ? written.replaceAll(' ', '+') : written;
  if (value.length < MIN_BASE64 || !BASE64ISH.test(value)) return undefined;
  const standard = /[+/]/.test(value);
  if (standard && /[-_]/.test(value)) return undefined;
  const bare = value.replace(/=+$/, '');
  if (bare.length % 4 === 1) return undefined;
  let text: string;
  try {
    text = utf8.decode(base64url.decode(standard ? bare.replaceAll('+', '-').replaceAll('/', '_') : bare));
  } catch {
    return undefined;
  }
  if (text.length === 0 || NOT_TEXT.test(text)) return undefined;
  return { text, standard, padded: bare.length !== value.length };
}

/** `text` encoded as {@link base64Text} found the original: the same alphabet, padded when it was. */
export function encodeBase64Like(text: string, like: Base64Text): string {
  let out = base64url.encode(new TextEncoder().encode(text));
  if (like.standard) out = out.replaceAll('-', '+').replaceAll('_', '/');
  if (like.padded) out += '='.repeat((4 - (out.length % 4)) % 4);
  return out;
}
