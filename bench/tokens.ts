/**
 * Benchmark: analysis of 100,000 tokens with every single-token rule (analyzeToken) against jose's
 * decodeJwt over the same tokens, in the same process. Prints the times and their ratio (target <= 3).
 */
import { base64url, decodeJwt } from 'jose';
import { analyzeToken } from '../src/core/analyze-token.js';
import { median, report } from './measure.js';

const COUNT = 100_000;
/** The kind of token i, matching its Keycloak `typ` (ID, Bearer, Refresh), so every single-token rule runs. */
const KINDS = ['id_token', 'access_token', 'refresh_token'] as const;
const NOW = 1629286057;
const enc = (v: unknown) => base64url.encode(JSON.stringify(v));

/** Tokens shaped like real ones: Keycloak ID/access/refresh tokens of varying size, a few defective ones. */
function makeTokens(): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const kind = i % 3;
    const header = kind === 2 ? { alg: 'HS256', typ: 'JWT', kid: `k${i % 7}` } : { alg: 'RS256', typ: i % 5 === 0 ? 'at+jwt' : 'JWT', kid: `kid-${i % 11}` };
    const payload: Record<string, unknown> = {
      exp: NOW + 300 - (i % 600), iat: NOW - (i % 50), auth_time: NOW - 60, jti: `jti-${i}`,
      iss: 'https://auth.example.no/auth/realms/current', aud: i % 4 === 0 ? ['api', 'account'] : 'tinfo',
      sub: `2cd7cecd-d444-4685-bb04-${String(i).padStart(12, '0')}`, typ: ['ID', 'Bearer', 'Refresh'][kind],
      azp: 'oidc-testclient', nonce: 'demoNonce', session_state: '66801cef-7746-4dd6-a018-43bda5c7002b',
      scope: 'openid profile', amr: i % 2 ? ['pwd'] : 'BID', acr: 'urn:bankid:bid;LOA=4',
    };
    if (i % 10 === 0) payload.realm_access = { roles: ['profile', 'offline_access', `r${i % 13}`] };
    if (i % 17 === 0) payload.updated_at = 1629280620000;
    tokens.push(`${enc(header)}.${enc(payload)}.${base64url.encode(new Uint8Array(kind === 2 ? 32 : 256).fill(i % 251))}`);
  }
  return tokens;
}

function runBaseline(tokens: string[]): number {
  const t0 = performance.now();
  let n = 0;
  for (const t of tokens) n += Object.keys(decodeJwt(t)).length;
  if (n === 0) throw new Error('unreachable');
  return performance.now() - t0;
}

function runOurs(tokens: string[]): number {
  const t0 = performance.now();
  let n = 0;
  for (let i = 0; i < tokens.length; i++) n += analyzeToken(tokens[i]!, { now: NOW, kind: KINDS[i % 3]! }).findings.length + 1;
  if (n === 0) throw new Error('unreachable');
  return performance.now() - t0;
}

const tokens = makeTokens();
runBaseline(tokens.slice(0, 5000));
runOurs(tokens.slice(0, 5000));
const base: number[] = [];
const ours: number[] = [];
for (let round = 0; round < 5; round++) {
  base.push(runBaseline(tokens));
  ours.push(runOurs(tokens));
}
report('tokens', {
  count: COUNT,
  baselineMs: median(base),
  oursMs: median(ours),
  ratio: median(ours) / median(base),
  target: 3,
  baseline: 'jose decodeJwt',
});
