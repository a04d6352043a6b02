/** A parsed absolute URL's parts that rules compare; plain data, safe to share. */
export interface ParsedUrl {
  protocol: string;
  hostname: string;
  host: string;
  origin: string;
  pathname: string;
  search: string;
  hash: string;
}

const cache = new Map<string, ParsedUrl | null>();
const LIMIT = 2048;

/**
 * Parses an absolute URL, memoised: the same issuers and endpoints recur in every token of a capture, and
 * `new URL` dominated the per-token cost. Returns `undefined` for text that is not an absolute URL.
 * Never throws; does not resolve relative URLs.
 */
export function parseUrl(text: string): ParsedUrl | undefined {
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  let parsed: ParsedUrl | null;
  try {
    const u = new URL(text);
    parsed = { protocol: u.protocol, hostname: u.hostname, host: u.host, origin: u.origin, pathname: u.pathname, search: u.search, hash: u.hash };
  } catch {
    parsed = null;
  }
  if (cache.size >= LIMIT) cache.clear();
  cache.set(text, parsed);
  return parsed ?? undefined;
}
