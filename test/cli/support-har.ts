/**
 * A customer's HAR as a support team receives it, built for the redact tests: a hybrid login whose redirect
 * carries an opaque access token and an ID token in its fragment, a token request with a client secret, a token
 * response with a refresh token and a Set-Cookie, a userinfo call (Bearer and Cookie) whose `sub` differs from the
 * ID token's (x-ui-sub), a JWE and a binary body. `SECRETS` lists every value no redacted output may contain.
 */
import { base64url, CompactEncrypt, generateKeyPair, SignJWT } from 'jose';

export const ISS = 'https://idp.example.com';
export const CLIENT = 'support-web';
/** The unix second of the capture's first request; the tokens are fresh then. */
export const T0 = 1_760_000_000;

/** Values of the capture that redaction must remove, by category. */
export interface SupportSecrets {
  tokens: string[];
  secrets: string[];
  cookies: string[];
  personal: string[];
}

const header = (name: string, value: string) => ({ name, value });

function entry(at: number, request: Record<string, unknown>, response: Record<string, unknown>) {
  return {
    startedDateTime: new Date(at * 1000).toISOString(),
    time: 50,
    request: { httpVersion: 'HTTP/1.1', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: -1, ...request },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', cookies: [], headers: [], redirectURL: '', headersSize: -1, bodySize: -1, content: { size: 0, mimeType: '' }, ...response },
    cache: {},
    timings: { send: 0, wait: 50, receive: 0 },
  };
}

const json = (value: unknown) => ({ size: JSON.stringify(value).length, mimeType: 'application/json', text: JSON.stringify(value) });

/** The HAR text and the values in it that must not survive redaction. */
export async function supportHar(): Promise<{ text: string; secrets: SupportSecrets; idTokenSub: string; userinfoSub: string }> {
  const { privateKey } = await generateKeyPair('RS256');
  const idTokenSub = 'c0ffee00-1111-4222-8333-444455556666';
  const userinfoSub = '7e57ab1e-aaaa-4bbb-8ccc-dddddddddddd';
  const person = { name: 'Ingrid Kundesen', email: 'ingrid.kundesen@example.org', phone_number: '+4791234567' };
  const fragmentAt = 'fragAT-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
  const accessToken = 'opaqueAT-0a1b2c3d4e5f60718293a4b5c6d7e8f9';
  const refreshToken = 'opaqueRT-1122334455667788990011223344556677';
  const clientSecret = 'cs-TopSecretValue-4242424242';
  const cookie = 'CookieValue-987654321abcdef';
  const setCookie = 'SetCookieValue-123456789fedcba';
  const sign = (nonce: string, iat: number) =>
    new SignJWT({ nonce, azp: CLIENT, ...person })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISS)
      .setSubject(idTokenSub)
      .setAudience(CLIENT)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 600)
      .sign(privateKey);
  const frontIdToken = await sign('n-0S6_WzA2Mj', T0 + 1);
  const idToken = await sign('n-0S6_WzA2Mj', T0 + 2);
  const { publicKey: encKey } = await generateKeyPair('RSA-OAEP-256');
  const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ sub: idTokenSub, ...person }))).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(encKey);
  const code = 'code-5d1c2b3a';
  const redirect = 'https://app.example.com/cb';
  const authorize = `${ISS}/authorize?client_id=${CLIENT}&response_type=code%20id_token%20token&scope=openid%20profile%20email&redirect_uri=${encodeURIComponent(redirect)}&state=st-1&nonce=n-0S6_WzA2Mj`;
  const location = `${redirect}#code=${code}&state=st-1&access_token=${fragmentAt}&token_type=Bearer&expires_in=600&id_token=${frontIdToken}`;
  const form = `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent(redirect)}&client_id=${CLIENT}&client_secret=${clientSecret}`;
  const png = base64url.decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg');
  const entries = [
    entry(T0, { method: 'GET', url: authorize }, { status: 302, statusText: 'Found', headers: [header('Location', location)], redirectURL: location }),
    entry(T0 + 2, {
      method: 'POST',
      url: `${ISS}/token`,
      headers: [header('Content-Type', 'application/x-www-form-urlencoded')],
      postData: { mimeType: 'application/x-www-form-urlencoded', text: form },
    }, {
      headers: [header('Content-Type', 'application/json'), header('Set-Cookie', `idp_session=${setCookie}; Path=/; HttpOnly`)],
      content: json({ access_token: accessToken, token_type: 'Bearer', expires_in: 600, refresh_token: refreshToken, id_token: idToken, scope: 'openid profile email' }),
    }),
    entry(T0 + 3, {
      method: 'GET',
      url: `${ISS}/userinfo`,
      headers: [header('Authorization', `Bearer ${accessToken}`), header('Cookie', `idp_session=${cookie}`)],
    }, { headers: [header('Content-Type', 'application/json')], content: json({ sub: userinfoSub, ...person }) }),
    entry(T0 + 4, { method: 'GET', url: 'https://app.example.com/api/encrypted' }, {
      headers: [header('Content-Type', 'application/jwt')],
      content: { size: jwe.length, mimeType: 'application/jwt', text: jwe },
    }),
    entry(T0 + 5, { method: 'GET', url: 'https://app.example.com/logo.png' }, {
      headers: [header('Content-Type', 'image/png')],
      content: { size: png.length, mimeType: 'image/png', encoding: 'base64', text: Buffer.from(png).toString('base64') },
    }),
  ];
  const text = JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, pages: [], entries } }, null, 2);
  const signature = (jwt: string) => jwt.split('.')[2]!;
  return {
    text,
    idTokenSub,
    userinfoSub,
    secrets: {
      tokens: [fragmentAt, accessToken, refreshToken, frontIdToken, idToken, signature(frontIdToken), signature(idToken), jwe, jwe.split('.')[3]!],
      secrets: [clientSecret],
      cookies: [cookie, setCookie],
      personal: [idTokenSub, userinfoSub, person.name, person.email, person.phone_number],
    },
  };
}
