import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../../src/core/model.js';
import { typExplicit } from '../../../src/core/rules/typ-explicit.js';
import { SEED_002_ACCESS_TOKEN, SEED_002_ID_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { check, expectOne, jsonArtifact, rawTokenArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const claims = { iss: 'https://op.example', sub: 'u1' };
const at = (header: Record<string, unknown>, extra: Partial<Artifact> = {}) => tokenArtifact('access_token', claims, header, extra);
const bearer = (url?: string) => ({ location: 'request.header.authorization', at: 0, ...(url ? { url } : {}) });

describe('typ-explicit', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['typ JWT', { alg: 'RS256', typ: 'JWT' }, 'access token header typ is "JWT", expected "at+jwt" or "application/at+jwt"'],
    ['no typ', { alg: 'RS256' }, 'access token header has no typ'],
    ['typ a number', { alg: 'RS256', typ: 9068 }, 'header typ is 9068'],
    ['typ null', { alg: 'RS256', typ: null }, 'header typ is null'],
    ['typ as an array', { alg: 'RS256', typ: ['at+jwt'] }, 'header typ is ["at+jwt"]'],
    ['typ jwt+at', { alg: 'RS256', typ: 'jwt+at' }, '"jwt+at"'],
  ])('warns about an access token with %s', (_name, header, fragment) => {
    expectOne(check(typExplicit, [at(header)]), 'typ-explicit', 'warning', fragment);
  });

  it.each<[string, string]>([
    ['at+jwt', 'at+jwt'],
    ['application/at+jwt', 'application/at+jwt'],
    ['upper case', 'AT+JWT'],
    ['mixed case media type', 'Application/At+Jwt'],
  ])('accepts typ %s', (_name, typ) => {
    expect(check(typExplicit, [at({ alg: 'RS256', typ })])).toEqual([]);
  });

  it('is info under the Keycloak profile (seed 002 access token)', () => {
    const t = rawTokenArtifact('access_token', SEED_002_ACCESS_TOKEN, { profile: 'keycloak' });
    expectOne(check(typExplicit, [t]), 'typ-explicit', 'info', `header typ is "JWT", expected "at+jwt" or "application/at+jwt" (Keycloak's default is "JWT")`);
  });

  it('keeps the warning for the seed 002 access token under the generic profile', () => {
    expectOne(check(typExplicit, [rawTokenArtifact('access_token', SEED_002_ACCESS_TOKEN)]), 'typ-explicit', 'warning', 'typ is "JWT"');
  });

  it('reports an ID token used as a bearer token, naming the URL', () => {
    const t = rawTokenArtifact('id_token', SEED_002_ID_TOKEN, { occurrences: [{ location: 'response.json.id_token', at: 0 }, bearer('https://api.example/v1/me')] });
    expectOne(check(typExplicit, [t]), 'typ-explicit', 'error', 'ID token used as a bearer token in the Authorization header of a request to https://api.example/v1/me');
  });

  it('reports each URL once', () => {
    const t = tokenArtifact('id_token', claims, undefined, { occurrences: [bearer('https://a.example/'), bearer('https://a.example/'), bearer('https://b.example/'), bearer()] });
    const findings = check(typExplicit, [t]);
    expect(findings.every((f) => f.rule === 'typ-explicit' && f.severity === 'error')).toBe(true);
    expect(findings.map((f) => /Authorization header of (.*); ID tokens/.exec(f.message)?.[1])).toEqual([
      'a request to https://a.example/',
      'a request to https://b.example/',
      'a request whose URL was not captured',
    ]);
  });

  it('shows the URL without query or fragment, and names a URL once whatever its query', () => {
    const t = tokenArtifact('id_token', claims, undefined, { occurrences: [bearer('https://api.example/v1/me?access_token=secret#frag'), bearer('https://api.example/v1/me?x=2')] });
    const f = expectOne(check(typExplicit, [t]), 'typ-explicit', 'error', 'a request to https://api.example/v1/me;');
    expect(f.message).not.toContain('secret');
    expect(f.message).not.toContain('?');
  });

  it('reports an ID token typed as an access token', () => {
    expectOne(check(typExplicit, [tokenArtifact('id_token', claims, { alg: 'RS256', typ: 'at+jwt' })]), 'typ-explicit', 'error', 'ID token header typ is "at+jwt", the type of an access token');
  });

  it.each<[string, Artifact]>([
    ['the seed 002 ID token from the token endpoint', rawTokenArtifact('id_token', SEED_002_ID_TOKEN)],
    ['an ID token sent as id_token_hint', tokenArtifact('id_token', claims, undefined, { occurrences: [{ location: 'url.query.id_token_hint', at: 0 }] })],
    ['an opaque access token', jsonArtifact('access_token', undefined, { raw: 'abc' })],
    ['a JWE access token', rawTokenArtifact('access_token', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y3Q.dGFn')],
    ['a refresh token typed JWT', tokenArtifact('refresh_token', claims, { alg: 'HS256', typ: 'JWT' })],
  ])('says nothing for %s', (_name, t) => {
    expect(check(typExplicit, [t])).toEqual([]);
  });
});
