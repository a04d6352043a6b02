import { describe, expect, it } from 'vitest';
import type { Artifact, HttpContext, SignatureCheck } from '../../../src/core/model.js';
import { uiSigned } from '../../../src/core/rules/ui-signed.js';
import { check, flowOf, jsonArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const ISS = 'https://auth.current.bankid.no/auth/realms/current';
const CLIENT = 'oidc-testclient';

/** Seed 004's userinfo body. */
const SEED_004 = {
  birthdate: '1966-12-18', exp: 1495714163, family_name: 'Nilsen', given_name: 'Frode Beckmann', iat: 1495710576,
  iss: 'https://preprod.bankidapis.no', name: 'Frode Beckmann Nilsen', preferred_username: 'Frode Beckmann Nilsen', sub: '9578-6000-4-30799',
};

const http = (contentType?: unknown): HttpContext => ({
  method: 'GET', url: 'https://preprod.bankidapis.no/oidc/oauth/userinfo', status: 200, requestHeaders: {},
  responseHeaders: contentType === undefined ? {} : { 'content-type': contentType as string },
});

function signed(payload: Record<string, unknown>, opts: { contentType?: unknown; signature?: SignatureCheck } = {}): Artifact {
  const a = tokenArtifact('userinfo', payload, undefined, { http: http(opts.contentType ?? 'application/jwt') });
  delete a.issuer;
  if (opts.signature) a.signature = opts.signature;
  return a;
}

const good = { iss: ISS, aud: CLIENT, sub: '2cd7cecd-d444-4685-bb04-8bbfdb45a069' };
const idToken = tokenArtifact('id_token', { iss: ISS, sub: good.sub, aud: CLIENT });

/** Runs the rule on a userinfo in a flow with seed 002's ID token, client id known. */
function run(ui: Artifact, withFlow = true) {
  return check(uiSigned, [ui], withFlow ? { artifacts: [idToken], flows: [flowOf([idToken, ui], { issuer: ISS })], clientId: CLIENT } : {});
}

describe('ui-signed: content type', () => {
  it.each([
    ['seed 004 JSON with application/json;charset=utf-8', jsonArtifact('userinfo', SEED_004, { http: http('application/json;charset=utf-8') })],
    ['JSON with upper-case media type', jsonArtifact('userinfo', SEED_004, { http: http('Application/JSON') })],
    ['JSON without a known content type', jsonArtifact('userinfo', SEED_004, { http: http() })],
    ['JSON read from a file (no http)', jsonArtifact('userinfo', SEED_004)],
    ['an unreadable non-JWS body (no claims)', jsonArtifact('userinfo', undefined, { http: http('text/html') })],
    ['signed userinfo as application/jwt', signed(good)],
    ['signed userinfo as application/jwt; charset=utf-8', signed(good, { contentType: 'application/jwt; charset=utf-8' })],
  ])('does not fire: %s', (_name, ui) => {
    expect(run(ui)).toEqual([]);
  });

  it.each([
    ['JSON served as text/plain', jsonArtifact('userinfo', SEED_004, { http: http('text/plain') }), 'JSON userinfo served as Content-Type "text/plain"; expected application/json'],
    ['JSON served as application/jwt', jsonArtifact('userinfo', SEED_004, { http: http('application/jwt') }), 'expected application/json'],
    ['JWS served as application/json (seed 004 says signed, shows JSON)', signed(good, { contentType: 'application/json;charset=utf-8' }), 'signed userinfo served as Content-Type "application/json;charset=utf-8"; expected application/jwt'],
  ])('fires a warning: %s', (_name, ui, fragment) => {
    const f = run(ui);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'ui-signed', severity: 'warning' });
    expect(f[0]!.message).toContain(fragment);
  });
});

describe('ui-signed: signed userinfo claims and signature', () => {
  it.each([
    ['iss missing', { aud: CLIENT, sub: 'u' }, 'iss', `signed userinfo has no iss; it must be the issuer "${ISS}"`],
    ['iss of another issuer (seed 004 iss)', { ...good, iss: 'https://preprod.bankidapis.no' }, 'iss', `iss "https://preprod.bankidapis.no" is not the issuer "${ISS}"`],
    ['iss not a string', { ...good, iss: ['x'] }, 'iss', 'iss ["x"] is not the issuer'],
    ['aud missing', { iss: ISS, sub: 'u' }, 'aud', `signed userinfo has no aud; it must contain the client_id "${CLIENT}"`],
    ['aud without the client', { ...good, aud: ['tinfo'] }, 'aud', `aud ["tinfo"] does not contain the client_id "${CLIENT}"`],
    ['aud a number', { ...good, aud: 7 }, 'aud', 'aud 7 does not contain'],
  ])('fires an error: %s', (_name, payload, claim, fragment) => {
    const f = run(signed(payload));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'ui-signed', severity: 'error', claim });
    expect(f[0]!.message).toContain(fragment);
  });

  it('accepts an aud array containing the client', () => {
    expect(run(signed({ ...good, aud: ['tinfo', CLIENT] }))).toEqual([]);
  });

  it('takes the issuer from the flow when there is no ID token, else from the artifact', () => {
    const ui = signed({ ...good, iss: 'https://other.example' });
    const f1 = check(uiSigned, [ui], { flows: [flowOf([ui], { issuer: ISS })], clientId: CLIENT });
    expect(f1[0]!.message).toContain(`is not the issuer "${ISS}"`);
    const ui2 = signed({ ...good, iss: 'https://other.example' });
    ui2.issuer = ISS;
    expect(check(uiSigned, [ui2], { clientId: CLIENT })[0]!.message).toContain(`is not the issuer "${ISS}"`);
  });

  it('skips the iss comparison when no issuer is known, and the aud check when no client id is known', () => {
    expect(run(signed({ iss: 'https://x.example', aud: 'someone' }), false)).toEqual([]);
  });

  it.each<[string, SignatureCheck, string, string]>([
    ['invalid signature', { status: 'invalid', alg: 'RS256', reason: 'signature mismatch' }, 'error', 'signature does not verify (RS256): signature mismatch'],
    ['no key', { status: 'no-key', kid: 'k9' }, 'warning', 'could not be checked: no key found for kid "k9"'],
  ])('signature: %s', (_name, signature, severity, fragment) => {
    const f = run(signed(good, { signature }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'ui-signed', severity });
    expect(f[0]!.message).toContain(fragment);
  });

  it.each<SignatureCheck['status']>(['valid', 'unverifiable', 'not-checked'])('signature %s gives no finding', (status) => {
    expect(run(signed(good, { signature: { status } }))).toEqual([]);
  });

  it('bad input: payload members of every odd type, odd content type values, JWE without claims', () => {
    const odd = signed({ iss: { nested: { deep: [1, 2, 3] } }, aud: [null, 1, {}], sub: 'x'.repeat(100_000) }, { contentType: 42 });
    const f = run(odd);
    expect(f.map((x) => x.claim)).toEqual(['iss', 'aud']);
    const jwe: Artifact = jsonArtifact('userinfo', undefined, { http: http('application/jwt'), jwt: { format: 'jwe', segments: ['a', 'b', 'c', 'd', 'e'], problems: [] } });
    expect(run(jwe)).toEqual([]);
    const emptyType = jsonArtifact('userinfo', SEED_004, { http: http(';charset=utf-8') });
    expect(run(emptyType)).toEqual([]);
  });
});
