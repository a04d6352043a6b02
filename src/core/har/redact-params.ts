/** Redacting parameters: URL queries and fragments, form bodies and parsed forms. */
import { appendFormValue, decodeFormComponent } from '../util/form.js';
import { redactJwtsIn } from './redact-text.js';
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
  if (q >= 0) return `${await redactJwtsIn(r, fragment.slice(0, q))}?${await redactParamText(r, fragment.slice(q + 1))}`;
  if (fragment.includes('=')) return redactParamText(r, fragment);
  return redactJwtsIn(r, fragment);
}

/**
 * A URL, absolute or relative (a `Location`, a `:path`), with the parameters of its query and fragment redacted
 * ({@link redactParamText}) and JWTs in the rest (a path segment) redacted. Never throws; does not parse or
 * normalise the URL (its text stays as written where nothing was redacted).
 */
export async function redactUrl(r: Redactor, url: string): Promise<string> {
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const q = beforeHash.indexOf('?');
  let out = await redactJwtsIn(r, q < 0 ? beforeHash : beforeHash.slice(0, q));
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
