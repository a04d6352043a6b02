import { describe, expect, it } from 'vitest';
import { algPresent } from '../../../src/core/rules/alg-present.js';
import { SEED_002_REFRESH_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { b64, check, expectOne, jsonArtifact, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const claims = { sub: 'u1' };
const jwe = (header: Record<string, unknown>) => rawTokenArtifact('id_token', `${b64(JSON.stringify(header))}.ZWs.aXY.Y3Q.dGFn`);

describe('alg-present', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['no alg', { typ: 'JWT' }, 'header has no "alg"'],
    ['alg a number', { alg: 256 }, '"alg" is 256, expected a string'],
    ['alg null', { alg: null }, '"alg" is null, expected a string'],
    ['alg an object', { alg: { name: 'RS256' } }, '"alg" is {"name":"RS256"}'],
    ['lower-case alg', { alg: 'rs256' }, 'alg "rs256" is not a registered JWS algorithm: names are case-sensitive, did you mean "RS256"?'],
    ['alg None', { alg: 'None' }, 'did you mean "none"?'],
    ['eddsa', { alg: 'eddsa' }, 'did you mean "EdDSA"?'],
    ['unknown alg', { alg: 'XS256' }, 'alg "XS256" is not a registered JWS algorithm'],
    ['empty alg', { alg: '' }, 'alg "" is not a registered'],
    ['a JWE algorithm in a JWS', { alg: 'RSA-OAEP' }, 'alg "RSA-OAEP" is not a registered JWS algorithm'],
    ['crit not an array', { alg: 'RS256', crit: 'b64', b64: false }, '"crit" is "b64", expected a non-empty array'],
    ['crit empty', { alg: 'RS256', crit: [] }, '"crit" is [], expected a non-empty array'],
    ['crit with a number', { alg: 'RS256', crit: [1] }, '"crit" is [1]'],
    ['crit naming an absent parameter', { alg: 'RS256', crit: ['exp'] }, '"crit" lists "exp", which is not in the header'],
    ['crit naming an inherited property', { alg: 'RS256', crit: ['toString'] }, '"crit" lists "toString", which is not in the header'],
    ['crit naming an unknown extension', { alg: 'RS256', crit: ['http://example.com/ext'], 'http://example.com/ext': 1 }, 'lists the extension "http://example.com/ext", which is not understood'],
    ['crit naming a JWS parameter', { alg: 'RS256', crit: ['kid'], kid: 'k1' }, 'lists "kid", a parameter defined by JWS/JWE itself'],
  ])('reports %s', (_name, header, fragment) => {
    expectOne(check(algPresent, [tokenArtifact('access_token', claims, header)]), 'alg-present', 'error', fragment);
  });

  it.each<[string, Record<string, unknown>]>([
    ['RS256', { alg: 'RS256' }],
    ['ES256K', { alg: 'ES256K' }],
    ['Ed25519', { alg: 'Ed25519' }],
    ['none (alg-none judges it)', { alg: 'none' }],
    ['crit b64, understood and present', { alg: 'HS256', crit: ['b64'], b64: false }],
  ])('accepts %s', (_name, header) => {
    expect(check(algPresent, [tokenArtifact('id_token', claims, header)])).toEqual([]);
  });

  it('accepts the seed 002 refresh token (KC header with spaces)', () => {
    expect(check(algPresent, [rawTokenArtifact('refresh_token', SEED_002_REFRESH_TOKEN)])).toEqual([]);
  });

  it('reports alg and crit problems separately', () => {
    const findings = check(algPresent, [tokenArtifact('access_token', claims, { alg: 'hs256', crit: ['x'] })]);
    expect(findings.map((f) => f.message)).toEqual([
      'access token alg "hs256" is not a registered JWS algorithm: names are case-sensitive, did you mean "HS256"?',
      'access token "crit" lists "x", which is not in the header',
    ]);
  });

  it('checks a JWE against the key-management algorithms', () => {
    expect(check(algPresent, [jwe({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })])).toEqual([]);
    expect(check(algPresent, [jwe({ alg: 'dir', enc: 'A256GCM' })])).toEqual([]);
    expectOne(check(algPresent, [jwe({ alg: 'RS256', enc: 'A256GCM' })]), 'alg-present', 'error', 'alg "RS256" is not a registered JWE key-management algorithm');
    expectOne(check(algPresent, [jwe({ alg: 'rsa-oaep', enc: 'A256GCM' })]), 'alg-present', 'error', 'did you mean "RSA-OAEP"?');
  });

  it('says nothing when there is no header to judge', () => {
    const malformed = rawTokenArtifact('access_token', `${b64('[]')}.${b64('{}')}.c2ln`);
    expect(check(algPresent, [malformed, jsonArtifact('opaque_token', undefined), jsonArtifact('userinfo', { sub: 'u' })])).toEqual([]);
  });
});
