/** Redacting one token: what a JWS, a JWE or an opaque token becomes in a redacted export. */
import { base64url } from 'jose';
import { looksLikeJwt } from '../jwt/decode.js';
import type { Redactor } from './redact-types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a base64url segment, or undefined when it is not base64url of UTF-8. */
function segmentText(segment: string): string | undefined {
  try {
    return utf8.decode(base64url.decode(segment));
  } catch {
    return undefined;
  }
}

function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The segment of `text` redacted as JSON, unchanged (byte for byte) when redaction changed nothing. */
async function redactSegment(r: Redactor, segment: string, text: string, alg?: string): Promise<string> {
  const redacted = await r.json(text, alg ? { alg } : undefined);
  return redacted === text ? segment : base64url.encode(new TextEncoder().encode(redacted));
}

/**
 * A token as a redacted export carries it:
 * - a compact JWS becomes `header.payload.`: the signature segment emptied (stripped), personal claims in the
 *   payload replaced by salted hashes (see {@link Redactor.json}), a true `at_hash` recomputed over the redacted
 *   access token; the header is kept (private JWK members in it masked);
 * - a JWE keeps its protected header and has the rest replaced by one salted hash: `header..<hash>..`;
 * - anything else (an opaque token, a JWT whose header is not JSON) becomes `redacted:<hash>`.
 * Our importer and `analyze()` still decode the result (a JWS with an empty signature is reported by alg-none as a
 * stripped signature). Deterministic for one salt. Does not verify anything and does not memoise (the caller does).
 */
export async function redactToken(r: Redactor, raw: string): Promise<string> {
  if (!looksLikeJwt(raw)) return r.hash(raw);
  const segments = raw.split('.');
  const headerText = segmentText(segments[0]!);
  const header = jsonObject(headerText);
  if (!header) return r.hash(raw);
  if (segments.length === 5) {
    r.record('encrypted', raw);
    return `${segments[0]}..${await r.hashCore(raw)}..`;
  }
  r.record('signatures', raw);
  const head = await redactSegment(r, segments[0]!, headerText!);
  const payloadText = segmentText(segments[1]!);
  // A payload that is not a JSON object can't be redacted member by member: nothing of it is kept.
  if (payloadText === undefined || !payloadText.trimStart().startsWith('{')) return `${head}.${await r.hashCore(raw)}.`;
  const alg = typeof header.alg === 'string' ? header.alg : undefined;
  return `${head}.${await redactSegment(r, segments[1]!, payloadText, alg)}.`;
}
