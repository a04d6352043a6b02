/**
 * Analyses for the Flows view tests, made by the real engine: fixture HARs under test/fixtures/har, and a small
 * login built here whose subjects carry markup and a javascript: URL.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, importHar, type Exchange } from '../../../../src/core/index.js';
import { captureEndSeconds } from '../../../../src/core/input/capture-end.js';
import { indexAnalysis, type AnalysisIndex } from '../../../../src/panel/model/analysis-index.js';
import { jsonExchange } from '../../../fixtures/exchanges.js';

// A path, not a URL: happy-dom replaces the global URL class, which node:fs does not take.
const HARS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'har');

/** Reads and imports a HAR under test/fixtures/har. */
export function harExchanges(name: string): Exchange[] {
  const har = importHar(readFileSync(join(HARS, name), 'utf8'));
  if (!har.ok) throw new Error(`${name}: ${har.error}`);
  return har.exchanges;
}

/** The unix second just after the last exchange ends. */
export function captureEnd(exchanges: readonly Exchange[]): number {
  return captureEndSeconds(exchanges) ?? 0;
}

/** `exchanges` analysed at `now` and indexed as the panel does. */
export async function indexed(exchanges: readonly Exchange[], now = captureEnd(exchanges)): Promise<AnalysisIndex> {
  const result = await analyze({ exchanges }, { now });
  return indexAnalysis(result, exchanges);
}

/** The only flow of `index` (fails the test when there is not exactly one). */
export function onlyFlow(index: AnalysisIndex) {
  if (index.result.flows.length !== 1) throw new Error(`expected one flow, got ${index.result.flows.length}`);
  return index.result.flows[0]!;
}

/** Values that would run script or become a link if rendered as HTML or as a URL. */
export const HOSTILE = {
  markup: '<img src=x onerror=alert(1)>',
  url: 'javascript:alert(1)',
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned-looking compact JWS (its signature is not checked: no key is known). */
export function jws(payload: Record<string, unknown>): string {
  return `${b64({ alg: 'RS256', kid: 'k1' })}.${b64(payload)}.${Buffer.from('signature').toString('base64url')}`;
}


/**
 * A code login at `now` (unix seconds): a token response whose ID token's `sub` and issuer carry
 * {@link HOSTILE} values, then a userinfo response with a different, hostile `sub`, so x-ui-sub fires.
 */
export function hostileLogin(now: number): Exchange[] {
  const iss = 'https://idp.example.com';
  const idToken = jws({ iss, sub: HOSTILE.url, aud: 'web', iat: now - 5, exp: now + 300, name: HOSTILE.markup });
  const at = (now - 5) * 1000;
  const token = jsonExchange('x1', 'POST', `${iss}/token`, at, { access_token: 'opaque-at', token_type: 'Bearer', expires_in: 300, id_token: idToken }, {
    grant_type: ['authorization_code'],
    code: ['c'],
    client_id: ['web'],
  });
  const userinfo = jsonExchange('x2', 'GET', `${iss}/userinfo`, at + 1000, { sub: HOSTILE.markup, website: HOSTILE.url });
  userinfo.requestHeaders.push({ name: 'Authorization', value: 'Bearer opaque-at' });
  return [token, userinfo];
}
