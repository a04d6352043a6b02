/** Header lists of the webRequest API as the model's `{ name, value }` headers. */
import type { Header } from '../../core/model.js';

/** A header as webRequest reports it: `value` for text, `binaryValue` (bytes) for values that are not UTF-8. */
export interface RawHeader {
  name: string;
  value?: string;
  binaryValue?: ArrayLike<number>;
}

/** Bytes as Latin-1 text: one character per byte, which is how HTTP/1.1 defines header octets. */
function latin1(bytes: ArrayLike<number>): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode((bytes[i] ?? 0) & 0xff);
  return text;
}

/**
 * The headers in order, names as sent, `binaryValue` read as Latin-1; items without a string name are skipped and
 * a missing value is empty. Undefined or a non-array gives an empty list. Does not merge, sort or lower-case names.
 */
export function toHeaders(raw: readonly RawHeader[] | undefined): Header[] {
  if (!Array.isArray(raw)) return [];
  const headers: Header[] = [];
  for (const h of raw as readonly unknown[]) {
    if (typeof h !== 'object' || h === null) continue;
    const { name, value, binaryValue } = h as RawHeader;
    if (typeof name !== 'string') continue;
    if (typeof value === 'string') headers.push({ name, value });
    else if (binaryValue && typeof binaryValue.length === 'number') headers.push({ name, value: latin1(binaryValue) });
    else headers.push({ name, value: '' });
  }
  return headers;
}

/** The value of the first header of that name (case-insensitive), or undefined. */
export function findHeader(headers: readonly Header[] | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** The reason phrase of an HTTP status line (`HTTP/1.1 404 Not Found` gives `Not Found`), or undefined. */
export function statusTextOf(statusLine: string | undefined): string | undefined {
  if (typeof statusLine !== 'string') return undefined;
  const match = /^\S+\s+\d{3}\s+(.+)$/.exec(statusLine.trim());
  return match?.[1];
}
