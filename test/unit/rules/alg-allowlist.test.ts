import { describe, expect, it } from 'vitest';
import { algAllowlist } from '../../../src/core/rules/alg-allowlist.js';
import { SEED_002_ID_TOKEN, SEED_002_ISSUER } from '../../fixtures/seed-002-tokens.js';
import { b64, check, expectOne, jsonArtifact, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const ISS = 'https://op.example';
const claims = { iss: ISS, sub: 'u1' };
const header = (alg: unknown) => ({ alg, kid: 'k1' });
const discovery = (doc: Record<string, unknown>) => ({ [ISS]: doc });

describe('alg-allowlist', () => {
  it('reports an alg outside the configured allowlist, for any token', () => {
    const t = tokenArtifact('refresh_token', claims, header('HS256'));
    expectOne(check(algAllowlist, [t], { algAllowlist: ['RS256', 'ES256'] }), 'alg-allowlist', 'error', 'refresh token alg "HS256" is not in the configured allowlist ["RS256","ES256"]');
  });

  it('prefers the configured allowlist over Discovery', () => {
    const t = tokenArtifact('id_token', claims, header('PS256'));
    const opts = { algAllowlist: ['PS256'], discovery: discovery({ id_token_signing_alg_values_supported: ['RS256'] }) };
    expect(check(algAllowlist, [t], opts)).toEqual([]);
  });

  it('reports an ID token alg the issuer does not announce in Discovery', () => {
    const t = tokenArtifact('id_token', claims, header('HS256'));
    const f = expectOne(check(algAllowlist, [t], { discovery: discovery({ id_token_signing_alg_values_supported: ['RS256'] }) }), 'alg-allowlist', 'error', "ID token alg \"HS256\" is not in the issuer's Discovery id_token_signing_alg_values_supported [\"RS256\"]");
    expect(f.artifacts).toEqual([t.id]);
  });

  it('uses userinfo_signing_alg_values_supported for signed userinfo', () => {
    const ui = tokenArtifact('userinfo', claims, header('ES256'));
    const doc = discovery({ id_token_signing_alg_values_supported: ['ES256'], userinfo_signing_alg_values_supported: ['RS256'] });
    expectOne(check(algAllowlist, [ui], { discovery: doc }), 'alg-allowlist', 'error', 'userinfo_signing_alg_values_supported ["RS256"]');
  });

  it('checks the seed 002 ID token against the BankID Discovery list', () => {
    const t = rawTokenArtifact('id_token', SEED_002_ID_TOKEN);
    expect(check(algAllowlist, [t], { discovery: { [SEED_002_ISSUER]: { id_token_signing_alg_values_supported: ['RS256'] } } })).toEqual([]);
    expectOne(check(algAllowlist, [t], { discovery: { [SEED_002_ISSUER]: { id_token_signing_alg_values_supported: ['PS256'] } } }), 'alg-allowlist', 'error', 'alg "RS256"');
  });

  it.each<[string, Record<string, unknown> | undefined]>([
    ['the alg is listed', { id_token_signing_alg_values_supported: ['RS256', 'HS256'] }],
    ['no Discovery is known', undefined],
    ['Discovery lacks the member', { issuer: ISS }],
    ['the member is a string', { id_token_signing_alg_values_supported: 'RS256 HS256' }],
    ['the member is an empty array', { id_token_signing_alg_values_supported: [] }],
    ['the member holds only non-strings', { id_token_signing_alg_values_supported: [1, null, {}] }],
  ])('says nothing when %s', (_name, doc) => {
    const t = tokenArtifact('id_token', claims, header('HS256'));
    expect(check(algAllowlist, [t], doc ? { discovery: discovery(doc) } : {})).toEqual([]);
  });

  it('reports when junk surrounds a list that lacks the alg', () => {
    const t = tokenArtifact('id_token', claims, header('HS256'));
    expectOne(check(algAllowlist, [t], { discovery: discovery({ id_token_signing_alg_values_supported: [1, 'RS256'] }) }), 'alg-allowlist', 'error', '["RS256"]');
  });

  it('leaves access tokens alone without a configured allowlist', () => {
    const t = tokenArtifact('access_token', claims, header('HS256'));
    expect(check(algAllowlist, [t], { discovery: discovery({ id_token_signing_alg_values_supported: ['RS256'] }) })).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['a number', 7],
    ['an array', ['RS256']],
  ])('leaves an alg that is %s to alg-present', (_name, alg) => {
    const t = tokenArtifact('id_token', claims, alg === undefined ? { kid: 'k1' } : header(alg));
    expect(check(algAllowlist, [t], { algAllowlist: ['RS256'] })).toEqual([]);
  });

  it('ignores JWEs, tokens without iss, and artifacts without a JWT', () => {
    const jwe = rawTokenArtifact('id_token', `${b64('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.ZWs.aXY.Y3Q.dGFn`, { issuer: ISS });
    const noIss = tokenArtifact('id_token', { sub: 'u1', iss: 42 }, header('HS256'));
    const opaque = jsonArtifact('opaque_token', undefined);
    const opts = { discovery: discovery({ id_token_signing_alg_values_supported: ['RS256'] }) };
    expect(check(algAllowlist, [jwe, noIss, opaque], opts)).toEqual([]);
    expect(check(algAllowlist, [jwe, opaque], { algAllowlist: ['RS256'] })).toEqual([]);
  });

  describe('the configured allowlist applies only to OP-signed JWTs', () => {
    const opts = { algAllowlist: ['RS256'] };

    it.each<[string, () => ReturnType<typeof tokenArtifact>, string]>([
      ['ID token', () => tokenArtifact('id_token', claims, header('ES256')), 'ID token alg "ES256"'],
      ['access token', () => tokenArtifact('access_token', claims, header('ES256')), 'access token alg "ES256"'],
      ['signed userinfo', () => tokenArtifact('userinfo', claims, header('ES256')), 'signed userinfo alg "ES256"'],
      ['logout token', () => tokenArtifact('jwt', claims, header('ES256'), { role: 'logout_token' }), 'logout_token JWT alg "ES256"'],
      ['refresh token outside Keycloak', () => tokenArtifact('refresh_token', claims, header('ES256')), 'refresh token alg "ES256"'],
    ])('checks a %s', (_name, make, fragment) => {
      expectOne(check(algAllowlist, [make()], opts), 'alg-allowlist', 'error', fragment);
    });

    it.each(['client_assertion', 'request', 'subject_token', 'actor_token', 'assertion', 'bankid_proof'])('skips a %s JWT (client-signed or not OP-issued)', (role) => {
      const t = tokenArtifact('jwt', claims, header('ES256'), { role });
      expect(check(algAllowlist, [t], opts)).toEqual([]);
    });

    it('skips a Keycloak refresh token (HS512 with a realm secret)', () => {
      const t = tokenArtifact('refresh_token', claims, header('HS512'), { profile: 'keycloak' });
      expect(check(algAllowlist, [t], opts)).toEqual([]);
    });

    it('skips a jwt without a role', () => {
      expect(check(algAllowlist, [tokenArtifact('jwt', claims, header('ES256'))], opts)).toEqual([]);
    });
  });
});
