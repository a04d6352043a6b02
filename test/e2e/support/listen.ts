/**
 * Starts a plain node HTTP server on a loopback address and a free port, for the e2e provider, proxies and
 * relying parties. Does not do TLS and never listens beyond the loopback range.
 */
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running server: its origin (`http://host:port`) and a close that also drops open keep-alive sockets. */
export interface Listening {
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on `host` (a loopback address: 127.0.0.1 by default) at a port the OS picks. Throws for a host outside
 * 127.0.0.0/8 or `localhost`, so a typo never opens a port to the network.
 */
export async function listen(handler: RequestListener, host = '127.0.0.1', originHost = host): Promise<Listening> {
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) && host !== 'localhost') throw new Error(`refusing to listen on ${host}: loopback only`);
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${originHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads a request body as text (bodies here are small forms and JSON). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Sends a small response with a content type and no caching. */
export function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}
