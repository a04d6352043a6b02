import { describe, expect, it } from 'vitest';
import { captureEndSeconds } from '../../../src/core/input/capture-end.js';
import { analyze, type AnalysisResult } from '../../../src/core/analyze.js';
import { importHar } from '../../../src/core/har/import.js';
import { exportRedactedHar, isRedactedHar, REDACTED_COMMENT_PREFIX } from '../../../src/core/har/redact-export.js';
import { REDACTED_NOTICE, readInput } from '../../../src/core/input/read-input.js';
import { leftHalfHash } from '../../../src/core/jwt/hashes.js';
import type { Exchange, Finding } from '../../../src/core/model.js';
import { fixtureText } from './fixtures.js';
import { ex, jws, SALT } from './redact-helpers.js';

const CREATOR = { name: 'Token Inspector', version: '0.1.0' };

/** The capture's own "now", as the CLI and the panel choose it for a HAR. */
const nowOf = (exchanges: readonly Exchange[]) => captureEndSeconds(exchanges)!;

/** What a finding says apart from its message (which quotes values, redacted or not). */
const key = (f: Finding) => JSON.stringify([f.rule, f.severity, f.claim ?? null, f.artifacts, f.flow ?? null]);

/** A stripped signature is what redaction adds, by design. */
const stripped = (f: Finding) => f.rule === 'alg-none' && /empty signature segment \(a stripped signature\)$/.test(f.message);

/** Exports `exchanges` redacted, reads the file back as the panel and the CLI do, and analyses both at the same now. */
async function roundTrip(exchanges: Exchange[]): Promise<{ before: AnalysisResult; after: AnalysisResult; text: string }> {
  const text = JSON.stringify(await exportRedactedHar(exchanges, CREATOR, { salt: SALT }), null, 2);
  const read = readInput('redacted.har', text, 0);
  expect(read.errors).toEqual([]);
  expect(read.notices[0]).toEqual({ name: 'redacted.har', message: REDACTED_NOTICE });
  expect(read.summary).toEqual([{ name: 'redacted.har', kind: 'har', exchanges: exchanges.length, warnings: [] }]);
  const now = nowOf(exchanges);
  const before = await analyze({ exchanges }, { now });
  const after = await analyze({ exchanges: read.exchanges }, { now });
  return { before, after, text };
}

function imported(name: string): Exchange[] {
  const har = importHar(fixtureText(name));
  if (!har.ok) expect.fail(har.error);
  return har.exchanges;
}

describe('a redacted export analysed again', () => {
  it.each(['sample-login.har', 'sample-login.firefox.har', 'seed-defects.har', 'edge-cases.har', 'real/chromium-login.har', 'real/firefox-login.har', 'real/chromium-login.sanitized.har'])(
    '%s: same artifacts, flows and findings, plus one stripped-signature finding per JWS',
    async (name) => {
      const { before, after } = await roundTrip(imported(name));
      expect(after.artifacts.map((a) => [a.id, a.kind, a.role ?? null, a.jwt?.format ?? null])).toEqual(before.artifacts.map((a) => [a.id, a.kind, a.role ?? null, a.jwt?.format ?? null]));
      expect(after.flows.map((f) => [f.id, f.type, f.issuer, f.clientId, f.profile, f.steps.length])).toEqual(before.flows.map((f) => [f.id, f.type, f.issuer, f.clientId, f.profile, f.steps.length]));
      expect(after.findings.filter((f) => !stripped(f)).map(key).sort()).toEqual(before.findings.map(key).sort());
      const jwsIds = before.artifacts.filter((a) => a.jwt?.format === 'jws' && a.jwt.segments[2] !== '').map((a) => a.id).sort();
      expect(after.findings.filter(stripped).flatMap((f) => f.artifacts).sort()).toEqual(jwsIds);
    },
  );

  it.each(['sample-login.har', 'real/chromium-login.har', 'real/firefox-login.har'])('%s: the userinfo sub mismatch (x-ui-sub) is still found', async (name) => {
    const { before, after } = await roundTrip(imported(name));
    const subMismatch = (r: AnalysisResult) => r.findings.filter((f) => f.rule === 'x-ui-sub').map(key);
    expect(subMismatch(before)).toHaveLength(1);
    expect(subMismatch(after)).toEqual(subMismatch(before));
  });

  it('keeps no value of the personal claims, no signature and no raw token of the original capture', async () => {
    const exchanges = imported('sample-login.har');
    const { before, text } = await roundTrip(exchanges);
    for (const a of before.artifacts) {
      if (a.jwt?.format === 'jws') expect(text).not.toContain(a.jwt.segments[2]!);
      if (a.jwt) expect(text).not.toContain(a.raw!);
    }
    for (const personal of ['Frode', 'Nilsen', '1966-12-18', '9578-6000-4-30799', '9578-6000-4-634582']) expect(text).not.toContain(personal);
  });

  it('writes a log comment that says it is redacted, which the import recognises', async () => {
    const har = await exportRedactedHar(imported('seed-defects.har'), CREATOR, { salt: SALT });
    expect(Object.keys(har.log).slice(0, 3)).toEqual(['version', 'creator', 'comment']);
    expect(har.log.comment).toMatch(new RegExp(`^${REDACTED_COMMENT_PREFIX}: \\d+ JWS signatures? stripped, `));
    expect(har.log.comment).not.toContain(SALT);
    expect(isRedactedHar(har)).toBe(true);
    expect(isRedactedHar({ log: { comment: 'exported by someone else' } })).toBe(false);
    expect(isRedactedHar(null)).toBe(false);
  });
});

