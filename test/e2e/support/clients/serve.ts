/**
 * Starts a loopback server for the client-library worlds: plain http through listen.ts, or https with a
 * {@link TlsIdentity}. Either way the origin names `localhost`, so the app and the provider of one world are
 * same-site (the provider's session cookie then reaches the hidden iframes of silent renew). Never listens
 * beyond 127.0.0.1 and does not choose the certificate.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';
import { listen, type Listening } from '../listen.js';
import type { TlsIdentity } from './tls.js';

/** Listens on 127.0.0.1 at a free port, announced as `http://localhost:<port>` or, with `tls`, `https://localhost:<port>`. */
export async function serveLocalhost(handler: RequestListener, tls?: TlsIdentity): Promise<Listening> {
  if (!tls) return listen(handler, '127.0.0.1', 'localhost');
  const server = createServer({ key: tls.key, cert: tls.cert }, handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
