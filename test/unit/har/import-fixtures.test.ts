import { describe, expect, it } from 'vitest';
import { bodyText } from '../../../src/core/util/body.js';
import { exchangeAt, importFixture } from './fixtures.js';

const ISSUER = 'https://auth.current.bankid.no/auth/realms/current';
const OIDC = `${ISSUER}/protocol/openid-connect`;
const CODE = '521e89e9-5b3e-49d2-9647-2aeed215c5d7.66801cef-7746-4391-a018-43bda5c7002b.0ab47fe7-0373-4b80-b517-065f5a5a3769';

describe('sample-login.har (Chrome DevTools)', () => {
  const { exchanges, warnings, creator } = importFixture('sample-login.har');

  it('imports every entry in file order, without warnings', () => {
    expect(creator).toBe('WebInspector 537.36');
    expect(warnings).toEqual([]);
    expect(exchanges.map((e) => `${e.method} ${e.status} ${e.url.split('?')[0]}`)).toEqual([
      `GET 200 ${ISSUER}/.well-known/openid-configuration`,
      `GET 302 ${OIDC}/auth`,
      'GET 200 https://testclient.local:8487/callback',
      'GET 200 https://testclient.local:8487/bankid-logo.png',
      `POST 200 ${OIDC}/token`,
      `GET 200 ${OIDC}/userinfo`,
      `POST 200 ${OIDC}/token`,
    ]);
    expect(exchanges.map((e) => e.id)).toEqual(['har-0', 'har-1', 'har-2', 'har-3', 'har-4', 'har-5', 'har-6']);
  });

  it('reads the times: start at 11:27:30Z, the token response at 11:27:37Z, the refresh at 11:53:21Z', () => {
    expect(exchanges[0]!.startedAt).toBe(Date.UTC(2021, 7, 18, 11, 27, 30));
    expect(exchangeAt(exchanges, 'POST', `${OIDC}/token`).startedAt).toBe(Date.UTC(2021, 7, 18, 11, 27, 37));
    expect(exchangeAt(exchanges, 'POST', `${OIDC}/token`, 1).startedAt).toBe(Date.UTC(2021, 7, 18, 11, 53, 21));
    expect(exchangeAt(exchanges, 'POST', `${OIDC}/token`).endedAt).toBeCloseTo(Date.UTC(2021, 7, 18, 11, 27, 37) + 143.2, 6);
    const starts = exchanges.map((e) => e.startedAt);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('parses the token request form from the text (Chrome params are as sent, still encoded)', () => {
    const token = exchangeAt(exchanges, 'POST', `${OIDC}/token`);
    expect(token.requestForm).toEqual({
      grant_type: ['authorization_code'],
      redirect_uri: ['https://testclient.local:8487/callback'],
      code: [CODE],
      code_verifier: ['your-code-verifier'],
    });
    expect(token.requestBody?.mimeType).toBe('application/x-www-form-urlencoded');
    expect(token.requestHeaders).toEqual([
      { name: 'Host', value: 'auth.current.bankid.no' },
      { name: 'Authorization', value: 'Basic b2lkYy10ZXN0Y2xpZW50OjAxMjM0NTY3LTg5YWItY2RlZi0wMTIzLTQ1Njc4OWFiY2RlZg==' },
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
    ]);
    const refresh = exchangeAt(exchanges, 'POST', `${OIDC}/token`, 1);
    expect(refresh.requestForm?.scope).toEqual(['openid profile']);
    expect(refresh.requestForm?.grant_type).toEqual(['refresh_token']);
  });

  it('keeps the token response body as text and its no-store / no-cache headers', () => {
    const token = exchangeAt(exchanges, 'POST', `${OIDC}/token`);
    const json = JSON.parse(bodyText(token.responseBody!).text) as Record<string, unknown>;
    expect(json.token_type).toBe('bearer');
    expect(json.session_state).toBe('66801cef-7746-4dd6-a018-43bda5c7002b');
    expect(token.responseHeaders).toContainEqual({ name: 'Cache-Control', value: 'no-store' });
    expect(token.responseHeaders).toContainEqual({ name: 'Pragma', value: 'no-cache' });
  });

  it('keeps HTTP/2 pseudo headers and reads the authorize redirect', () => {
    const authorize = exchangeAt(exchanges, 'GET', `${OIDC}/auth`);
    expect(authorize.requestHeaders.slice(0, 4).map((h) => h.name)).toEqual([':authority', ':method', ':path', ':scheme']);
    expect(authorize.redirectUrl).toBe(
      `https://testclient.local:8487/callback?state=Vc2Rsd0kf1HqdDxW3mZp8Q&session_state=66801cef-7746-4dd6-a018-43bda5c7002b&code=${CODE}`,
    );
    expect(authorize.responseBody).toBeUndefined();
    expect(authorize.notes).toContain('response body not in the HAR');
    const challenge = new URL(authorize.url).searchParams.get('code_challenge');
    expect(challenge).toHaveLength(43);
  });

  it('answers the userinfo request with seed 004, whose sub differs from the ID token sub', () => {
    const userinfo = exchangeAt(exchanges, 'GET', `${OIDC}/userinfo`);
    const token = exchangeAt(exchanges, 'POST', `${OIDC}/token`);
    const at = (JSON.parse(bodyText(token.responseBody!).text) as { access_token: string }).access_token;
    expect(userinfo.requestHeaders).toContainEqual({ name: 'Authorization', value: `Bearer ${at}` });
    expect(userinfo.responseHeaders).toContainEqual({ name: 'Content-Type', value: 'application/json;charset=utf-8' });
    expect(JSON.parse(bodyText(userinfo.responseBody!).text)).toMatchObject({ sub: '9578-6000-4-30799' });
  });

  it('keeps the image body base64 and bodyText decodes it', () => {
    const image = exchangeAt(exchanges, 'GET', 'https://testclient.local:8487/bankid-logo.png');
    expect(image.responseBody?.encoding).toBe('base64');
    expect(image.responseBody?.mimeType).toBe('image/png');
    const { text } = bodyText(image.responseBody!, 'image/png');
    expect(text.slice(1, 4)).toBe('PNG');
  });

  it('marks every part it had as seen by the HAR', () => {
    const token = exchangeAt(exchanges, 'POST', `${OIDC}/token`);
    expect(token.seenBy).toEqual({
      request: ['har'], requestHeaders: ['har'], requestBody: ['har'], status: ['har'], responseHeaders: ['har'], responseBody: ['har'],
    });
    const authorize = exchangeAt(exchanges, 'GET', `${OIDC}/auth`);
    expect(authorize.seenBy.responseBody).toBeUndefined();
    expect(authorize.seenBy.requestBody).toBeUndefined();
  });
});

describe('seed-defects.har', () => {
  const { exchanges, warnings } = importFixture('seed-defects.har');

  it('imports six exchanges without warnings', () => {
    expect(warnings).toEqual([]);
    expect(exchanges.map((e) => `${e.method} ${e.status ?? '-'}`)).toEqual(['POST 400', 'POST 200', 'POST 400', 'GET 200', 'GET 200', 'GET -']);
  });

  it('keeps both UAE PASS introspection bodies exactly as received (invalid JSON included)', () => {
    const [inactive, active] = exchanges;
    expect(inactive!.url).toBe('https://stg-id.uaepass.ae/idshub/introspect');
    expect(inactive!.requestForm).toEqual({ token: ['0b7c3f4e-2d1a-4b9c-8e6f-5a4d3c2b1a09'] });
    expect(inactive!.requestHeaders.find((h) => h.name === 'Authorization')?.value).toMatch(/^Basic /);
    expect(bodyText(inactive!.responseBody!).text).toBe('{"active":false,}');
    const text = bodyText(active!.responseBody!).text;
    expect(text.startsWith('"sub": "sample_web_stage",\n')).toBe(true);
    expect(text.endsWith('"username": "admin@carbon.super"\n}')).toBe(true);
  });

  it('decodes the latin-1 body as UTF-8 with replacements and a note (no charset was declared)', () => {
    const latin1 = exchanges[2]!;
    expect(latin1.responseBody?.encoding).toBe('base64');
    const { text, notes } = bodyText(latin1.responseBody!, 'application/json');
    expect(text).toContain('a expir\uFFFD ou a d\uFFFDj\uFFFD \uFFFDt\uFFFD utilis\uFFFD');
    expect(notes).toEqual(['response body is not valid UTF-8: 6 bytes replaced']);
    expect(bodyText(latin1.responseBody!, 'application/json; charset=iso-8859-1').text).toContain('a expiré ou a déjà été utilisé');
  });

  it('says when the response body is missing', () => {
    const userinfo = exchanges[3]!;
    expect(userinfo.status).toBe(200);
    expect(userinfo.responseBody).toBeUndefined();
    expect(userinfo.seenBy.responseBody).toBeUndefined();
    expect(userinfo.notes).toEqual(['response body not in the HAR']);
  });

  it('reads the BirID userinfo (no sub, gender object)', () => {
    const birid = exchanges[4]!;
    expect(birid.url).toBe('https://dmzid.kapitalbank.az/api/v1/openid-connect/userinfo');
    const json = JSON.parse(bodyText(birid.responseBody!).text) as Record<string, unknown>;
    expect(json.sub).toBeUndefined();
    expect(json.gender).toEqual({ id: 2, value: 'Female' });
    expect(json.lastName).toBe('Məmmədova');
  });

  it('leaves status undefined for the blocked request and notes why', () => {
    const blocked = exchanges[5]!;
    expect(blocked.status).toBeUndefined();
    expect(blocked.seenBy.status).toBeUndefined();
    expect(blocked.notes).toEqual(['no response (status 0, net::ERR_BLOCKED_BY_CLIENT)']);
    expect(blocked.responseBody).toBeUndefined();
  });
});

describe('edge-cases.har', () => {
  const { exchanges, warnings } = importFixture('edge-cases.har');

  it('imports all eleven exchanges without warnings', () => {
    expect(warnings).toEqual([]);
    expect(exchanges).toHaveLength(11);
  });

  it('follows the redirect chain, making a relative Location absolute', () => {
    const [login, authorize, page] = exchanges;
    expect(login!.redirectUrl).toBe(authorize!.url);
    expect(authorize!.redirectUrl).toBe('https://idp.example.com/login-actions/authenticate?client_id=app&tab_id=Xy12');
    expect(page!.url).toBe(authorize!.redirectUrl);
    expect(page!.redirectUrl).toBeUndefined();
  });

  it('reads a form given only as params (decoded: Chrome wrote them as sent)', () => {
    const token = exchangeAt(exchanges, 'POST', 'https://idp.example.com/token');
    expect(token.requestBody).toBeUndefined();
    expect(token.requestForm).toEqual({ grant_type: ['client_credentials'], scope: ['api:read api:write'], client_id: ['svc'] });
  });

  it('parses a form given only as text', () => {
    const introspect = exchangeAt(exchanges, 'POST', 'https://idp.example.com/token/introspect');
    expect(introspect.requestForm).toEqual({ token: ['opaque-at-7f3c'], token_type_hint: ['access_token'] });
    expect(introspect.requestBody?.text).toBe('token=opaque-at-7f3c&token_type_hint=access_token');
  });

  it('marks the truncated body and says why', () => {
    const jwks = exchangeAt(exchanges, 'GET', 'https://idp.example.com/jwks');
    expect(jwks.responseBody?.truncated).toBe(true);
    expect(jwks.notes).toEqual(['response incomplete: net::ERR_CONTENT_LENGTH_MISMATCH']);
    expect(bodyText(jwks.responseBody!).notes).toEqual(['response body is truncated: only part of it was captured']);
  });

  it('decodes a base64 JSON body as UTF-8', () => {
    const discovery = exchangeAt(exchanges, 'GET', 'https://idp.example.com/.well-known/openid-configuration');
    const { text, notes } = bodyText(discovery.responseBody!, 'application/json; charset=utf-8');
    expect(notes).toEqual([]);
    expect(JSON.parse(text)).toMatchObject({ issuer: 'https://idp.example.com', x_display_name: 'Demo IdP – Ørsta kommune' });
  });

  it('keeps the implicit-flow tokens in the fragment of the redirect', () => {
    const implicit = exchangeAt(exchanges, 'GET', 'https://idp.example.com/authorize?response_type=id_token');
    const fragment = new URLSearchParams(new URL(implicit.redirectUrl!).hash.slice(1));
    expect(fragment.get('access_token')).toBe('SlAV32hkKG');
    expect(fragment.get('id_token')?.split('.')).toHaveLength(3);
    expect(fragment.get('state')).toBe('af0ifjsldkj');
    // Chrome strips the fragment from the URL of the request that followed.
    expect(exchangeAt(exchanges, 'GET', 'https://app.example.com/cb').url).toBe('https://app.example.com/cb');
  });

  it('keeps the form_post page and the form it posted', () => {
    const page = exchangeAt(exchanges, 'GET', 'https://idp.example.com/authorize?response_type=code&response_mode=form_post');
    const html = bodyText(page.responseBody!).text;
    expect(html).toContain('<INPUT TYPE="HIDDEN" NAME="code" VALUE="SplxlOBeZQQYbYS6WxSbIA"/>');
    const post = exchangeAt(exchanges, 'POST', 'https://app.example.com/cb');
    expect(post.requestForm).toEqual({ state: ['fp-3QzL8w'], code: ['SplxlOBeZQQYbYS6WxSbIA'] });
  });
});
