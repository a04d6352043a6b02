/** Redacting JSON text in place: only the values that must change are rewritten. */
import { leftHalfHash } from '../jwt/hashes.js';
import { scanJsonLiterals, type JsonLiteral, type JsonPath } from './redact-json-scan.js';
import { nameClass } from './redact-names.js';
import type { JwtContext, Redactor } from './redact-types.js';

/** JWK members that hold private or symmetric key material (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
export const PRIVATE_JWK: ReadonlySet<string> = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']);

/**
 * The at_hash of the redacted access token, when `value` is the true at_hash of an access token seen in the
 * capture; else undefined. A wrong at_hash stays as it was: the finding it causes must survive redaction.
 */
async function atHash(r: Redactor, value: string, jwt: JwtContext): Promise<string | undefined> {
  if (!jwt.alg) return undefined;
  const accessToken = await r.accessTokenFor(value, jwt.alg);
  if (accessToken === undefined) return undefined;
  return leftHalfHash(await r.token(accessToken), jwt.alg);
}

/**
 * Whether a name on the path, or one above it, is personal; memoised per node (paths are shared), and iterative, so
 * hostile nesting costs neither time nor stack.
 */
function personalPath(node: JsonPath | undefined, memo: WeakMap<JsonPath, boolean>): boolean {
  const open: JsonPath[] = [];
  let known = false;
  for (let n = node; n; n = n.parent) {
    const hit = memo.get(n);
    if (hit !== undefined) {
      known = hit;
      break;
    }
    open.push(n);
  }
  for (let k = open.length - 1; k >= 0; k--) {
    known = known || nameClass(open[k]!.name) === 'personal';
    memo.set(open[k]!, known);
  }
  return known;
}

/** Numbers of unknown names with this many digits or more are pseudonymised: phone numbers, national ids, PINs. */
const IDENTIFYING_DIGITS = 4;

/** The new value of a number literal under `name`, or undefined to keep it. */
function numberReplacement(r: Redactor, lit: JsonLiteral, name: string | undefined): Promise<string> | undefined {
  const c = name === undefined ? 'unknown' : nameClass(name);
  if (c === 'personal' || c === 'secret' || c === 'token') return c === 'secret' ? Promise.resolve(r.mask(lit.value)) : r.personal(lit.value);
  if (c === 'unknown' && (lit.value.match(/[0-9]/g)?.length ?? 0) >= IDENTIFYING_DIGITS) return r.personal(lit.value);
  return undefined;
}

/** The new value of a literal, or undefined to keep it. */
async function replacement(r: Redactor, lit: JsonLiteral, jwt: JwtContext | undefined, memo: WeakMap<JsonPath, boolean>): Promise<string | undefined> {
  if (lit.type === 'keyword') return undefined;
  const name = lit.path?.name;
  // Everything under a personal member (an address, user_claims, all_phone_numbers) is personal.
  if (personalPath(lit.path?.parent, memo)) return r.personal(lit.value);
  if (lit.type === 'number') return numberReplacement(r, lit, name);
  if (name === undefined) return r.loose(lit.value);
  if (PRIVATE_JWK.has(name) && lit.object?.names.has('kty')) return r.mask(lit.value);
  if (name === 'at_hash' && jwt) return atHash(r, lit.value, jwt);
  // A top-level `id` is the user's id in some userinfo responses (BirID).
  if (name === 'id' && lit.path?.depth === 1) return r.personal(lit.value);
  return r.named(name, lit.value);
}

/** The literal's new text: a number replaced by digits stays a number; a string stays open when the text ended inside it. */
function literalText(lit: JsonLiteral, value: string): string {
  if (lit.type === 'number' && /^-?[0-9]+$/.test(value)) return value;
  const text = JSON.stringify(value);
  return lit.open ? text.slice(0, -1) : text;
}

/**
 * JSON text with its values redacted where they stand (see {@link Redactor} for what each kind of value becomes):
 * members of personal names and everything under them replaced (see {@link Redactor.personal}), secrets masked,
 * tokens redacted, private JWK members masked, other strings judged by their name and shape (see
 * `redactNamed`: strings that are JSON, URLs, forms or base64 are redacted inside; values of unknown names are
 * pseudonymised, and so are their numbers of 4 digits or more). `jwt` is given
 * for a JWS payload, so that a true `at_hash` stays true (computed over the redacted access token). Formatting, member order, duplicate names and untouched
 * numbers are kept; truncated or broken JSON is redacted as far as it can be scanned. Never throws.
 */
export async function redactJsonText(r: Redactor, text: string, jwt?: JwtContext): Promise<string> {
  const literals = scanJsonLiterals(text);
  const memo = new WeakMap<JsonPath, boolean>();
  const values = await Promise.all(literals.map((lit) => replacement(r, lit, jwt, memo)));
  let out = '';
  let at = 0;
  literals.forEach((lit, i) => {
    const value = values[i];
    if (value === undefined || value === lit.value) return;
    out += text.slice(at, lit.start) + literalText(lit, value);
    at = lit.end;
  });
  return at === 0 ? text : out + text.slice(at);
}
