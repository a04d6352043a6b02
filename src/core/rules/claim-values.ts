/**
 * Reading and comparing claim values that may be any JSON (or missing), for the rules across artifacts.
 * Builds on `member` from util.ts.
 */
import { member } from './util.js';

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
 * True when both lists hold the same values, in any order and ignoring repeats (`["a", "b", "a"]` equals
 * `["b", "a"]`). Case-sensitive. Does not treat two empty lists specially: they are the same set.
 */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/** The entries of `list` that are not in `allowed`, once each, in order. */
export function missingFrom(list: readonly string[], allowed: readonly string[]): string[] {
  const set = new Set(allowed);
  return [...new Set(list.filter((s) => !set.has(s)))];
}