describe('at_hash after redaction', () => {
  const ISSUER = 'https://idp.example';
  const AT = 'opaque-access-token-for-at-hash';

  async function tokenResponse(atHash: string | undefined): Promise<Exchange[]> {
    const idToken = jws({ iss: ISSUER, sub: 'user-1', aud: 'app', exp: 1_629_286_357, iat: 1_629_286_057, nonce: 'n', ...(atHash ? { at_hash: atHash } : {}) });
    return [
      ex({
        id: 't', method: 'POST', url: `${ISSUER}/token`, status: 200, endedAt: 1_629_286_057_100,
        requestForm: { grant_type: ['authorization_code'], code: ['c1'], client_id: ['app'] },
        res: [['Content-Type', 'application/json']],
        responseBody: { text: JSON.stringify({ access_token: AT, token_type: 'Bearer', expires_in: 300, id_token: idToken }), mimeType: 'application/json' },
      }),
    ];
  }

  const hashFindings = (r: AnalysisResult) => r.findings.filter((f) => f.rule === 'idt-hashes');

  it('a true at_hash stays true: it is recomputed over the redacted access token', async () => {
    const { before, after } = await roundTrip(await tokenResponse(await leftHalfHash(AT, 'RS256')));
    const idt = after.artifacts.find((a) => a.kind === 'id_token')!;
    expect(idt.hashes).toEqual([expect.objectContaining({ claim: 'at_hash', ok: true })]);
    expect(hashFindings(before)).toEqual([]);
    expect(hashFindings(after)).toEqual([]);
  });

  it('a wrong at_hash stays wrong', async () => {
    const { before, after } = await roundTrip(await tokenResponse('AAAAAAAAAAAAAAAAAAAAAA'));
    expect(hashFindings(before)).toHaveLength(1);
    expect(hashFindings(after).map(key)).toEqual(hashFindings(before).map(key));
  });

  it('in an implicit redirect: the fragment ID token and access token', async () => {
    const idToken = jws({ iss: ISSUER, sub: 'user-1', aud: 'app', exp: 1_629_286_357, iat: 1_629_286_057, nonce: 'n', at_hash: await leftHalfHash(AT, 'RS256') });
    const exchanges = [
      ex({ id: 'a', url: `${ISSUER}/auth?response_type=id_token%20token&client_id=app&nonce=n&state=s&redirect_uri=https%3A%2F%2Fapp.example%2Fcb`, status: 302, redirectUrl: `https://app.example/cb#id_token=${idToken}&access_token=${AT}&token_type=Bearer&state=s&expires_in=300` }),
    ];
    const { before, after } = await roundTrip(exchanges);
    expect(before.artifacts.find((a) => a.kind === 'id_token')!.hashes).toEqual([expect.objectContaining({ claim: 'at_hash', ok: true })]);
    expect(after.artifacts.find((a) => a.kind === 'id_token')!.hashes).toEqual([expect.objectContaining({ claim: 'at_hash', ok: true })]);
    expect(hashFindings(after)).toEqual(hashFindings(before));
  });
});
