/**
 * Reading a JSON response within limits, shared by the CLI's `--fetch-keys` and the worker's key fetching. Uses
 * only the Fetch standard's `Response` (Node 20 and browsers alike); no browser extension API.
 */

/** `application/json` and `application/<something>+json` (e.g. `application/jwk-set+json`), any parameters. */
export function isJsonContentType(value: string | null): boolean {
  const type = value?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);
}

/**
 * The body as UTF-8 text, reading at most `limit` bytes: throws "larger than" (after cancelling the stream) past it,
 * also when a Content-Length announces more. Does not check the content type and does not parse.
 */
export async function readCapped(res: Response, limit: number, url: string): Promise<string> {
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
  return new TextDecoder().decode(bytes);
}
