/** Redacting parameters: URL queries and fragments, form bodies and parsed forms. */
import { looksLikeJwt } from '../jwt/decode.js';
import { appendFormValue, decodeFormComponent } from '../util/form.js';
import { percentDecoded } from './redact-carriers.js';
import { redactJwtsIn } from './redact-text.js';
import { redactUnnamed } from './redact-value.js';
import type { Redactor } from './redact-types.js';

interface Pair {
  raw: string;
  rawName: string;
  name: string;
  value?: string;
}

function pairOf(raw: string): Pair {
  const eq = raw.indexOf('=');
  if (eq < 0) return { raw, rawName: raw, name: decodeFormComponent(raw) };
  const rawName = raw.slice(0, eq);
  return { raw, rawName, name: decodeFormComponent(rawName), value: decodeFormComponent(raw.slice(eq + 1)) };
}

/**
 * `name=value&...` text (`application/x-www-form-urlencoded`, a query, a fragment) with every value redacted by
 * its name (see {@link Redactor.named}) and written back percent-encoded; pairs that did not change keep their exact
 * text, order and separators. A name without `=` is redacted only if it is a JWT. Does not decode `+` in what it
 * keeps and does not sort or merge names.
 */
export async function redactParamText(r: Redactor, text: string): Promise<string> {
  if (text === '') return text;
  const pairs = text.split('&').map(pairOf);
  const out = await Promise.all(
    pairs.map(async (p) => {
      if (p.value === undefined) return redactJwtsIn(r, p.raw);
      const value = await r.named(p.name, p.value);
      return value === p.value ? p.raw : `${p.rawName}=${encodeURIComponent(value)}`;
    }),
  );
  return out.join('&');
}

/** A fragment: parameters (`#id_token=...&state=...`), a route with a query (`#/cb?code=...`), or anything else. */
async function redactFragment(r: Redactor, fragment: string): Promise<string> {
  const q = fragment.indexOf('?');
  if (q >= 0) return `${await redactPath(r, fragment.slice(0, q))}?${await redactParamText(r, fragment.slice(q + 1))}`;
  if (fragment.includes('=')) return redactParamText(r, fragment);
  const decoded = percentDecoded(fragment);
  if (decoded !== undefined) {
    // `#%7B%22access_token%22...`: JSON or a query, percent-encoded.
    const inner = await redactUnnamed(r, decoded, true);
    if (inner !== decoded) return encodeURIComponent(inner);
  }
  return redactPath(r, fragment);
}

/** Scheme and authority of an absolute URL. */
const AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i;
/** A path segment that is a long run of digits (with phone separators): a phone number or a national id. */
const DIGIT_ID = /^\+?[0-9][0-9 .-]{5,}$/;

/** `user:password@` of an authority: the user pseudonymised (a client id kept), the password masked. */
async function redactUserinfo(r: Redactor, userinfo: string): Promise<string> {
  const colon = userinfo.indexOf(':');
  const user = decodeFormComponent(colon < 0 ? userinfo : userinfo.slice(0, colon));
  const redactedUser = user === '' ? '' : encodeURIComponent(await r.personal(user));
  return colon < 0 ? redactedUser : `${redactedUser}:${encodeURIComponent(r.mask(decodeFormComponent(userinfo.slice(colon + 1))))}`;
}

/**
 * One path segment: a JWT redacted as a token, an e-mail address (also percent-encoded) or a long digit id
 * pseudonymised, a value replaced elsewhere in the capture replaced the same way, JWTs inside it redacted; anything
 * else kept, for the path names the endpoint.
 */
async function redactSegment(r: Redactor, segment: string): Promise<string> {
  if (segment === '') return segment;
  const decoded = percentDecoded(segment) ?? segment;
  if (looksLikeJwt(decoded)) return r.token(decoded);
  if (decoded.includes('@') || DIGIT_ID.test(decoded)) return encodeURIComponent(await r.personal(decoded));
  // A value replaced elsewhere (a sub in `/users/<sub>`, a token in a magic link) is replaced here too.
  const known = r.keptOrReplaced(decoded);
  if (known !== decoded) return encodeURIComponent(known);
  return redactJwtsIn(r, segment);
}

/** A path, segment by segment; `;name=value` matrix parameters redacted by their names. */
async function redactPath(r: Redactor, path: string): Promise<string> {
  const segments = await Promise.all(
    path.split('/').map(async (segment) => {
      const semi = segment.indexOf(';');
      if (semi < 0 || !segment.includes('=', semi)) return redactSegment(r, segment);
      const params = await Promise.all(segment.slice(semi + 1).split(';').map((p) => redactParamText(r, p)));
      return [await redactSegment(r, segment.slice(0, semi)), ...params].join(';');
    }),
  );
  return segments.join('/');
}

/**
 * A URL, absolute or relative (a `Location`, a `:path`), with a password in its userinfo masked and the user
 * pseudonymised, e-mail addresses, digit ids and JWTs in its path redacted, and the parameters of its query and
 * fragment redacted ({@link redactParamText}). Never throws; does not parse or normalise the URL (its text stays as
 * written where nothing was redacted), and keeps scheme, host and port.
 */
export async function redactUrl(r: Redactor, url: string): Promise<string> {
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const q = beforeHash.indexOf('?');
  let rest = q < 0 ? beforeHash : beforeHash.slice(0, q);
  let out = '';
  const authority = AUTHORITY.exec(rest);
  if (authority) {
    const [whole, scheme, auth] = authority as unknown as [string, string, string];
    const at = auth.lastIndexOf('@');
    out = scheme + (at < 0 ? auth : `${await redactUserinfo(r, auth.slice(0, at))}${auth.slice(at)}`);
    rest = rest.slice(whole.length);
  }
  out += await redactPath(r, rest);
  if (q >= 0) out += `?${await redactParamText(r, beforeHash.slice(q + 1))}`;
  if (hash >= 0) out += `#${await redactFragment(r, url.slice(hash + 1))}`;
  return out;
}

/**
 * A parsed form (`Exchange.requestForm`) redacted value by value exactly as {@link redactParamText} redacts the
 * same form as text, so the two stay consistent. Returns a new object; names such as `__proto__` stay plain members.
 */
export async function redactForm(r: Redactor, form: Readonly<Record<string, readonly string[]>>): Promise<Record<string, string[]>> {
  const entries = await Promise.all(
    Object.entries(form).map(async ([name, values]) => [name, await Promise.all(values.map((v) => r.named(name, v)))] as const),
  );
  const out: Record<string, string[]> = {};
  for (const [name, values] of entries) {
    if (values.length === 0) Object.defineProperty(out, name, { value: [], enumerable: true, writable: true, configurable: true });
    for (const v of values) appendFormValue(out, name, v);
  }
  return out;
}
