/**
 * How two captures of one request are combined, part by part. Every choice is a maximum under a total order
 * (or a sorted union), so combining is commutative and associative: the merged exchange does not depend on
 * the order in which the sources reported.
 */
import type { Body, Header } from '../model.js';
import { bodyBytes } from './body-bytes.js';

/** -1, 0 or 1, comparing strings by UTF-16 code units (locale-independent). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lexicographic comparison of rank tuples (numbers and strings). */
function compareRank(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    return compareText(String(x), String(y));
  }
  return 0;
}

/** The one of `a` and `b` with the higher rank; whichever is defined when only one is. */
export function pick<T>(a: T | undefined, b: T | undefined, rank: (v: T) => readonly (number | string)[]): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareRank(rank(a), rank(b)) >= 0 ? a : b;
}

/**
 * A complete body beats a truncated one, then more bytes beat fewer, then text beats base64 of the same bytes;
 * the text itself and the mime type only break ties between different captures of equal length.
 */
export function bodyRank(body: Body): (number | string)[] {
  const bytes = bodyBytes(body)?.length ?? -1;
  return [body.truncated ? 0 : 1, bytes, body.encoding === 'base64' ? 0 : 1, body.text, body.mimeType ?? ''];
}

/** The longer URL (one that kept its fragment), then the lexicographically greater. */
export function urlRank(url: string): (number | string)[] {
  return [url.length, url];
}

/** A form with more names wins; ties go to the JSON text. */
export function formRank(form: Record<string, string[]>): (number | string)[] {
  return [Object.keys(form).length, JSON.stringify(Object.entries(form).sort(([a], [b]) => compareText(a, b)))];
}

/** A real status beats 0 (opaque or failed, as fetch reports it); then the higher code. */
export function statusRank(status: number): number[] {
  return [status === 0 ? 0 : 1, status];
}

function groupByName(headers: readonly Header[]): Map<string, Header[]> {
  const groups = new Map<string, Header[]>();
  for (const h of headers) {
    const name = h.name.toLowerCase();
    const group = groups.get(name);
    if (group) group.push(h);
    else groups.set(name, [h]);
  }
  return groups;
}

function groupRank(group: readonly Header[]): (number | string)[] {
  return [group.length, group.reduce((n, h) => n + h.value.length, 0), JSON.stringify(group.map((h) => [h.name, h.value]))];
}

/**
 * The union of two header lists by name (case-insensitive). A name both lists have takes all its values from
 * one list: the one with more values, then longer values (a browser adds to what a page set, e.g. a charset).
 * Sorted by lower-case name, keeping the order of repeated headers. Does not join or split values.
 */
export function unionHeaders(a: readonly Header[], b: readonly Header[]): Header[] {
  const left = groupByName(a);
  const right = groupByName(b);
  const names = [...new Set([...left.keys(), ...right.keys()])].sort(compareText);
  return names.flatMap((name) => pick(left.get(name), right.get(name), groupRank) ?? []);
}

/**
 * The headers of two captures: the list the browser saw (`browser` 1) wins whole over one only the page hook saw
 * (0), which shows only what the page set or may read; between lists of the same kind, {@link unionHeaders}.
 * Taking the browser's list whole, rather than name by name, keeps merging associative: a merged list is then
 * entirely the browser's or entirely the page hook's.
 */
export function pickHeaders(a: readonly Header[], aBrowser: number, b: readonly Header[], bBrowser: number): Header[] {
  if (aBrowser > bBrowser) return [...a];
  if (bBrowser > aBrowser) return [...b];
  return unionHeaders(a, b);
}

/** The sorted union of two optional string lists; undefined when both are empty. */
export function unionSorted<T extends string>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined {
  const all = [...new Set([...(a ?? []), ...(b ?? [])])].sort(compareText);
  return all.length === 0 ? undefined : all;
}
