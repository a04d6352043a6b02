/**
 * A self-signed TLS identity for `localhost` (and 127.0.0.1), made with the `selfsigned` package once per process,
 * for the https provider and app that MSAL needs (it refuses an http authority). Browsers must be told to accept
 * it (`--ignore-certificate-errors`); nothing here installs it anywhere or trusts it in Node.
 */
import { generate } from 'selfsigned';

/** A key and certificate in PEM, as `https.createServer` takes them. */
export interface TlsIdentity {
  key: string;
  cert: string;
}

let identity: Promise<TlsIdentity> | undefined;

/** The process's localhost certificate (an EC P-256 key: quick to make), valid from yesterday for a week. */
export function localhostIdentity(): Promise<TlsIdentity> {
  identity ??= (async () => {
    const day = 24 * 3600 * 1000;
    const made = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(Date.now() - day),
      notAfterDate: new Date(Date.now() + 7 * day),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
      ],
    });
    return { key: made.private, cert: made.cert };
  })();
  return identity;
}
