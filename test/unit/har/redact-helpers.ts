import { base64url } from 'jose';
import { expect } from 'vitest';
import { redactExchanges } from '../../../src/core/har/redact.js';
import type { Exchange, Header } from '../../../src/core/model.js';

/** A salt as the panel makes one (any 16+ characters). */
export const SALT = 'test-salt-0123456789abcdef';

/** A captured exchange for redaction tests; headers as [name, value] pairs (order and repeats kept). */
export function ex(over: Partial<Exchange> & { req?: [string, string][]; res?: [string, string][] } = {}): Exchange {
  const { req, res, ...rest } = over;
  const headers = (list: [string, string][] = []): Header[] => list.map(([name, value]) => ({ name, value }));
  return {
    id: 'x1',
    method: 'GET',
    url: 'https://idp.example/a',
    requestHeaders: headers(req),
    responseHeaders: headers(res),
    startedAt: 1_629_286_057_000,
    seenBy: { request: ['webRequest'] },
    ...rest,
  };
}

/** Redacts one exchange with {@link SALT}. */
export async function redactOne(exchange: Exchange, salt = SALT): Promise<Exchange> {
  const { exchanges } = await redactExchanges([exchange], { salt });
  expect(exchanges).toHaveLength(1);
  return exchanges[0]!;
}

/** A compact JWS with the given payload and a signature that must not survive. */
export function jws(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', kid: 'k1' }, signature = 'c2lnbmF0dXJlLXRoYXQtbXVzdC1nbw'): string {
  const enc = (v: unknown) => base64url.encode(JSON.stringify(v));
  return `${enc(header)}.${enc(payload)}.${signature}`;
}

/** The payload of a compact JWS as an object, failing the test when it does not decode. */
export function payloadOf(token: string): Record<string, unknown> {
  const parts = token.split('.');
  expect(parts).toHaveLength(3);
  return JSON.parse(new TextDecoder().decode(base64url.decode(parts[1]!))) as Record<string, unknown>;
}

/** A header's value, failing the test when it is missing. */
export function header(list: readonly Header[], name: string): string {
  const h = list.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!h) expect.fail(`no header ${name}`);
  return h.value;
}

/** `redacted:` and 16 base64url characters. */
export const HASHED = /^redacted:[A-Za-z0-9_-]{16}$/;
