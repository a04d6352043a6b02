import type { FetchJson } from '../core/index.js';

/**
 * The CLI's `--fetch-keys` transport: GET with a 10 s timeout, JSON only, http(s) only, no cookies or
 * credentials. The engine only ever asks it for discovery documents and JWKS of issuers it observed.
 */
export const fetchJson: FetchJson = async (url) => {
  if (!/^https?:\/\//i.test(url)) throw new Error(`refusing to fetch ${url}: not http(s)`);
  const res = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'follow', signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
  return res.json();
};
