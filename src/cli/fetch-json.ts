import type { FetchJson } from '../core/index.js';

/** The largest response body read: discovery documents and JWKS are a few kilobytes. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** `application/json` and `application/<something>+json` (e.g. `application/jwk-set+json`), any parameters. */
function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const type = value.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);
}

/** The body as text, reading at most `limit` bytes; throws (after cancelling the stream) past it. */
async function readCapped(res: Response, limit: number, url: string): Promise<string> {
  const tooBig = () => new Error(`the response from ${url} is larger than ${limit} bytes`);
  const length = res.headers.get('content-length');
  if (length !== null && Number(length) > limit) throw tooBig();
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  if (text.length > limit) throw tooBig();
  return text;
}

/**
 * The CLI's `--fetch-keys` transport: GET with a 10 s timeout, no redirects (a redirect is an error), a JSON
 * content type only, at most {@link MAX_RESPONSE_BYTES} of body, http(s) only, no cookies or credentials.
 * The engine only ever asks it for discovery documents and JWKS of issuers it observed, after its own fetch
 * policy allowed the URL; this does not check the URL beyond its scheme.
 */
export const fetchJson: FetchJson = async (url) => {
  if (!/^https?:\/\//i.test(url)) throw new Error(`refusing to fetch ${url}: not http(s)`);
  const controller = new AbortController();
  const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(10_000)]);
  try {
    let res: Response;
    try {
      res = await fetch(url, { headers: { accept: 'application/json, application/jwk-set+json' }, redirect: 'error', credentials: 'omit', signal });
    } catch (err) {
      // Node's fetch says only "fetch failed"; the cause says why (e.g. "unexpected redirect", ECONNREFUSED).
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
      throw new Error(`${err instanceof Error ? err.message : String(err)}${cause}`, { cause: err });
    }
    if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
    const type = res.headers.get('content-type');
    if (!isJsonContentType(type)) throw new Error(`${url} answered with content type ${JSON.stringify(type ?? '')}, not JSON`);
    return JSON.parse(await readCapped(res, MAX_RESPONSE_BYTES, url)) as unknown;
  } finally {
    // Drops the connection of a response whose body was not (fully) read.
    controller.abort();
  }
};
