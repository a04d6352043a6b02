import { describe, expect, it } from 'vitest';
import { exchangeRelevance, type RelevanceInput } from '../../../src/core/classify/relevance.js';
import { jws } from '../helpers/rule-harness.js';
import { exchange } from './exchange-builder.js';

const ISS = 'https://idp.example';
const token = jws({ iss: ISS, sub: 'alice', aud: 'app', iat: 1, exp: 2 });

describe('exchangeRelevance (issue 9: DevTools keeps only login traffic of hosts nobody configured)', () => {
  const relevant: [string, Parameters<typeof exchange>[0], string][] = [
    ['an authorization request', { url: `${ISS}/authorize?client_id=app&response_type=code&state=s`, status: 200, body: '<html>' }, 'authorize'],
    ['a redirect carrying the code', { url: 'https://app.example/login', redirect: 'https://app.example/cb?code=c1&state=s' }, 'authorization_response'],
    ['the callback with code and state', { url: 'https://app.example/cb?code=c1&state=s', status: 200, body: '<html>' }, 'authorization_response'],
    ['an implicit fragment', { url: `https://app.example/cb#id_token=${token}&state=s` }, 'authorization_response'],
    ['an error answer', { url: 'https://app.example/cb?error=access_denied&state=s' }, 'authorization_response'],
    ['an RFC 9207 answer without state', { url: 'https://app.example/cb?code=c1&iss=https%3A%2F%2Fidp.example' }, 'authorization_response'],
    ['a form_post answer', { url: 'https://app.example/cb', form: { code: 'c1', state: 's' } }, 'authorization_response'],
    ['a token request on any path', { url: `${ISS}/x/y`, form: { grant_type: 'authorization_code', code: 'c' }, json: { access_token: 'a' } }, 'token'],
    ['a token response by shape only', { method: 'POST', url: `${ISS}/oauth/token`, json: { access_token: 'a', token_type: 'Bearer' } }, 'token'],
    ['userinfo by path', { url: `${ISS}/userinfo`, json: { sub: 'a' } }, 'userinfo'],
    ['introspection', { url: `${ISS}/introspect`, form: { token: 'x' }, json: { active: true } }, 'introspection'],
    ['revocation', { url: `${ISS}/revoke`, form: { token: 'x' }, status: 200, body: '' }, 'revocation'],
    ['a logout with post_logout_redirect_uri', { url: `${ISS}/session/end?post_logout_redirect_uri=https%3A%2F%2Fapp.example%2F`, status: 302, body: '' }, 'end_session'],
    ['Keycloak logout path', { url: `${ISS}/realms/r/protocol/openid-connect/logout`, status: 302, body: '' }, 'end_session'],
    ['discovery', { url: `${ISS}/.well-known/openid-configuration`, json: { issuer: ISS, jwks_uri: `${ISS}/jwks` } }, 'discovery'],
    ['a JWKS by shape', { url: `${ISS}/keys-here`, json: { keys: [{ kty: 'RSA', n: 'x', e: 'AQAB' }] } }, 'jwks'],
    ['an API call with a bearer token', { url: 'https://api.example/orders', requestHeaders: { authorization: 'Bearer opaque-1' }, json: [] }, 'bearer'],
    ['an API call with a DPoP token', { url: 'https://api.example/orders', requestHeaders: { Authorization: 'DPoP opaque-1' }, json: [] }, 'bearer'],
    ['a token in the query', { url: 'https://api.example/orders?access_token=opaque' }, 'bearer'],
    ['an id_token_hint', { url: `https://app.example/bye?id_token_hint=${token}` }, 'jwt'],
    ['a client assertion in a form', { url: 'https://app.example/x', form: { client_assertion: token } }, 'jwt'],
    ['an application/jwt response', { url: 'https://app.example/signed', responseHeaders: { 'content-type': 'application/jwt' }, body: token }, 'jwt'],
    ['a session API answering with a JWT two levels down', { url: 'https://app.example/api/session', json: { data: { session: { idToken: token } } } }, 'jwt'],
  ];
  it.each(relevant)('%s', (_name, init, why) => {
    expect(exchangeRelevance(exchange(init))).toBe(why);
  });

  const irrelevant: [string, RelevanceInput][] = [
    ['a page', exchange({ url: 'https://app.example/', status: 200, body: '<html>' })],
    ['a script', exchange({ url: 'https://cdn.example/app.js', responseHeaders: { 'content-type': 'text/javascript' }, body: 'let a' })],
    ['an API call without credentials', exchange({ url: 'https://api.example/products', json: { items: [{ name: 'x' }] } })],
    ['a CORS preflight of a token endpoint', exchange({ method: 'OPTIONS', url: `${ISS}/token`, status: 204, body: '' })],
    ['a code without state or issuer (a discount link)', exchange({ url: 'https://shop.example/cart?code=SUMMER' })],
    ['a GET of a token path', exchange({ url: `${ISS}/token`, status: 405, body: '' })],
    ['a CSRF token form', exchange({ url: 'https://app.example/save', form: { token: 'csrf', name: 'x' }, status: 200, body: 'ok' })],
    ['a JWT deeper than three levels', exchange({ url: 'https://app.example/api', json: { a: { b: { c: { d: token } } } } })],
    ['a JSON body over 1 MB', exchange({ url: 'https://app.example/api', body: `{"t":"${token}","pad":"${'x'.repeat(1 << 20)}"}`, responseHeaders: { 'content-type': 'application/json' } })],
    ['an unparsable URL', { method: 'GET', url: 'not a url' }],
    ['a method only', { method: '', url: '' }],
  ];
  it.each(irrelevant)('not: %s', (_name, input) => {
    expect(exchangeRelevance(input)).toBeUndefined();
  });

  it('judges an observation without headers or bodies by its request side', () => {
    expect(exchangeRelevance({ method: 'POST', url: `${ISS}/oauth/token`, requestForm: { grant_type: ['refresh_token'] } })).toBe('token');
    expect(exchangeRelevance({ method: 'GET', url: 'https://app.example/' })).toBeUndefined();
  });
});
