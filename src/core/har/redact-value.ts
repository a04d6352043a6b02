/**
 * Redacting one value by the name it travels under. Redaction by design: a value is decoded through every carrier
 * it may be wrapped in (JWT, URL, JSON, form, percent-encoding, base64) and judged inside; what is left is kept only
 * when its name is a known-safe protocol field, and pseudonymised otherwise.
 */
import { looksLikeJwt } from '../jwt/decode.js';
import { base64Text, encodeBase64Like, percentDecoded } from './redact-carriers.js';
import { nameClass, normalName } from './redact-names.js';
import type { Redactor } from './redact-types.js';

/** A whole value that is an e-mail address (personal under any name). */
const EMAIL = /^[^\s@/?#:]+@[^\s@/?#:]+\.[A-Za-z]{2,}$/;
/** A URL: absolute with a scheme and authority, or an absolute path. */
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/[^\s]*|\/(?!\/)[^\s]*)$/i;
/** `name=value&...` with no space: a form or a query (a first value with `=` is base64 padding, `ab==`, not a form). */
const FORM_LIKE = /^[^=&\s]+=[^=&\s]*(?:&[^=&\s]+=[^&\s]*)*$/;
/** Base64 segments joined by dots (`<hex>.<base64 JSON>` states, JWT-like blobs that are not JWTs). */
const DOTTED = /^[A-Za-z0-9+/_=-]+(?:\.[A-Za-z0-9+/_=-]+)+$/;
/** Characters that say free text may hold something to redact (an address, a pair, a JWT, a JSON member, an escape). */
const MAY_HOLD = /[@=%"]|eyJ/;
/** How deep carriers are followed (a JWT in JSON in base64 in a query in a URL is five). */
const MAX_DEPTH = 8;
/** Values of unknown names this short are kept: they can't identify anyone or unlock anything. */
const MAX_KEPT_UNKNOWN = 2;

/**
 * A value under a parameter, member or claim name: `code` and PKCE values kept, secrets masked, tokens redacted
 * (see {@link Redactor.token}), personal values pseudonymised, anything else judged by {@link redactUnnamed} (safe
 * protocol fields keep what is left once their carriers are redacted). The empty string stays empty. Access tokens
 * (for the at_hash of ID tokens) and client ids (see {@link Redactor.personal}) are remembered. Does not look at the
 * values beside it.
 */
export async function redactNamed(r: Redactor, name: string, value: string): Promise<string> {
  if (value === '') return value;
  const n = normalName(name);
  if (n === 'clientid' || n === 'azp') r.seenClientId(value);
  switch (nameClass(name)) {
    case 'keep':
      return r.keptOrReplaced(value);
    case 'secret':
      return r.mask(value);
    case 'token':
      if (name.toLowerCase() === 'access_token') r.seenAccessToken(value);
      return r.token(value);
    case 'personal':
      return r.personal(value);
    case 'safe':
      return redactUnnamed(r, value, true);
    default:
      return redactUnnamed(r, value, false);
  }
}

/**
 * A value judged by its shape: a JWT is redacted as a token, an e-mail address pseudonymised, a URL, JSON or form
 * text redacted part by part, percent-encoded or base64 text decoded, redacted inside and encoded again as it was.
 * What is left is a leaf: kept when `safe` (its name is a known protocol field; free text in it is still searched,
 * see {@link Redactor.text}), else pseudonymised (see {@link Redactor.personal}) unless it is one or two characters.
 * Carriers nested deeper than 8 levels are pseudonymised whole.
 */
export async function redactUnnamed(r: Redactor, value: string, safe: boolean, depth = 0): Promise<string> {
  if (value === '') return value;
  if (depth > MAX_DEPTH) return r.personal(value);
  const trimmed = value.trim();
  if (looksLikeJwt(trimmed)) return value.replace(trimmed, await r.token(trimmed));
  if (EMAIL.test(trimmed)) return r.personal(value);
  if (URL_LIKE.test(trimmed)) return r.url(value);
  if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) return r.json(value);
  // Before forms: padded base64 (`ab==`) would read as a form.
  const b64 = base64Text(trimmed);
  if (b64 !== undefined) {
    const inner = await redactUnnamed(r, b64.text, safe, depth + 1);
    if (inner !== b64.text) return encodeBase64Like(inner, b64);
  }
  if (FORM_LIKE.test(trimmed)) return r.params(value);
  if (safe && DOTTED.test(trimmed)) {
    const segments = trimmed.split('.');
    const redacted = await Promise.all(segments.map((segment) => redactUnnamed(r, segment, true, depth + 1)));
    if (redacted.some((x, i) => x !== segments[i])) return value.replace(trimmed, redacted.join('.'));
  }
  const decoded = percentDecoded(value);
  if (decoded !== undefined) {
    const inner = await redactUnnamed(r, decoded, safe, depth + 1);
    return inner === decoded ? value : encodeURIComponent(inner);
  }
  if (safe) return MAY_HOLD.test(value) ? r.text(value) : r.keptOrReplaced(value);
  return value.length <= MAX_KEPT_UNKNOWN ? value : r.personal(value);
}

/** A value whose name says nothing (a top-level JSON string): see {@link redactUnnamed}, not safe. */
export function redactLoose(r: Redactor, value: string): Promise<string> {
  return redactUnnamed(r, value, false);
}
