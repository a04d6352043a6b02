/**
 * Tab states for the harness, made by the real engine in the test process: a HAR from test/fixtures analysed
 * with `analyze()`, or exchanges built here (hostile claims, many requests). What the worker would push.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import { analyze, importHar, type Exchange } from '../../../src/core/index.js';
import { captureEndSeconds } from '../../../src/core/input/capture-end.js';
import type { TabState } from '../../../src/shared/protocol.js';
import { ROOT } from '../../e2e/support/root.js';
import { jsonExchange } from '../../fixtures/exchanges.js';

/** Reads and imports a HAR under test/fixtures/har. */
export function fixtureExchanges(name: string): Exchange[] {
  const har = importHar(readFileSync(join(ROOT, 'test', 'fixtures', 'har', name), 'utf8'));
  if (!har.ok) throw new Error(`${name}: ${har.error}`);
  return har.exchanges;
}

/** The unix second just after the last exchange ends: what "now" is for a capture. */
export function captureEnd(exchanges: readonly Exchange[]): number {
  return captureEndSeconds(exchanges) ?? 0;
}

/** A tab state of `exchanges` analysed at `now` (default: the end of the capture). */
export async function tabState(exchanges: Exchange[], now = captureEnd(exchanges), tabId = 1): Promise<TabState> {
  const analysis = await analyze({ exchanges }, { now });
  return { tabId, exchanges, analysis, analyzedAt: now, paused: false, preserve: false, evicted: 0, bytes: 0 };
}


/** Claim values that would run script or load something if the panel ever treated them as HTML or URLs. */
export const HOSTILE = {
  markup: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=2</script>',
  url: 'javascript:window.__pwned=3',
  remote: 'https://attacker.invalid/pixel.png',
};

/**
 * A login (token response with an ID token, userinfo) whose claims carry {@link HOSTILE} values in names,
 * email, picture and website, signed with a fresh key (the key is not published, so the signature is not
 * checked). `now` is when the login happened (unix seconds).
 */
export async function hostileState(now: number): Promise<TabState> {
  const { privateKey } = await generateKeyPair('RS256');
  const iss = 'https://idp.example.com';
  const claims = { name: HOSTILE.markup, given_name: HOSTILE.script, picture: HOSTILE.remote, website: HOSTILE.url, email: `${HOSTILE.markup}@example.com`, nonce: 'n-1' };
  const idToken = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: HOSTILE.markup })
    .setIssuer(iss)
    .setSubject(HOSTILE.script)
    .setAudience('web')
    .setIssuedAt(now - 5)
    .setExpirationTime(now + 300)
    .sign(privateKey);
  const at = (now - 5) * 1000;
  const exchanges = [
    jsonExchange('x1', 'POST', `${iss}/token`, at, { access_token: 'opaque-at', token_type: 'Bearer', expires_in: 300, id_token: idToken }, {
      grant_type: ['authorization_code'],
      code: ['c'],
      client_id: ['web'],
    }),
    jsonExchange('x2', 'GET', `${iss}/userinfo`, at + 100, { sub: HOSTILE.script, name: HOSTILE.markup, website: HOSTILE.url }),
  ];
  exchanges[1]!.requestHeaders.push({ name: 'Authorization', value: 'Bearer opaque-at' });
  return tabState(exchanges, now);
}

/** `n` exchanges made by repeating the sample login's exchanges with fresh ids and shifted times. */
export function manyExchanges(n: number): Exchange[] {
  const base = fixtureExchanges('sample-login.har');
  const out: Exchange[] = [];
  for (let i = 0; out.length < n; i++) {
    for (const e of base) {
      if (out.length >= n) break;
      out.push({ ...e, id: `r${i}-${e.id}`, startedAt: e.startedAt + i * 60_000, endedAt: e.endedAt === undefined ? undefined : e.endedAt + i * 60_000 });
    }
  }
  return out;
}
