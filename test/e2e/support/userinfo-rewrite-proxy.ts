/**
 * A small HTTP proxy in front of the e2e provider that changes the `sub` of userinfo JSON responses, to make a
 * provider that answers userinfo for the wrong subject (the `x-ui-sub` fault). Everything else passes through
 * byte for byte, with the client's Host header, so the provider builds its URLs (discovery, redirects) on the
 * proxy's origin: the issuer is the proxy's URL. Does not rewrite signed (JWT) userinfo and does not do TLS.
 */
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { listen, type Listening } from './listen.js';

/** Where the proxy sends requests, and what it rewrites. */
export interface RewriteProxyTarget {
  /** The provider's own origin (`http://127.0.0.1:<port>`). */
  upstream: string;
  /** Path of the userinfo endpoint (oidc-provider: `/me`). */
  userinfoPath: string;
  /** The `sub` to put into userinfo responses. */
  sub: string;
}

/** Replaces `sub` in a userinfo JSON body; other bodies (errors, JWTs) are returned unchanged. */
export function rewriteSub(body: string, sub: string): string {
  try {
    const json = JSON.parse(body) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json) || !('sub' in json)) return body;
    return JSON.stringify({ ...json, sub });
  } catch {
    return body;
  }
}

function forward(req: IncomingMessage, res: ServerResponse, target: () => RewriteProxyTarget | undefined): void {
  const t = target();
  if (!t) {
    res.writeHead(503).end('proxy not configured yet');
    return;
  }
  const upstream = new URL(req.url ?? '/', t.upstream);
  const rewrite = upstream.pathname === t.userinfoPath;
  const out = request(upstream, { method: req.method, headers: req.headers }, (answer) => {
    const json = /^application\/json\b/.test(answer.headers['content-type'] ?? '');
    if (!rewrite || !json || answer.headers['content-encoding']) {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    answer.on('data', (c: Buffer) => chunks.push(c));
    answer.on('end', () => {
      const body = Buffer.from(rewriteSub(Buffer.concat(chunks).toString('utf8'), t.sub), 'utf8');
      const headers = { ...answer.headers, 'content-length': String(body.length) };
      delete headers['etag'];
      delete headers['transfer-encoding'];
      res.writeHead(answer.statusCode ?? 502, headers);
      res.end(body);
    });
  });
  out.on('error', (e) => {
    if (!res.headersSent) res.writeHead(502);
    res.end(String(e));
  });
  req.pipe(out);
}

/**
 * Starts the proxy on 127.0.0.1. The target is read per request, so the proxy can listen (and its origin become
 * the issuer) before the provider behind it exists; requests before then get 503.
 */
export function startRewriteProxy(target: () => RewriteProxyTarget | undefined): Promise<Listening> {
  return listen((req, res) => forward(req, res, target));
}
