/** Header lists the page hook can see, as `{ name, value }` headers. */
import type { Header } from '../../core/model.js';

/** The entries of a Headers object (names lower case, as the Fetch standard gives them). Never throws. */
export function headerList(headers: Headers | undefined | null): Header[] {
  const out: Header[] = [];
  try {
    headers?.forEach((value, name) => out.push({ name, value }));
  } catch {
    // A foreign or broken Headers object: what was read so far.
  }
  return out;
}

/**
 * The headers of `XMLHttpRequest.getAllResponseHeaders()` (`name: value` lines separated by CRLF). Lines without
 * a colon are skipped. Does not unfold obsolete line folding (browsers never produce it).
 */
export function parseHeaderBlock(block: string | null | undefined): Header[] {
  if (typeof block !== 'string') return [];
  const out: Header[] = [];
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    out.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return out;
}
