/**
 * Serves a built directory over loopback HTTP (module scripts do not load from file:// URLs). GET only, files
 * inside the directory only, with the harness's CSP header so the page runs under the extension's rules.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { listen, type Listening } from '../../e2e/support/listen.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The CSP the harness is served with: the extension pages' policy (manifest.json) plus what it implies. */
export const HARNESS_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Serves `dir`; 404 for anything outside it or missing. */
export function serveDir(dir: string): Promise<Listening> {
  const root = normalize(dir + sep);
  return listen(async (req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (req.method !== 'GET' || !path.startsWith(root)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-security-policy': HARNESS_CSP });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}
