import { describe, expect, it } from 'vitest';
import { extractArtifacts } from '../../../src/core/classify/extract.js';
import { jws } from '../helpers/rule-harness.js';
import { exchange } from './exchange-builder.js';

const ISS = 'https://idp.example/realms/demo';
const idToken = jws({ iss: ISS, sub: 'alice', aud: 'app', nonce: 'n1', iat: 1, exp: 2 });
const accessToken = jws({ iss: ISS, sub: 'alice', aud: 'api', typ: 'Bearer', iat: 1, exp: 2 });
const kinds = (xs: { kind: string }[]) => xs.map((a) => a.kind);

describe('classification', () => {
  it('uses the endpoints a discovery document announces, whatever their paths', () => {
    const { artifacts } = extractArtifacts([
      exchange({ url: `${ISS}/.well-known/openid-configuration`, json: { issuer: ISS, token_endpoint: 'https://idp.example/x1', userinfo_endpoint: 'https://idp.example/x2', jwks_uri: 'https://idp.example/x3' } }),
      exchange({ url: 'https://idp.example/x2', requestHeaders: { authorization: `Bearer ${accessToken}` }, json: { sub: 'alice' } }),
      exchange({ url: 'https://idp.example/x3', json: { keys: [] } }),
    ]);
    expect(kinds(artifacts)).toEqual(['discovery', 'access_token', 'userinfo', 'jwks']);
  });

  const byShape: [string, Parameters<typeof exchange>[0], string][] = [
    ['a POST with grant_type is a token request', { url: 'https://idp.example/anything', form: { grant_type: 'client_credentials' }, json: { access_token: 'opaque', token_type: 'Bearer', expires_in: 60 } }, 'token_response'],
    ['a POST with token is an introspection', { url: 'https://idp.example/check', form: { token: 'opaque' }, json: { active: true } }, 'introspection'],
    ['Keycloak userinfo path with a bearer', { url: `${ISS}/protocol/openid-connect/userinfo`, requestHeaders: { authorization: 'Bearer opaque' }, json: { sub: 'a' } }, 'userinfo'],
    ['a GET with response_type and client_id is an authorize request', { url: `${ISS}/protocol/openid-connect/auth?client_id=app&response_type=code&state=s`, status: 200, body: '<html>' }, 'authorize_request'],
    ['a JWKS by its shape', { url: 'https://idp.example/keys-here', json: { keys: [{ kty: 'RSA', n: 'x', e: 'AQAB' }] } }, 'jwks'],
  ];
  for (const [name, init, kind] of byShape) {
    it(name, () => {
      expect(kinds(extractArtifacts([exchange(init)]).artifacts)).toContain(kind);
    });
  }

  it('a CORS preflight to an announced userinfo endpoint is no userinfo (issue 3: an empty OPTIONS became a second userinfo)', () => {
    const { artifacts } = extractArtifacts([
      exchange({ url: `${ISS}/.well-known/openid-configuration`, json: { issuer: ISS, userinfo_endpoint: 'https://idp.example/me' } }),
      exchange({ method: 'OPTIONS', url: 'https://idp.example/me', status: 204, body: '' }),
      exchange({ method: 'OPTIONS', url: `${ISS}/protocol/openid-connect/userinfo`, status: 204, body: '' }),
    ]);
    expect(kinds(artifacts)).toEqual(['discovery']);
  });

  it('a JSON API call that is none of these yields no endpoint artifact', () => {
    expect(extractArtifacts([exchange({ url: 'https://api.example/items', json: { items: [1, 2] } })]).artifacts).toEqual([]);
  });
});

