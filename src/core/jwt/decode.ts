import { base64url } from 'jose';
import type { DecodedJwt, TokenProblem } from '../model.js';
import { limitDepth, MAX_JSON_DEPTH } from '../util/json-depth.js';
import { scanJsonText } from '../util/json-names.js';
import { isJsonObject } from '../util/json-lenient.js';

const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** base64url segments joined by dots: no whitespace, padding or other alphabet anywhere. */
const COMPACT = /^[A-Za-z0-9_.-]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True when a string has the shape of a compact JWS or JWE (3 or 5 base64url segments, JSON header). */
export function looksLikeJwt(value: string): boolean {
  if (value.length < 10 || value.charCodeAt(0) !== 0x65 /* e */ || value.charCodeAt(1) !== 0x79 /* y */) return false;
  const dots = value.split('.').length - 1;
  return (dots === 2 || dots === 4) && /^[A-Za-z0-9_\-.=]+$/.test(value);
}

function segmentProblem(segment: string, part: TokenProblem['part']): TokenProblem | undefined {
  if (BASE64URL.test(segment)) return undefined;
  if (/=+$/.test(segment) && BASE64URL.test(segment.replace(/=+$/, ''))) {
    return { rule: 'jws-parse', part, message: `the ${part} segment has base64 padding ("="), which base64url in JWS forbids` };
  }
  if (/[+/]/.test(segment)) {
    return { rule: 'jws-parse', part, message: `the ${part} segment uses the base64 alphabet ("+" or "/"), not base64url` };
  }
  return { rule: 'jws-parse', part, message: `the ${part} segment has characters outside base64url` };
}

/** Decodes a segment to a JSON object, adding a problem for each way it fails. */
function decodeJsonSegment(segment: string, part: 'header' | 'payload', problems: TokenProblem[], clean: boolean): Record<string, unknown> | undefined {
  if (part === 'header') return decodeHeader(segment, problems, clean);
  return decodeSegment(segment, part, problems, clean);
}

/**
 * Headers repeat across the tokens of an issuer (a few algs and kids), so their decoding is memoised.
 * Decoded headers are shared between artifacts: nothing may mutate them.
 */
const headerCache = new Map<string, { header: Record<string, unknown> | undefined; problems: TokenProblem[] }>();

function decodeHeader(segment: string, problems: TokenProblem[], clean: boolean): Record<string, unknown> | undefined {
  let hit = headerCache.get(segment);
  if (!hit) {
    const own: TokenProblem[] = [];
    hit = { header: decodeSegment(segment, 'header', own, clean), problems: own };
    if (headerCache.size >= 1024) headerCache.clear();
    headerCache.set(segment, hit);
  }
  for (const p of hit.problems) problems.push(p);
  return hit.header;
}

/** `clean`: the whole token is known to be base64url segments, so the alphabet need not be checked again. */
function decodeSegment(segment: string, part: 'header' | 'payload', problems: TokenProblem[], clean: boolean): Record<string, unknown> | undefined {
  if (segment.length === 0) {
    problems.push({ rule: 'jws-parse', part, message: `the ${part} segment is empty` });
    return undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(clean || BASE64URL.test(segment) ? segment : segment.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
  } catch {
    problems.push({ rule: 'jws-parse', part, message: `the ${part} segment is not base64url-decodable` });
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    problems.push({ rule: 'jws-parse', part, message: `the ${part} is not valid UTF-8` });
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    problems.push({ rule: 'jws-parse', part, message: `the ${part} is not valid JSON: ${reason}` });
    return undefined;
  }
  if (!isJsonObject(value)) {
    problems.push({ rule: 'jws-parse', part, message: `the ${part} is JSON but not an object` });
    return undefined;
  }
  const scan = scanJsonText(text, value);
  for (const name of scan.duplicates) {
    problems.push({ rule: 'jws-dup-names', part, name, message: `the ${part} has the name ${JSON.stringify(name)} more than once` });
  }
  if (scan.depth <= MAX_JSON_DEPTH) return value;
  const limited = limitDepth(value);
  if (limited.truncated) {
    problems.push({ rule: 'jws-parse', part, message: `the ${part} is nested deeper than ${MAX_JSON_DEPTH} levels; deeper parts are not shown or checked` });
  }
  return limited.value;
}

/**
 * Decodes a compact JWS (3 segments) or recognises a JWE (5 segments, header only), and runs the raw
 * checks the rule catalogue needs: segment count, base64url alphabet, padding, whitespace, UTF-8, JSON
 * objects, duplicate names. Never throws: every defect is a {@link TokenProblem} in the result.
 * Does not verify the signature and does not judge `alg` or any claim.
 */
export function decodeJwt(raw: string): DecodedJwt {
  if (typeof raw !== 'string') {
    return { format: 'malformed', segments: [], problems: [{ rule: 'jws-parse', part: 'token', message: 'the token is not a string' }] };
  }
  try {
    return decode(raw);
  } catch (err) {
    // Nothing above is known to throw; this keeps the promise for inputs nobody thought of.
    const reason = err instanceof Error ? err.message : String(err);
    return { format: 'malformed', segments: [], problems: [{ rule: 'jws-parse', part: 'token', message: `the token could not be decoded (${reason})` }] };
  }
}

function decode(raw: string): DecodedJwt {
  const problems: TokenProblem[] = [];
  let token = raw;
  // The common case, a clean compact token, passes one scan; only other tokens get the detailed checks.
  const clean = COMPACT.test(token);
  if (!clean && /\s/.test(token)) {
    problems.push({ rule: 'jws-parse', part: 'token', message: 'the token contains whitespace' });
    token = token.replace(/\s+/g, '');
  }
  const segments = token.split('.');
  if (segments.length !== 3 && segments.length !== 5) {
    problems.push({
      rule: 'jws-parse',
      part: 'token',
      message: `a compact JWS has 3 segments and a JWE 5; this token has ${segments.length}`,
    });
    return { format: 'malformed', segments, problems };
  }
  const format = segments.length === 3 ? 'jws' : 'jwe';
  const names: TokenProblem['part'][] = format === 'jws' ? ['header', 'payload', 'signature'] : ['header', 'token', 'token', 'token', 'token'];
  if (!clean) {
    segments.forEach((segment, i) => {
      const problem = segmentProblem(segment, names[i] ?? 'token');
      if (problem) problems.push(problem);
    });
  }
  const header = decodeJsonSegment(segments[0]!, 'header', problems, clean);
  const payload = format === 'jws' ? decodeJsonSegment(segments[1]!, 'payload', problems, clean) : undefined;
  const result: DecodedJwt = { format, segments, problems };
  if (header) result.header = header;
  if (payload) result.payload = payload;
  return result;
}
