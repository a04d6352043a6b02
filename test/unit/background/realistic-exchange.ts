/**
 * A token exchange as the worker stores it after a real login (the shapes and sizes seen in Chromium 156: JWTs
 * with RS256 signatures, eight request and nine response headers), used to calibrate the store's byte measure.
 */
import type { Observation } from '../../../src/core/capture/observation.js';
import type { Exchange, Header } from '../../../src/core/model.js';

const NOW = 1_700_000_000;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: Record<string, unknown>) => `${b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${b64(payload)}.${'s'.repeat(342)}`;
const H = (name: string, value: string): Header => ({ name, value });

const ID_TOKEN = jwt({ iss: 'https://idp.example.com', sub: '248289761001', aud: 'spa-client', exp: NOW + 3600, iat: NOW, nonce: 'n-0S6_WzA2Mj', at_hash: '77QmUPtjPfzWtF2AnpK9RQ', auth_time: NOW, sid: '08a5019c-17e1-4977-8f42-65a12843ea02' });
const ACCESS_TOKEN = jwt({ iss: 'https://idp.example.com', sub: '248289761001', aud: 'https://api.example.com', exp: NOW + 3600, iat: NOW, jti: 'kHb2n4l9cTq1x', scope: 'openid profile email offline_access', client_id: 'spa-client' });
const RESPONSE = JSON.stringify({ access_token: ACCESS_TOKEN, expires_in: 3600, id_token: ID_TOKEN, refresh_token: 'r'.repeat(43), scope: 'openid profile email offline_access', token_type: 'Bearer' });
const REQUEST =
  'grant_type=authorization_code&code=Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk&redirect_uri=http%3A%2F%2F127.0.0.1%3A41235%2Fcallback&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk&client_id=spa-client';

const requestHeaders = [
  H('Accept', 'application/json'),
  H('Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8'),
  H('Origin', 'http://127.0.0.1:41235'),
  H('Referer', 'http://127.0.0.1:41235/'),
  H('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36'),
  H('sec-ch-ua', '"Chromium";v="156", "Not-A.Brand";v="24"'),
  H('sec-ch-ua-mobile', '?0'),
  H('sec-ch-ua-platform', '"Linux"'),
];
const responseHeaders = [
  H('access-control-allow-origin', 'http://127.0.0.1:41235'),
  H('cache-control', 'no-store'),
  H('connection', 'keep-alive'),
  H('content-length', String(RESPONSE.length)),
  H('content-type', 'application/json; charset=utf-8'),
  H('date', 'Tue, 14 Nov 2023 22:13:20 GMT'),
  H('keep-alive', 'timeout=5'),
  H('pragma', 'no-cache'),
  H('vary', 'Origin'),
];
const form = {
  grant_type: ['authorization_code'],
  code: ['Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk'],
  redirect_uri: ['http://127.0.0.1:41235/callback'],
  code_verifier: ['dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'],
  client_id: ['spa-client'],
};

/**
 * The exchange measured in Chromium 156: `storage.session.getBytesInUse` 7,482 bytes under the key
 * `x:123:<id>` with a UUID id; Firefox ESR 153 counts 5,474. Its JSON is 3,679 characters.
 */
export function tokenExchange(id: string): Exchange {
  const both: Exchange['seenBy'][keyof Exchange['seenBy']] = ['page-hook', 'webRequest'];
  return {
    id,
    method: 'POST',
    url: 'http://127.0.0.1:41234/token',
    requestHeaders,
    responseHeaders,
    startedAt: NOW * 1000 + 123,
    endedAt: NOW * 1000 + 160,
    seenBy: { request: both, requestHeaders: both, requestBody: both, status: both, responseHeaders: both, responseBody: ['page-hook'] },
    requestBody: { text: REQUEST },
    requestForm: form,
    status: 200,
    statusText: 'OK',
    responseBody: { text: RESPONSE, mimeType: 'application/json; charset=utf-8' },
    keys: ['wr:1234.5'],
  };
}

/** The bytes Chromium 156 reported for {@link tokenExchange} (`getBytesInUse`), and Firefox ESR 153's measure. */
export const TOKEN_EXCHANGE_BYTES = { chromium: 7_482, firefox: 5_474 };

/** What webRequest reports of the `n`-th token request of a page, `n` seconds after the first. */
export function tokenObservation(n: number): Observation {
  return {
    source: 'webRequest',
    key: `wr:${n}`,
    method: 'POST',
    url: 'http://127.0.0.1:41234/token',
    startedAt: NOW * 1000 + n * 1000,
    endedAt: NOW * 1000 + n * 1000 + 40,
    requestHeaders,
    requestBody: { text: REQUEST },
    requestForm: form,
    status: 200,
    statusText: 'OK',
    responseHeaders,
    responseBody: { text: RESPONSE, mimeType: 'application/json; charset=utf-8' },
  };
}