describe('finding tokens wherever they travel', () => {
  it('issued in a token response and then used as a bearer: one artifact, two occurrences', () => {
    const { artifacts } = extractArtifacts([
      exchange({ url: `${ISS}/protocol/openid-connect/token`, form: { grant_type: 'authorization_code', code: 'c' }, json: { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: 300 } }),
      exchange({ url: 'https://api.example/me', requestHeaders: { authorization: `Bearer ${accessToken}` }, json: {} }),
    ]);
    const at = artifacts.filter((a) => a.raw === accessToken);
    expect(at).toHaveLength(1);
    expect(at[0]!.kind).toBe('access_token');
    expect(at[0]!.occurrences.map((o) => o.location)).toEqual(['response.json.access_token', 'request.header.authorization']);
    expect(at[0]!.occurrences[1]!.url).toBe('https://api.example/me');
    const tr = artifacts.find((a) => a.kind === 'token_response')!;
    expect(tr.children?.map((id) => artifacts.find((a) => a.id === id)?.kind)).toEqual(['access_token', 'id_token']);
  });

  it('an ID token sent as a bearer stays an ID token', () => {
    const { artifacts } = extractArtifacts([
      exchange({ url: `${ISS}/protocol/openid-connect/token`, form: { grant_type: 'authorization_code' }, json: { access_token: 'opaque', id_token: idToken } }),
      exchange({ url: 'https://api.example/me', requestHeaders: { authorization: `Bearer ${idToken}` }, json: {} }),
    ]);
    const idt = artifacts.find((a) => a.raw === idToken)!;
    expect(idt.kind).toBe('id_token');
    expect(idt.occurrences.map((o) => o.location)).toContain('request.header.authorization');
  });

  it('form fields: id_token_hint, client_assertion and logout_token are JWTs with their role', () => {
    const { artifacts } = extractArtifacts([
      exchange({ url: `${ISS}/protocol/openid-connect/logout`, form: { id_token_hint: jws({ sub: 'a' }), logout_token: jws({ events: {} }) }, status: 200, body: '' }),
      exchange({ url: `${ISS}/protocol/openid-connect/token`, form: { grant_type: 'client_credentials', client_assertion: jws({ iss: 'app' }) }, json: { access_token: 'x', token_type: 'Bearer', expires_in: 1 } }),
    ]);
    expect(artifacts.filter((a) => a.kind === 'jwt').map((a) => a.role).sort()).toEqual(['client_assertion', 'id_token_hint', 'logout_token']);
  });

  it('the fragment of a redirect (implicit flow) gives an authorize response with its tokens', () => {
    const { artifacts } = extractArtifacts([
      exchange({ url: `${ISS}/auth?client_id=app&response_type=id_token%20token&nonce=n1&state=s1`, redirect: `https://app.example/cb#id_token=${idToken}&access_token=${accessToken}&state=s1&token_type=Bearer` }),
    ]);
    const response = artifacts.find((a) => a.kind === 'authorize_response')!;
    expect(response.claims).toMatchObject({ state: 's1', token_type: 'Bearer' });
    expect(response.children?.map((id) => artifacts.find((a) => a.id === id)?.kind)).toEqual(['id_token', 'access_token']);
    expect(artifacts.find((a) => a.kind === 'id_token')!.occurrences[0]!.location).toBe('url.fragment.id_token');
  });

  it('the same redirect seen as a Location and as the callback request is one authorize response', () => {
    const cb = 'https://app.example/cb?code=abc&state=s1';
    const { artifacts } = extractArtifacts([
      exchange({ url: `${ISS}/auth?client_id=app&response_type=code&state=s1`, redirect: cb }),
      exchange({ url: cb, status: 200, body: '<html>' }),
    ]);
    const responses = artifacts.filter((a) => a.kind === 'authorize_response');
    expect(responses).toHaveLength(1);
    expect(responses[0]!.occurrences).toHaveLength(2);
  });

  it('form_post: a POST to the callback with code and state is an authorize response', () => {
    const { artifacts } = extractArtifacts([
      exchange({ url: `${ISS}/auth?client_id=app&response_type=code&response_mode=form_post&state=s1&redirect_uri=https%3A%2F%2Fapp.example%2Fcb`, status: 200, body: '<form>' }),
      exchange({ url: 'https://app.example/cb', form: { code: 'abc', state: 's1' }, status: 302, redirect: 'https://app.example/' }),
    ]);
    const response = artifacts.find((a) => a.kind === 'authorize_response')!;
    expect(response.occurrences[0]!.location).toBe('response.form');
  });

  it('an access token in a URL query is recorded at url.query', () => {
    const { artifacts } = extractArtifacts([exchange({ url: `https://api.example/me?access_token=${accessToken}`, json: {} })]);
    expect(artifacts[0]!.occurrences[0]!.location).toBe('url.query.access_token');
  });

  it('a malformed token in an id_token member is kept and decoded with problems, not dropped', () => {
    const { artifacts } = extractArtifacts([exchange({ url: `${ISS}/protocol/openid-connect/token`, form: { grant_type: 'authorization_code' }, json: { access_token: 'x', id_token: 'eyJhbGciOi.broken' } })]);
    const idt = artifacts.find((a) => a.kind === 'id_token')!;
    expect(idt.jwt?.format).toBe('malformed');
    expect(idt.jwt?.problems[0]?.rule).toBe('jws-parse');
  });

  it('a signed userinfo response body becomes a userinfo artifact with its JWS decoded', () => {
    const body = jws({ iss: ISS, sub: 'alice', aud: 'app' });
    const { artifacts } = extractArtifacts([exchange({ url: 'https://idp.example/userinfo', requestHeaders: { authorization: 'Bearer opaque' }, responseHeaders: { 'content-type': 'application/jwt' }, body })]);
    const ui = artifacts.find((a) => a.kind === 'userinfo')!;
    expect(ui.jwt?.format).toBe('jws');
    expect(ui.claims?.sub).toBe('alice');
  });

  it('invalid JSON in a token response keeps the repaired claims and the reason', () => {
    const { artifacts } = extractArtifacts([exchange({ url: `${ISS}/protocol/openid-connect/token`, form: { grant_type: 'refresh_token' }, responseHeaders: { 'content-type': 'application/json' }, body: '{"access_token": "x", "token_type": "Bearer",}' })]);
    const tr = artifacts.find((a) => a.kind === 'token_response')!;
    expect(tr.claims).toEqual({ access_token: 'x', token_type: 'Bearer' });
    expect(tr.jsonError).toMatch(/trailing comma/);
  });
});

