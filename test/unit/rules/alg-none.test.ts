import { describe, expect, it } from 'vitest';
import type { Artifact, FlowType } from '../../../src/core/model.js';
import { algNone } from '../../../src/core/rules/alg-none.js';
import { SEED_002_ID_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { b64, check, expectOne, flowOf, jsonArtifact, jws, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const claims = { iss: 'https://op.example', sub: 'u1', aud: 'c1' };
const unsigned = jws(claims, { alg: 'none' }, '');

/** Runs alg-none on a token inside a flow of the given type (with an optional authorize request). */
function inFlow(token: Artifact, type: FlowType, authorize?: Record<string, unknown>) {
  const extra = authorize ? [jsonArtifact('authorize_request', authorize)] : [];
  const flow = flowOf([...extra, token], { type });
  return check(algNone, [token], { flows: [flow], artifacts: extra });
}

describe('alg-none', () => {
  it.each<[string, Artifact, string]>([
    ['an unsigned access token', rawTokenArtifact('access_token', unsigned), 'access token is unsigned (alg "none")'],
    ['an unsigned refresh token', rawTokenArtifact('refresh_token', unsigned), 'refresh token is unsigned'],
    ['an unsigned ID token from a URL fragment', rawTokenArtifact('id_token', unsigned, { occurrences: [{ location: 'url.fragment.id_token', at: 0 }] }), 'ID token is unsigned'],
    ['an unsigned ID token outside any flow', rawTokenArtifact('id_token', unsigned), 'ID token is unsigned'],
    ['alg none with a signature', tokenArtifact('access_token', claims, { alg: 'none' }, {}, 'c2ln'), 'has alg "none" but a non-empty signature segment'],
    ['alg NONE', tokenArtifact('access_token', claims, { alg: 'NONE' }, {}, 'c2ln'), 'alg "NONE", a case variant of "none"'],
    ['alg nOnE unsigned', tokenArtifact('id_token', claims, { alg: 'nOnE' }, {}, ''), '(and its signature segment is empty)'],
    ['a stripped signature', tokenArtifact('access_token', claims, { alg: 'RS256' }, {}, ''), 'has alg "RS256" but an empty signature segment (a stripped signature)'],
    ['a stripped signature without alg', tokenArtifact('access_token', claims, { typ: 'JWT' }, {}, ''), 'has no alg but an empty signature segment'],
    ['signed userinfo with alg none', rawTokenArtifact('userinfo', unsigned), 'signed userinfo is unsigned'],
  ])('reports %s as an error', (_name, token, fragment) => {
    expectOne(check(algNone, [token]), 'alg-none', 'error', fragment);
  });

  it('warns about an unsigned ID token from the token endpoint of a code flow', () => {
    const token = rawTokenArtifact('id_token', unsigned);
    expectOne(inFlow(token, 'authorization_code'), 'alg-none', 'warning', 'only acceptable if the client registered id_token_signed_response_alg none');
  });

  it('warns in a refresh, and in a hybrid flow whose response type returns no ID token', () => {
    expectOne(inFlow(rawTokenArtifact('id_token', unsigned), 'refresh_token'), 'alg-none', 'warning', 'id_token_signed_response_alg none');
    expectOne(inFlow(rawTokenArtifact('id_token', unsigned), 'hybrid', { response_type: 'code token' }), 'alg-none', 'warning', 'id_token_signed_response_alg none');
  });

  it.each<[string, FlowType, Record<string, unknown> | undefined, Artifact]>([
    ['hybrid flow returning an ID token from the authorization endpoint', 'hybrid', { response_type: 'code id_token' }, rawTokenArtifact('id_token', unsigned)],
    ['hybrid flow without a captured authorize request', 'hybrid', undefined, rawTokenArtifact('id_token', unsigned)],
    ['hybrid flow with a non-string response_type', 'hybrid', { response_type: ['code'] }, rawTokenArtifact('id_token', unsigned)],
    ['implicit flow', 'implicit', { response_type: 'id_token' }, rawTokenArtifact('id_token', unsigned)],
    ['an access token in a code flow', 'authorization_code', undefined, rawTokenArtifact('access_token', unsigned)],
    ['an ID token of a code flow seen only as a hint', 'authorization_code', undefined, rawTokenArtifact('id_token', unsigned, { occurrences: [{ location: 'url.query.id_token_hint', at: 0 }] })],
  ])('keeps the error for %s', (_name, type, authorize, token) => {
    expectOne(inFlow(token, type, authorize), 'alg-none', 'error', 'is unsigned');
  });

  it.each<[string, Artifact]>([
    ['a signed token', tokenArtifact('access_token', claims)],
    ['the seed 002 ID token', rawTokenArtifact('id_token', SEED_002_ID_TOKEN)],
    ['a JWE (its third segment is the IV)', rawTokenArtifact('access_token', `${b64('{"alg":"dir","enc":"A256GCM"}')}..aXY.Y3Q.dGFn`)],
    ['a malformed token', rawTokenArtifact('access_token', 'eyJhbGciOiJub25lIn0.e30')],
    ['an opaque token', jsonArtifact('opaque_token', undefined)],
  ])('accepts %s', (_name, token) => {
    expect(check(algNone, [token])).toEqual([]);
  });

  describe('request objects (Core §6.1)', () => {
    const OP = 'https://op.example';
    const requestObject = () => rawTokenArtifact('jwt', jws({ iss: 'c1', aud: OP, response_type: 'code', client_id: 'c1' }, { alg: 'none' }, ''), { role: 'request', occurrences: [{ location: 'url.query.request', at: 0 }] });

    it('warns about an unsigned request object, naming FAPI / RFC 9101', () => {
      const f = expectOne(check(algNone, [requestObject()]), 'alg-none', 'warning', 'request object is unsigned (alg "none"); Core §6.1 allows unsecured request objects');
      expect(f.message).toContain('FAPI and RFC 9101');
      expect(f.message).not.toContain('Discovery');
    });

    it('is info when Discovery lists none in request_object_signing_alg_values_supported (by aud or by the flow issuer)', () => {
      const discovery = { [OP]: { request_object_signing_alg_values_supported: ['none', 'RS256'] } };
      expectOne(check(algNone, [requestObject()], { discovery }), 'alg-none', 'info', 'Discovery lists "none"');
      const t = rawTokenArtifact('jwt', jws({ iss: 'c1' }, { alg: 'none' }, ''), { role: 'request' });
      const flow = flowOf([t], { issuer: OP });
      expectOne(check(algNone, [t], { discovery, flows: [flow] }), 'alg-none', 'info', 'Discovery lists "none"');
    });

    it('keeps the warning when Discovery lists only signing algorithms, or junk', () => {
      expectOne(check(algNone, [requestObject()], { discovery: { [OP]: { request_object_signing_alg_values_supported: ['RS256'] } } }), 'alg-none', 'warning', 'does not list "none"');
      expectOne(check(algNone, [requestObject()], { discovery: { [OP]: { request_object_signing_alg_values_supported: 'none' } } }), 'alg-none', 'warning', 'require them signed');
    });

    it('keeps the error for other JWTs and for a request object with a non-empty signature', () => {
      expectOne(check(algNone, [rawTokenArtifact('jwt', unsigned, { role: 'client_assertion' })]), 'alg-none', 'error', 'client_assertion JWT is unsigned');
      expectOne(check(algNone, [tokenArtifact('jwt', claims, { alg: 'none' }, { role: 'request' }, 'c2ln')]), 'alg-none', 'error', 'non-empty signature segment');
    });
  });
});
