import { describe, expect, it } from 'vitest';
import { redactExchanges } from '../../../src/core/har/redact.js';
import { RedactSaltError } from '../../../src/core/har/redact-hash.js';
import { MASK } from '../../../src/core/har/redact-types.js';
import type { Exchange } from '../../../src/core/model.js';
import { parseForm } from '../../../src/core/util/form.js';
import { ex, HASHED, header, jws, payloadOf, redactOne, SALT } from './redact-helpers.js';

const OPAQUE = 'opaque-access-token-2f9c1d7e';
const CODE_JWT = jws({ sid: 's1', sub: 'user-4711' }, { alg: 'HS256' }, 'Y29kZS1zaWduYXR1cmU');
const ID_TOKEN = jws({ iss: 'https://idp.example', sub: 'user-4711', aud: 'app', nonce: 'n-1', email: 'frode@example.no', exp: 1629286357 });

describe('redactExchanges: request and response headers', () => {
  it.each<[string, string, (v: string) => void]>([
    // Basic masks the password and pseudonymises a user that is no client id seen in the capture, still base64.
    ['Authorization', `Basic ${btoa('my-client:s3cret')}`, (v) => expect(atob(v.slice(6))).toMatch(new RegExp(`^redacted:[A-Za-z0-9_-]{16}:${MASK}$`))],
    ['Proxy-Authorization', `Basic ${btoa('jane@example.no:pass:with:colons')}`, (v) => expect(atob(v.slice(6))).toMatch(new RegExp(`^redacted-[A-Za-z0-9_-]{16}@redacted\\.invalid:${MASK}$`))],
    ['Authorization', 'Basic not-base64!', (v) => expect(v).toBe(`Basic ${MASK}`)],
    ['Authorization', `Basic ${btoa('no-colon')}`, (v) => expect(v).toBe(`Basic ${MASK}`)],
    ['authorization', `Bearer ${OPAQUE}`, (v) => expect(v).toMatch(/^Bearer redacted:[A-Za-z0-9_-]{16}$/)],
    ['Authorization', `DPoP ${ID_TOKEN}`, (v) => expect(v).toMatch(/^DPoP eyJ[^.]+\.[^.]+\.$/)],
    ['Authorization', 'Negotiate YIIGhgYJKoZIhvcSAQICAQBuggZ1MIIGcaADAgEF', (v) => expect(v).toBe(`Negotiate ${MASK}`)],
    ['Authorization', 'onlyonecredential', (v) => expect(v).toBe(MASK)],
    ['Cookie', 'KEYCLOAK_SESSION=abc123secret; AUTH_SESSION_ID=def456secret', (v) => expect(v).toBe(`KEYCLOAK_SESSION=${MASK}; AUTH_SESSION_ID=${MASK}`)],
    ['X-Auth-Token', 'tok-0f3b9c7a', (v) => expect(v).toBe(MASK)],
    ['X-CSRF-Token', 'csrf-7c1d', (v) => expect(v).toBe(MASK)],
    ['X-Api-Key', ID_TOKEN, (v) => expect(v).toMatch(/^eyJ[^.]+\.[^.]+\.$/)],
    ['DPoP', ID_TOKEN, (v) => expect(v).toMatch(/^eyJ[^.]+\.[^.]+\.$/)],
    ['Referer', `https://app.example/cb?code=c-1&access_token=${OPAQUE}`, (v) => expect(v).toMatch(/^https:\/\/app\.example\/cb\?code=c-1&access_token=redacted%3A[A-Za-z0-9_-]{16}$/)],
    [':path', `/cb?id_token_hint=${ID_TOKEN}&state=s`, (v) => expect(v).toMatch(/^\/cb\?id_token_hint=eyJ[^.&]+\.[^.&]+\.&state=s$/)],
    ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64)', (v) => expect(v).toBe('Mozilla/5.0 (X11; Linux x86_64)')],
    [':authority', 'idp.example', (v) => expect(v).toBe('idp.example')],
    ['Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8', (v) => expect(v).toBe('application/x-www-form-urlencoded; charset=UTF-8')],
    // An unknown header is pseudonymised whole; a known one keeps its text with the JWT in it stripped.
    ['X-Debug', `token was ${ID_TOKEN} here`, (v) => expect(v).toMatch(HASHED)],
    ['Link', `<https://idp.example/a?t=${ID_TOKEN}>; rel=next`, (v) => expect(v).toMatch(/^<https:\/\/idp\.example\/a\?t=eyJ[^.]+\.[^.]+\.>; rel=next$/)],
    ['X-User-Name', 'Frode Nordmann', (v) => expect(v).toMatch(HASHED)],
    ['Authorization', '', (v) => expect(v).toBe('')],
  ])('request header %s: %s', async (name, value, check) => {
    const out = await redactOne(ex({ req: [[name, value]] }));
    expect(out.requestHeaders).toHaveLength(1);
    expect(out.requestHeaders[0]!.name).toBe(name);
    check(out.requestHeaders[0]!.value);
  });

  it.each<[string, string, (v: string) => void]>([
    ['Set-Cookie', 'sid=s3cr3t-session; Path=/; Secure; HttpOnly', (v) => expect(v).toBe(`sid=${MASK}; Path=/; Secure; HttpOnly`)],
    ['Set-Cookie', 'a=1; Path=/\nb=2; SameSite=Lax', (v) => expect(v).toBe(`a=${MASK}; Path=/\nb=${MASK}; SameSite=Lax`)],
    ['Location', `https://app.example/cb#access_token=${OPAQUE}&id_token=${ID_TOKEN}&state=s1&expires_in=300`, (v) => {
      expect(v).toMatch(/^https:\/\/app\.example\/cb#access_token=redacted%3A[A-Za-z0-9_-]{16}&id_token=eyJ[^.&]+\.[^.&]+\.&state=s1&expires_in=300$/);
    }],
    ['location', '/login?login_hint=frode%40example.no', (v) => expect(v).toMatch(/^\/login\?login_hint=redacted-[A-Za-z0-9_-]{16}%40redacted\.invalid$/)],
    ['Location', 'https://app.example/#/cb?code=c-2&refresh_token=rt-1', (v) => expect(v).toMatch(/^https:\/\/app\.example\/#\/cb\?code=c-2&refresh_token=redacted%3A/)],
    ['WWW-Authenticate', 'Bearer error="invalid_token", error_description="expired"', (v) => expect(v).toBe('Bearer error="invalid_token", error_description="expired"')],
  ])('response header %s: %s', async (name, value, check) => {
    const out = await redactOne(ex({ res: [[name, value]] }));
    check(header(out.responseHeaders, name));
  });
});

describe('redactExchanges: forms, queries and fragments', () => {
  const form = {
    grant_type: 'authorization_code',
    code: 'SplxlOBeZQQYbYS6WxSbIA',
    code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    client_id: 'app',
    client_secret: 'very-secret-value',
    password: 'hunter2-password',
    username: 'frode',
    client_assertion: jws({ iss: 'app', sub: 'app', aud: 'https://idp.example/token', jti: 'j1' }),
    refresh_token: 'rt-opaque-1',
    redirect_uri: 'https://app.example/cb',
  };
  const text = Object.entries(form).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');

  it.each<[keyof typeof form, (v: string) => void]>([
    ['grant_type', (v) => expect(v).toBe('authorization_code')],
    ['code', (v) => expect(v).toBe(form.code)],
    ['code_verifier', (v) => expect(v).toBe(form.code_verifier)],
    ['client_id', (v) => expect(v).toBe('app')],
    ['client_secret', (v) => expect(v).toBe(MASK)],
    ['password', (v) => expect(v).toBe(MASK)],
    ['username', (v) => expect(v).toMatch(HASHED)],
    ['client_assertion', (v) => expect(v).toMatch(/^eyJ[^.]+\.[^.]+\.$/)],
    ['refresh_token', (v) => expect(v).toMatch(HASHED)],
    ['redirect_uri', (v) => expect(v).toBe('https://app.example/cb')],
  ])('form member %s, in the body text and the parsed form alike', async (name, check) => {
    const out = await redactOne(ex({
      method: 'POST', url: 'https://idp.example/token',
      req: [['Content-Type', 'application/x-www-form-urlencoded']],
      requestBody: { text, mimeType: 'application/x-www-form-urlencoded' },
      requestForm: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, [v]])),
    }));
    const fromText = parseForm(out.requestBody!.text);
    check(fromText[name]![0]!);
    expect(out.requestForm).toEqual(fromText);
  });

  it('keeps a code even when it is a JWT: the c_hash of the ID token is computed over it', async () => {
    const code = jws({ sid: 's1', sub: 'user-4711' });
    const out = await redactOne(ex({ url: `https://app.example/cb?code=${code}&state=s`, requestForm: { code: [code], code_verifier: [code] } }));
    expect(new URL(out.url).searchParams.get('code')).toBe(code);
    expect(out.requestForm).toEqual({ code: [code], code_verifier: [code] });
  });

  it('keeps the text of pairs it does not change, and names without a value', async () => {
    const out = await redactOne(ex({ url: 'https://idp.example/auth?scope=openid+profile&flag&x=%7E&password=p1' }));
    expect(out.url).toBe(`https://idp.example/auth?scope=openid+profile&flag&x=%7E&password=${encodeURIComponent(MASK)}`);
  });

  it('redacts the query and the fragment of the URL and of redirectUrl', async () => {
    const out = await redactOne(ex({
      url: `https://idp.example/logout?id_token_hint=${ID_TOKEN}&post_logout_redirect_uri=https%3A%2F%2Fapp.example%2F`,
      status: 302,
      redirectUrl: `https://app.example/cb#id_token=${ID_TOKEN}&state=s`,
    }));
    const hint = new URL(out.url).searchParams.get('id_token_hint')!;
    expect(hint).toMatch(/^eyJ[^.]+\.[^.]+\.$/);
    expect(new URL(out.url).searchParams.get('post_logout_redirect_uri')).toBe('https://app.example/');
    const fragment = new URLSearchParams(out.redirectUrl!.split('#')[1]);
    expect(fragment.get('id_token')).toBe(hint);
    expect(fragment.get('state')).toBe('s');
  });
});