describe('nested JSON', () => {
  it('finds JWTs in nested members of other JSON responses, named by their path', () => {
    const { artifacts } = extractArtifacts([exchange({ url: 'https://bff.example/api/session', json: { data: { session: { idToken: idToken } }, ok: true } })]);
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]!.occurrences[0]!.location).toBe('response.json.data.session.idToken');
    expect(artifacts[0]!.role).toBe('idToken');
  });
});

describe('evidence before calling something an OAuth message (regressions from review)', () => {
  const notOAuth: [string, Parameters<typeof exchange>[0]][] = [
    ['a discount code in a query', { url: 'https://shop.example/checkout?code=SUMMER20', status: 200, body: '<html>' }],
    ['an address lookup with state and code', { url: 'https://shop.example/api/geo?state=CA&code=94103', json: { city: 'San Francisco' } }],
    ['an MFA code POST', { url: 'https://app.example/mfa', form: { code: '123456', state: 'x' }, status: 302, redirect: 'https://app.example/home' }],
    ['a logout form with a CSRF token', { url: 'https://app.example/oauth2/v1/logout', form: { token: 'csrf-1' }, json: {} }],
    ['a shop error', { url: 'https://shop.example/api/cart', method: 'POST', json: { error: 'out_of_stock' } }],
    ['a feature flag', { url: 'https://app.example/api/feature', method: 'POST', json: { active: 'yes' } }],
    ['a JSON session API', { url: 'https://app.example/api/session', method: 'POST', json: { token_type: 'x', expires_in: 5 } }],
  ];
  for (const [name, init] of notOAuth) {
    it(`${name} yields no OAuth artifact`, () => {
      expect(kinds(extractArtifacts([exchange(init)]).artifacts)).toEqual([]);
    });
  }

  it('a fragment with tokens and no state is still an authorize response (implicit, state is only recommended)', () => {
    const { artifacts } = extractArtifacts([exchange({ url: `https://app.example/cb#id_token=${idToken}&access_token=AT123`, status: 200, body: '' })]);
    expect(kinds(artifacts)).toEqual(['authorize_response', 'id_token', 'opaque_token']);
  });

  it('an id_token_hint in a logout URL is found', () => {
    const hint = jws({ iss: ISS, sub: 'alice' });
    const { artifacts } = extractArtifacts([exchange({ url: `${ISS}/protocol/openid-connect/logout?id_token_hint=${hint}&post_logout_redirect_uri=https%3A%2F%2Fapp.example`, status: 302, redirect: 'https://app.example' })]);
    expect(artifacts.map((a) => [a.kind, a.role])).toEqual([['jwt', 'id_token_hint']]);
  });

  it('a callback with session_state (Keycloak) is an authorize response even when the request was not captured', () => {
    const { artifacts } = extractArtifacts([exchange({ url: 'https://app.example/cb?state=s&session_state=abc&code=c1', status: 302, redirect: 'https://app.example/' })]);
    expect(kinds(artifacts)).toEqual(['authorize_response']);
  });
});
