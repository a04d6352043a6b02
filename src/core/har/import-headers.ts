/** Reading HAR header lists. */
import type { Header } from '../model.js';
import { brief, isRecord } from './read.js';

function isCleanHeader(h: unknown): boolean {
  return isRecord(h) && typeof h.name === 'string' && typeof h.value === 'string';
}

/**
 * The `{ name, value }` headers of a HAR header list, in order, names as written (HTTP/2 pseudo headers such as
 * `:authority` kept). When every item already is a `{ name, value }` of strings, the list itself is returned (no
 * copy: a 100 MB HAR has millions of headers); otherwise numbers and booleans as values become text, a missing value
 * an empty one, and items without a string name are skipped with one warning. Does not merge, lower-case or
 * validate names, and does not strip extra members (`comment`) of items it keeps.
 */
export function readHeaders(value: unknown, field: string, warn: (message: string) => void): Header[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    warn(`${field} is ${brief(value)}, not an array; ignored`);
    return [];
  }
  if (value.every(isCleanHeader)) return value as Header[];
  const headers: Header[] = [];
  let skipped = 0;
  for (const h of value) {
    if (!isRecord(h) || typeof h.name !== 'string') {
      skipped++;
      continue;
    }
    const v = h.value;
    if (typeof v === 'string') headers.push({ name: h.name, value: v });
    else if (typeof v === 'number' || typeof v === 'boolean') headers.push({ name: h.name, value: String(v) });
    else if (v === undefined || v === null) headers.push({ name: h.name, value: '' });
    else skipped++;
  }
  if (skipped > 0) warn(`${field}: ${skipped} header${skipped === 1 ? '' : 's'} without a string name and value, skipped`);
  return headers;
}

/** The value of the first header with this name (case-insensitive), or undefined. */
export function headerValue(headers: Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const h of headers) if (h.name.toLowerCase() === lower) return h.value;
  return undefined;
}