describe('redactExchanges: JSON bodies and token payloads', () => {
  const userinfo = {
    sub: 'user-4711', name: 'Frode Beckmann Nilsen', given_name: 'Frode', family_name: 'Nilsen', middle_name: 'B', nickname: 'fro',
    preferred_username: 'frode.nilsen', email: 'frode@example.no', email_verified: true, phone_number: '+47 958 71 775', phone_number_verified: false,
    birthdate: '1966-12-18', address: { street_address: 'Lybekkveien 11C', postal_code: '0772', locality: 'Oslo', country: 'Norway' },
    // BirID, UAE PASS, BankID Norway fields
    firstName: 'Aysel', lastName: 'Mammadova', patronymic: 'Elchin', pin: '5ZKL9PQ', idCardNumber: 'AA1234567', birthDate: '1990-05-17', profilePicture: 'https://cdn.example/u/4711.png',
    fullnameEN: 'Ahmed Ali', firstnameAR: 'أحمد', mobile: '971500000001', idn: '784198712345678', uuid: '3f1c9d2e-7b8a-4c6d-9e0f-1a2b3c4d5e6f',
    nnin: '01017012345', pinfl: '31234567890123', bankid_altsub: '9578-6000-4-634582', all_phone_numbers: [{ number: '95871775', number_verified: true }],
    iss: 'https://idp.example', locale: 'nb-NO', updated_at: 1629280620,
  };

  it.each(Object.entries(userinfo).filter(([k]) => !['email_verified', 'phone_number_verified', 'iss', 'locale', 'updated_at'].includes(k)))(
    'replaces the personal member %s of a userinfo response',
    async (name, value) => {
      const out = await redactOne(ex({ url: 'https://idp.example/userinfo', status: 200, res: [['Content-Type', 'application/json']], responseBody: { text: JSON.stringify(userinfo), mimeType: 'application/json' } }));
      const body = JSON.parse(out.responseBody!.text) as Record<string, unknown>;
      const leaves = (v: unknown): string[] => (v !== null && typeof v === 'object' ? Object.values(v).flatMap(leaves) : typeof v === 'boolean' ? [] : [String(v)]);
      for (const original of leaves(value)) expect(JSON.stringify(body[name])).not.toContain(original);
    },
  );

  it('keeps verification flags and what is not personal, and keeps formats the profiles check', async () => {
    const out = await redactOne(ex({ url: 'https://idp.example/userinfo', status: 200, responseBody: { text: JSON.stringify(userinfo), mimeType: 'application/json' } }));
    const body = JSON.parse(out.responseBody!.text) as Record<string, string> & { all_phone_numbers: { number_verified: boolean }[] };
    expect(body).toMatchObject({ email_verified: true, phone_number_verified: false, iss: 'https://idp.example', locale: 'nb-NO', updated_at: 1629280620 });
    expect(body.all_phone_numbers[0]!.number_verified).toBe(true);
    expect(body.birthdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(body.bankid_altsub).toMatch(/^\d{4}-\d{4}-\d-\d{6}$/);
    expect(body.phone_number).toMatch(/^\+\d{2} \d{3} \d{2} \d{3}$/);
    expect(body.email).toMatch(/^redacted-[A-Za-z0-9_-]{16}@redacted\.invalid$/);
    expect(body.profilePicture).toMatch(/^https:\/\/redacted\.invalid\/[A-Za-z0-9_-]{16}$/);
    expect(body.name).toMatch(HASHED);
  });

  it('redacts a token response: opaque tokens hashed, the ID token stripped, the rest kept byte for byte', async () => {
    const text = `{\n  "access_token" : "${OPAQUE}",\n  "token_type": "Bearer",\n  "expires_in": 300,\n  "refresh_token": "rt-1",\n  "id_token": "${ID_TOKEN}",\n  "expires_at": 12345678901234567890\n}`;
    const out = await redactOne(ex({ method: 'POST', url: 'https://idp.example/token', status: 200, responseBody: { text, mimeType: 'application/json' } }));
    const body = JSON.parse(out.responseBody!.text) as { access_token: string; refresh_token: string; id_token: string };
    expect(body.access_token).toMatch(HASHED);
    expect(body.refresh_token).toMatch(HASHED);
    expect(body.id_token).toMatch(/^eyJ[^.]+\.[^.]+\.$/);
    expect(body.id_token.split('.')[0]).toBe(ID_TOKEN.split('.')[0]);
    expect(out.responseBody!.text).toContain('"access_token" : "redacted:');
    expect(out.responseBody!.text).toContain('"expires_at": 12345678901234567890\n}');
    expect(payloadOf(body.id_token)).toMatchObject({ iss: 'https://idp.example', aud: 'app', nonce: 'n-1', exp: 1629286357 });
    expect(payloadOf(body.id_token).sub).toMatch(HASHED);
    expect(payloadOf(body.id_token).email).toMatch(/@redacted\.invalid$/);
  });

  it('redacts introspection: username and everything under user_claims', async () => {
    const text = JSON.stringify({ active: true, username: 'admin@carbon.super', client_id: 'c1', user_claims: { mobile: '971500000001', anything: 'Ahmed' }, exp: 1 });
    const out = await redactOne(ex({ method: 'POST', url: 'https://idp.example/introspect', status: 200, responseBody: { text, mimeType: 'application/json' } }));
    expect(out.responseBody!.text).not.toMatch(/admin@carbon|971500000001|Ahmed/);
    expect(JSON.parse(out.responseBody!.text)).toMatchObject({ active: true, client_id: 'c1', exp: 1 });
  });

  it('keeps a sub that is a client id seen in the capture, and reads JSON that lost its opening brace', async () => {
    const text = '"sub": "sample_web_stage",\n"username": "admin@carbon.super",\n"client_id": "sample_web_stage"\n}';
    const [introspection, other] = (await redactExchanges([
      ex({ id: 'a', method: 'POST', url: 'https://idp.example/introspect', status: 200, responseBody: { text, mimeType: 'application/json' } }),
      ex({ id: 'b', url: 'https://idp.example/userinfo', status: 200, responseBody: { text: JSON.stringify({ sub: 'sample_web_stage2' }) } }),
    ], { salt: SALT })).exchanges;
    expect(introspection!.responseBody!.text).toMatch(/^"sub": "sample_web_stage",\n"username": "redacted-[A-Za-z0-9_-]{16}@redacted\.invalid",\n"client_id": "sample_web_stage"\n\}$/);
    expect(JSON.parse(other!.responseBody!.text)).toEqual({ sub: expect.stringMatching(HASHED) });
  });

  it('replaces an e-mail address under any name and inside text, and keeps a client id that looks like one', async () => {
    const text = JSON.stringify({ contact: 'frode@example.no', client_id: 'svc@project.iam.example.com', owner: 'svc@project.iam.example.com', note: 'write to frode@example.no' });
    const out = await redactOne(ex({ url: 'https://api.example/me', status: 200, responseBody: { text, mimeType: 'application/json' } }));
    expect(JSON.parse(out.responseBody!.text)).toEqual({
      contact: expect.stringMatching(/^redacted-[A-Za-z0-9_-]{16}@redacted\.invalid$/),
      client_id: 'svc@project.iam.example.com',
      owner: 'svc@project.iam.example.com',
      // A value of an unknown name that is no carrier is pseudonymised whole.
      note: expect.stringMatching(HASHED),
    });
  });

  it('masks private JWK members and keeps public ones', async () => {
    const jwks = { keys: [{ kty: 'RSA', kid: 'k1', n: 'public-modulus', e: 'AQAB', d: 'private-exponent', p: 'prime-p', q: 'prime-q' }, { kty: 'oct', k: 'c3ltbWV0cmlj' }] };
    const out = await redactOne(ex({ url: 'https://idp.example/jwks', status: 200, responseBody: { text: JSON.stringify(jwks), mimeType: 'application/json' } }));
    expect(JSON.parse(out.responseBody!.text)).toEqual({ keys: [{ kty: 'RSA', kid: 'k1', n: 'public-modulus', e: 'AQAB', d: MASK, p: MASK, q: MASK }, { kty: 'oct', k: MASK }] });
  });

  it('masks a JWE but for its protected header', async () => {
    const jwe = 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6ji.XFBoMYUZodetZdvTiFvSkQ';
    const out = await redactOne(ex({ method: 'POST', url: 'https://idp.example/token', status: 200, responseBody: { text: JSON.stringify({ id_token: jwe }) } }));
    const idToken = (JSON.parse(out.responseBody!.text) as { id_token: string }).id_token;
    expect(idToken).toMatch(/^eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ\.\.[A-Za-z0-9_-]{16}\.\.$/);
  });

  it('redacts a truncated JSON body as far as it goes, leaving it truncated', async () => {
    const text = `{"sub":"user-4711","access_token":"${OPAQUE}","name":"Frode Nil`;
    const out = await redactOne(ex({ url: 'https://idp.example/userinfo', status: 200, responseBody: { text, mimeType: 'application/json', truncated: true } }));
    expect(out.responseBody!.truncated).toBe(true);
    expect(out.responseBody!.text).toMatch(/^\{"sub":"redacted:[A-Za-z0-9_-]{16}","access_token":"redacted:[A-Za-z0-9_-]{16}","name":"redacted:[A-Za-z0-9_-]{16}$/);
  });

  it('redacts a signed userinfo (application/jwt) and a form_post page', async () => {
    const html = `<form method="post" action="https://app.example/cb"><input type="hidden" name="id_token" value="${ID_TOKEN}"/><input type='hidden' name='access_token' value='${OPAQUE}'><input type="hidden" name="state" value="s1"><input type="hidden" name="code" value="${CODE_JWT}"></form>`;
    const [jwt, page] = (await redactExchanges([
      ex({ id: 'a', url: 'https://idp.example/userinfo', status: 200, responseBody: { text: `${ID_TOKEN}\n`, mimeType: 'application/jwt' } }),
      ex({ id: 'b', url: 'https://idp.example/auth', status: 200, responseBody: { text: html, mimeType: 'text/html' } }),
    ], { salt: SALT })).exchanges;
    expect(jwt!.responseBody!.text).toMatch(/^eyJ[^.]+\.[^.]+\.\n$/);
    expect(page!.responseBody!.text).not.toContain(OPAQUE);
    expect(page!.responseBody!.text).not.toContain(ID_TOKEN.split('.')[2]);
    expect(page!.responseBody!.text).toMatch(/name="id_token" value="eyJ[^."]+\.[^."]+\."/);
    expect(page!.responseBody!.text).toMatch(/name='access_token' value='redacted:[A-Za-z0-9_-]{16}'/);
    expect(page!.responseBody!.text).toContain('name="state" value="s1"');
    expect(page!.responseBody!.text).toContain(`name="code" value="${CODE_JWT}"`);
  });
});

describe('redactExchanges: bodies, copies, equality, salt', () => {
  it('decodes a base64 text body and leaves a binary one out with a note', async () => {
    const json = Buffer.from(JSON.stringify({ access_token: OPAQUE })).toString('base64');
    const [text, binary] = (await redactExchanges([
      ex({ id: 'a', status: 200, responseBody: { text: json, encoding: 'base64', mimeType: 'application/json' } }),
      ex({ id: 'b', status: 200, responseBody: { text: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', encoding: 'base64', mimeType: 'image/png' }, notes: ['seen'] }),
    ], { salt: SALT })).exchanges;
    expect(text!.responseBody).toEqual({ text: expect.stringMatching(/^\{"access_token":"redacted:[A-Za-z0-9_-]{16}"\}$/), mimeType: 'application/json' });
    expect(binary!.responseBody).toBeUndefined();
    expect(binary!.notes).toEqual(['seen', 'response body (image/png, base64) left out by redaction: it is not text']);
  });

  it('never mutates its input and returns copies that share nothing with it', async () => {
    const input: Exchange[] = [ex({
      url: `https://app.example/cb?code=c&access_token=${OPAQUE}`, req: [['Authorization', `Bearer ${OPAQUE}`]], requestForm: { a: ['1'] },
      requestBody: { text: 'a=1' }, status: 200, responseBody: { text: JSON.stringify({ sub: 'u' }) }, notes: ['n'], keys: ['k'],
    })];
    const before = structuredClone(input);
    const { exchanges } = await redactExchanges(input, { salt: SALT });
    expect(input).toEqual(before);
    const out = exchanges[0]!;
    for (const k of ['requestHeaders', 'responseHeaders', 'requestForm', 'requestBody', 'responseBody', 'notes', 'keys', 'seenBy'] as const) expect(out[k]).not.toBe(input[0]![k]);
    expect(out.seenBy.request).not.toBe(input[0]!.seenBy.request);
    expect(out.requestForm!.a).not.toBe(input[0]!.requestForm!.a);
  });

  it('replaces equal values equally everywhere, and different values differently', async () => {
    const rt2 = 'rt-opaque-2';
    const { exchanges } = await redactExchanges([
      ex({ id: 'a', method: 'POST', url: 'https://idp.example/token', status: 200, responseBody: { text: JSON.stringify({ access_token: OPAQUE, refresh_token: 'rt-opaque-1', id_token: ID_TOKEN }) } }),
      ex({ id: 'b', url: 'https://idp.example/userinfo', req: [['Authorization', `Bearer ${OPAQUE}`]], status: 200, responseBody: { text: JSON.stringify({ sub: 'user-4711', email: 'frode@example.no' }) } }),
      ex({ id: 'c', method: 'POST', url: 'https://idp.example/token', requestForm: { grant_type: ['refresh_token'], refresh_token: ['rt-opaque-1'] }, status: 200, responseBody: { text: JSON.stringify({ refresh_token: rt2 }) } }),
      ex({ id: 'd', url: `https://idp.example/logout?id_token_hint=${ID_TOKEN}` }),
    ], { salt: SALT });
    const token = JSON.parse(exchanges[0]!.responseBody!.text) as Record<string, string>;
    const userinfo = JSON.parse(exchanges[1]!.responseBody!.text) as Record<string, string>;
    expect(header(exchanges[1]!.requestHeaders, 'authorization')).toBe(`Bearer ${token.access_token}`);
    expect(userinfo.sub).toBe(payloadOf(token.id_token!).sub);
    expect(userinfo.email).toBe(payloadOf(token.id_token!).email);
    expect(exchanges[2]!.requestForm!.refresh_token![0]).toBe(token.refresh_token);
    expect((JSON.parse(exchanges[2]!.responseBody!.text) as Record<string, string>).refresh_token).not.toBe(token.refresh_token);
    expect(new URL(exchanges[3]!.url).searchParams.get('id_token_hint')).toBe(token.id_token);
  });

  it('gives other hashes under another salt', async () => {
    const a = await redactOne(ex({ req: [['Authorization', `Bearer ${OPAQUE}`]] }), SALT);
    const b = await redactOne(ex({ req: [['Authorization', `Bearer ${OPAQUE}`]] }), `${SALT}-other`);
    expect(a.requestHeaders[0]!.value).not.toBe(b.requestHeaders[0]!.value);
  });

  it('counts distinct values by what was done to them', async () => {
    const { counts } = await redactExchanges([
      ex({ id: 'a', req: [['Authorization', `Basic ${btoa('client:abc')}`], ['Cookie', 'a=1; b=2']], url: `https://app.example/cb?access_token=${OPAQUE}&id_token=${ID_TOKEN}` }),
      ex({ id: 'b', req: [['Authorization', `Bearer ${OPAQUE}`]], status: 200, responseBody: { text: 'AAEC/w==', encoding: 'base64', mimeType: 'application/octet-stream' } }),
    ], { salt: SALT });
    // masked: "abc"; cookies: "1", "2"; personal: the Basic user "client" (no client_id names it), the ID token's
    // sub and email; one opaque token (twice); one JWS; one binary body.
    expect(counts).toEqual({ masked: 1, cookies: 2, personal: 3, tokens: 1, signatures: 1, encrypted: 0, bodiesLeftOut: 1 });
  });

  it.each<[string, unknown]>([
    ['no salt', undefined],
    ['an empty salt', ''],
    ['a short salt', 'short-salt'],
    ['a salt that is not a string', 1234567890123456],
  ])('rejects %s with RedactSaltError', async (_name, salt) => {
    const error = await redactExchanges([ex()], { salt } as { salt: string }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedactSaltError);
    expect(error).toMatchObject({ code: 'ERR_REDACT_SALT', message: 'redaction needs a random salt of at least 16 characters' });
  });
});
