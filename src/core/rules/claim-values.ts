/**
 * Reading and comparing claim values that may be any JSON (or missing), for the rules across artifacts.
 */

/**
 * The own member `name` of a claims object; `undefined` when it is missing, `null`, or only inherited
 * (a claim named `constructor` is not found on `Object.prototype`). Does not judge the value's type.
 */
export function member(claims: Record<string, unknown> | undefined, name: string): unknown {
  if (!claims || typeof claims !== 'object' || !Object.prototype.hasOwnProperty.call(claims, name)) return undefined;
  const v = claims[name];
  return v === null ? undefined : v;
}

/** A string member, or `undefined` when it is missing or of another type. Does not trim. */
export function stringMember(claims: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = member(claims, name);
  return typeof v === 'string' ? v : undefined;
}

/** A finite number member, or `undefined`. Does not accept numeric strings. */
export function numberMember(claims: Record<string, unknown> | undefined, name: string): number | undefined {
  const v = member(claims, name);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * A lifetime member in seconds (`expires_in`): a finite number, or a string of digits as some servers send.
 * `undefined` for anything else. Does not check the range.
 */
export function secondsMember(claims: Record<string, unknown> | undefined, name: string): number | undefined {
  const v = member(claims, name);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d{1,15}$/.test(v)) return Number(v);
  return undefined;
}

const MAX_DEPTH = 64;

function equalAt(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (depth > MAX_DEPTH || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => equalAt(v, b[i], depth + 1));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra);
  if (ka.length !== Object.keys(rb).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && equalAt(ra[k], rb[k], depth + 1));
}

/**
 * Deep equality of two JSON values: strings exactly (case-sensitive), numbers by value, arrays in order,
 * objects by members. Values nested deeper than 64 levels count as different. Never throws.
 * Does not treat a string and a number as equal (`"42"` is not `42`).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return equalAt(a, b, 0);
}

/**
 * A space-delimited `scope` as its list of scope tokens; `undefined` when the value is not a string
 * (an array or number is not a scope here; claim-types reports it). Does not remove duplicates.
 */
export function scopeTokens(value: unknown): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value.split(/\s+/).filter((s) => s.length > 0);
}

/** The entries of `list` that are not in `allowed`, once each, in order. */
export function missingFrom(list: readonly string[], allowed: readonly string[]): string[] {
  const set = new Set(allowed);
  return [...new Set(list.filter((s) => !set.has(s)))];
}
