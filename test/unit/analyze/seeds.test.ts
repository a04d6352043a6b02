import { describe, expect, it } from 'vitest';
import { analyzeDocs, analyzeHar, ruleSeverities } from './load.js';

/** 2021-08-18T11:27:37Z: the iat of seed 002's first token response. */
const AT_IAT = 1629286057;

describe('seed 002: BankID Norway token responses with real signed JWTs, at their iat', () => {
  it('decodes the three tokens of the first response and finds no error', async () => {
    const r = await analyzeDocs(['seeds/bankid-token-response.json'], { now: AT_IAT });
    expect(r.artifacts.map((a) => a.kind).sort()).toEqual(['access_token', 'id_token', 'refresh_token', 'token_response']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const idt = r.artifacts.find((a) => a.kind === 'id_token')!;
    expect(idt.claims?.sub).toBe('2cd7cecd-d444-4685-bb04-8bbfdb45a069');
    expect(idt.profile).toBe('bankid-no');
    expect(idt.jwt?.header).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: '7VFZIZvRPNcYRQFTpD80uIhIiUPxYCdhKhR6nv2CBrg' });
  });

  it("reports the seed's documented quirks: updated_at in milliseconds, amr as a string, token_type bearer, KC refresh token", async () => {
    const r = await analyzeDocs(['seeds/bankid-token-response.json'], { now: AT_IAT });
    expect(ruleSeverities(r)).toEqual(expect.arrayContaining(['numericdate:warning', 'claim-types:warning', 'tr-token-type:info', 'rt-opaque:info']));
    expect(r.findings.find((f) => f.rule === 'numericdate')?.claim).toBe('updated_at');
  });

  it('the same response read five minutes after exp gives exp-passed on every token', async () => {
    const r = await analyzeDocs(['seeds/bankid-token-response.json'], { now: 1629286357 + 60 + 300 });
    const expired = r.findings.filter((f) => f.rule === 'exp-passed').map((f) => r.artifacts.find((a) => a.id === f.artifacts[0])?.kind);
    expect(expired.sort()).toEqual(['access_token', 'id_token']);
  });

  it('the refresh response is a refresh of the first one: same flow, refresh step, no x-refresh-idt error', async () => {
    const r = await analyzeHar(['har/sample-login.har'], { now: AT_IAT + 30 });
    const flow = r.flows.find((f) => f.steps.some((s) => s.kind === 'refresh'))!;
    expect(flow.steps.map((s) => s.kind)).toEqual(['authorize_request', 'authorize_response', 'token', 'userinfo', 'refresh']);
    expect(r.findings.filter((f) => f.rule === 'x-refresh-idt')).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'x-refresh-scope')).toEqual([]);
  });
});

describe('seed 004 against seed 002: userinfo sub differs from the ID token sub', () => {
  it('gives x-ui-sub as an error naming both subjects, linked to the userinfo and the ID token', async () => {
    const r = await analyzeHar(['har/sample-login.har'], { now: AT_IAT + 30 });
    const f = r.findings.find((x) => x.rule === 'x-ui-sub')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('9578-6000-4-30799');
    expect(f.message).toContain('2cd7cecd-d444-4685-bb04-8bbfdb45a069');
    expect(f.artifacts.map((id) => r.artifacts.find((a) => a.id === id)?.kind).sort()).toEqual(['id_token', 'userinfo']);
  });
});

describe('seed 000: the BirID sample is invalid JSON', () => {
  it('is a json-parse error that says where, and the claims are still checked under the BirID profile', async () => {
    const r = await analyzeDocs(['seeds/birid-access-token-claims.json'], { now: 1728239388 });
    const f = r.findings.find((x) => x.rule === 'json-parse')!;
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/line 11, column 3/);
    expect(f.message).toMatch(/inserted a missing comma.*removed a trailing comma/);
    const token = r.artifacts[0]!;
    expect(token.kind).toBe('access_token');
    expect(token.profile).toBe('birid');
    expect(token.claims?.sub).toBe('a716d622-181c-449c-8574-4060b6920dd3');
  });
});

describe('seed 003: UAE PASS introspection', () => {
  it('the inactive answer is HTTP 400 with {"active":false,}: json-parse error and in-basics warning, no crash', async () => {
    const r = await analyzeHar(['har/seed-defects.har'], { now: 1633262176 });
    const intro = r.artifacts.filter((a) => a.kind === 'introspection');
    const bad = intro.find((a) => a.http?.status === 400)!;
    expect(bad.claims).toEqual({ active: false });
    const about = (rule: string) => r.findings.filter((f) => f.rule === rule && f.artifacts.includes(bad.id)).map((f) => f.severity);
    expect(about('json-parse')).toEqual(['error']);
    expect(about('in-basics')).toEqual(['warning']);
  });

  it('the 200 sample misses its opening brace: repaired, and its sub equal to client_id gives x-client-sub', async () => {
    const r = await analyzeDocs(['seeds/uaepass-introspection-200.json'], { now: 1633262176 });
    expect(r.artifacts[0]?.kind).toBe('introspection');
    expect(r.artifacts[0]?.profile).toBe('uaepass');
    expect(ruleSeverities(r)).toEqual(expect.arrayContaining(['json-parse:error', 'x-client-sub:warning']));
  });

  it('active:false with other members is an error under the UAE PASS profile (x-in-inactive-only)', async () => {
    const r = await analyzeDocs(['seeds/uaepass-introspection-400.json'], { now: 1633262176, profile: 'uaepass' });
    expect(ruleSeverities(r)).not.toContain('x-in-inactive-only:error');
    const { analyze } = await import('../../../src/core/index.js');
    const r2 = await analyze({ documents: [{ name: 'x.json', text: '{"active": false, "scope": "openid"}', at: 0 }] }, { now: 1633262176, profile: 'uaepass' });
    expect(ruleSeverities(r2)).toContain('x-in-inactive-only:error');
  });
});

describe('key files given as inputs', () => {
  it('a single JWK document verifies a token signed with its key', async () => {
    const { generateKeyPair, exportJWK, SignJWT } = await import('jose');
    const { analyze } = await import('../../../src/core/index.js');
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1' };
    const token = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer('https://op.example').setIssuedAt(100).setExpirationTime(200).sign(privateKey);
    const r = await analyze({ documents: [{ name: 'key.jwk.json', text: JSON.stringify(jwk), at: 0 }, { name: 't.jwt', text: token, at: 0 }] }, { now: 150 });
    expect(r.artifacts.find((a) => a.kind === 'jwks')).toBeDefined();
    expect(r.artifacts.find((a) => a.raw === token)?.signature?.status).toBe('valid');
  });
});
