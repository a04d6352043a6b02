import fc from 'fast-check';
import { base64url } from 'jose';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeToken, decodeJwt, importHar, type Exchange } from '../../../src/core/index.js';
import { parseJsonLenient } from '../../../src/core/util/json-lenient.js';
import { SEED_002_ACCESS_TOKEN, SEED_002_ID_TOKEN, SEED_002_REFRESH_TOKEN } from '../../fixtures/seed-002-tokens.js';

const NOW = 1629286057;
const RUNS = { numRuns: 300 };
const sampleHar = readFileSync(new URL('../../fixtures/har/sample-login.har', import.meta.url), 'utf8');
const seedTokens = [SEED_002_ID_TOKEN, SEED_002_ACCESS_TOKEN, SEED_002_REFRESH_TOKEN];

/** A JWT-ish string: real seed tokens mutated, random segments, or random JSON encoded as segments. */
const tokenArb = fc.oneof(
  fc.string(),
  fc.constantFrom(...seedTokens).chain((t) =>
    fc.tuple(fc.nat(t.length - 1), fc.string({ maxLength: 4 }), fc.nat(8)).map(([at, insert, cut]) => t.slice(0, at) + insert + t.slice(at + cut)),
  ),
  fc.tuple(fc.jsonValue(), fc.jsonValue(), fc.string()).map(([h, p, s]) => `${base64url.encode(JSON.stringify(h))}.${base64url.encode(JSON.stringify(p))}.${s}`),
  fc.array(fc.string({ unit: fc.constantFrom('e', 'y', 'J', '.', '-', '_', 'A', '=', ' ') }), { maxLength: 6 }).map((xs) => xs.join('.')),
);

/** Every finding is well formed and names artifacts that exist. */
function expectWellFormed(result: { artifacts: { id: string }[]; findings: { rule: string; severity: string; artifacts: string[]; message: string }[] }) {
  const ids = new Set(result.artifacts.map((a) => a.id));
  for (const f of result.findings) {
    expect(['error', 'warning', 'info']).toContain(f.severity);
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.message).not.toMatch(/^internal error/);
    for (const id of f.artifacts) expect(ids.has(id)).toBe(true);
  }
}

describe('property: no entry point throws, every outcome is an artifact or a finding', () => {
  it('decodeJwt never throws and reports a problem whenever it could not decode', () => {
    fc.assert(
      fc.property(tokenArb, (raw) => {
        const d = decodeJwt(raw);
        if (d.format === 'malformed' || (d.format === 'jws' && !d.payload) || !d.header) expect(d.problems.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('analyzeToken turns any string into an artifact and findings, never an internal error', () => {
    fc.assert(
      fc.property(tokenArb, fc.constantFrom('id_token', 'access_token', 'refresh_token', 'jwt') as fc.Arbitrary<'id_token'>, (raw, kind) => {
        const r = analyzeToken(raw, { now: NOW, kind });
        expect(r.artifact.raw).toBe(raw);
        expectWellFormed({ artifacts: [r.artifact], findings: r.findings });
        if (r.artifact.jwt?.format !== 'jws' || !r.artifact.jwt.payload) {
          expect(r.findings.some((f) => f.rule === 'jws-parse')).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('parseJsonLenient never throws on any text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json().map((j) => j.replace(/,/g, (c) => (Math.random() < 0.3 ? '' : c)))), (text) => {
      const r = parseJsonLenient(text);
      expect(r.value !== undefined || r.error !== undefined).toBe(true);
    }), RUNS);
  });

  it('analyze over random documents: each is an artifact or an unreadable entry', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(tokenArb, fc.json(), fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1))), { maxLength: 5 }), async (texts) => {
        const docs = texts.map((text, i) => ({ name: `doc${i}`, text, at: NOW * 1000 }));
        const r = await analyze({ documents: docs }, { now: NOW });
        expect(r.artifacts.length + r.unreadable.length).toBeGreaterThanOrEqual(docs.length);
        expect(r.problems).toEqual([]);
        expectWellFormed(r);
      }),
      { numRuns: 150 },
    );
  });

  it('importHar + analyze over mutated HARs never throw', async () => {
    const base = JSON.parse(sampleHar) as { log: { entries: Record<string, unknown>[] } };
    const mutation = fc.record({
      entry: fc.nat(base.log.entries.length - 1),
      path: fc.constantFrom('request', 'response', 'request.headers', 'response.content', 'response.content.text', 'request.postData', 'request.url', 'startedDateTime', 'response.status', 'request.method'),
      value: fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.string()),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { maxLength: 6 }), async (mutations) => {
        const har = structuredClone(base);
        for (const m of mutations) {
          const keys = m.path.split('.');
          let target: Record<string, unknown> | undefined = har.log.entries[m.entry];
          for (const k of keys.slice(0, -1)) target = target && typeof target[k] === 'object' && target[k] !== null ? (target[k] as Record<string, unknown>) : undefined;
          if (target) target[keys[keys.length - 1]!] = m.value;
        }
        const imported = importHar(JSON.stringify(har));
        expect(typeof imported.ok).toBe('boolean');
        if (!imported.ok) return;
        const r = await analyze({ exchanges: imported.exchanges }, { now: NOW });
        expect(r.problems).toEqual([]);
        expectWellFormed(r);
      }),
      { numRuns: 150 },
    );
  });

  it('analyze over random exchanges never throws', async () => {
    const exchange: fc.Arbitrary<Exchange> = fc.record({
      id: fc.uuid(),
      method: fc.constantFrom('GET', 'POST', 'get', ''),
      url: fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), fc.constantFrom('https://idp.example/token', 'https://idp.example/userinfo', 'https://idp.example/introspect', 'https://idp.example/.well-known/openid-configuration')),
      requestHeaders: fc.array(fc.record({ name: fc.constantFrom('authorization', 'content-type', 'x'), value: fc.oneof(fc.string(), tokenArb.map((t) => `Bearer ${t}`)) }), { maxLength: 3 }),
      requestForm: fc.option(fc.dictionary(fc.constantFrom('grant_type', 'code', 'token', 'refresh_token', 'code_verifier', 'client_id', 'state'), fc.array(fc.oneof(fc.string(), tokenArb), { maxLength: 2 })), { nil: undefined }),
      status: fc.option(fc.integer({ min: 0, max: 599 }), { nil: undefined }),
      responseHeaders: fc.array(fc.record({ name: fc.constantFrom('content-type', 'cache-control', 'location'), value: fc.constantFrom('application/json', 'application/jwt', 'no-store', 'text/html') }), { maxLength: 3 }),
      responseBody: fc.option(fc.record({ text: fc.oneof(fc.json(), fc.string(), tokenArb) }), { nil: undefined }),
      redirectUrl: fc.option(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()), { nil: undefined }),
      startedAt: fc.integer({ min: 0, max: 2_000_000_000_000 }),
      seenBy: fc.constant({}),
    }) as fc.Arbitrary<Exchange>;
    await fc.assert(
      fc.asyncProperty(fc.array(exchange, { maxLength: 6 }), async (exchanges) => {
        const r = await analyze({ exchanges }, { now: NOW });
        expect(r.problems).toEqual([]);
        expectWellFormed(r);
      }),
      { numRuns: 200 },
    );
  });
});
