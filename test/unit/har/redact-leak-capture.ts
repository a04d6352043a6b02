/**
 * A realistic login capture with a credential or a personal value in every carrier the adversarial review of
 * issue 10 §1 found leaking, each value unique (derived from its carrier's name) and unguessable, and the list
 * of what was planted where. The carriers the engine always handled (token response, bearer header, token form,
 * ID token claims) are planted too, as the control.
 */
import { createHash } from 'node:crypto';
import { base64url } from 'jose';
import type { Exchange } from '../../../src/core/model.js';
import type { Plant } from './redact-leak-check.js';
import { ex } from './redact-helpers.js';

const digest = (label: string) => createHash('sha256').update(`issue-10 leak test/${label}`).digest();

/** Unguessable values derived from a label: the same label gives the same value, another label another one. */
export const mint = {
  /** 32 base64url characters. */
  token: (label: string) => digest(label).subarray(0, 24).toString('base64url'),
  /** A password with characters that every encoding changes: space, `!$&+/%:`. */
  password: (label: string) => {
    const b = digest(label).toString('base64url');
    return `${b.slice(0, 6)}!$ ${b.slice(6, 10)}&+/${b.slice(10, 14)}%:${b.slice(14, 16)}`;
  },
  /** A pronounceable name that no list and no pseudonym holds. */
  name: (label: string) => {
    const d = digest(label);
    const c = 'bdfgklmnprstvz';
    const v = 'aeiou';
    let out = '';
    for (let i = 0; i < 9; i++) out += i % 2 === 0 ? c[d[i]! % c.length] : v[d[i]! % v.length];
    return out[0]!.toUpperCase() + out.slice(1);
  },
  email: (label: string) => {
    const d = digest(label).toString('hex');
    const letters = (s: string) => s.replace(/[0-9]/g, (n) => 'ghijklmnop'[Number(n)]!);
    return `${letters(d.slice(0, 8))}.${letters(d.slice(8, 14))}@${letters(d.slice(14, 22))}.no`;
  },
  /** A Norwegian mobile number, `+47` and 8 digits starting with 4 or 9. */
  phone: (label: string) => `+47${digest(label).readUInt32BE(0) % 2 === 0 ? '4' : '9'}${String(digest(label).readUInt32BE(4) % 10_000_000).padStart(7, '0')}`,
  uuid: (label: string) => {
    const h = digest(label).toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  },
  digits: (label: string, n: number) => String(digest(label).readBigUInt64BE(0)).padStart(n, '7').slice(-n),
  /** A JWS signature segment (342 characters, as RS256 gives). */
  signature: (label: string) => Array.from({ length: 8 }, (_, i) => digest(`${label}/sig/${i}`).toString('base64url')).join('').slice(0, 342),
};

/** A compact JWS of `payload` with a signature minted from `label`. */
export function signed(label: string, payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'k-2024-main' }): string {
  const enc = (v: unknown) => base64url.encode(JSON.stringify(v));
  return `${enc(header)}.${enc(payload)}.${mint.signature(label)}`;
}

/** What must not survive of a planted JWT: its signature, its payload segment, and the personal values in it. */
export function jwtPlants(carrier: string, token: string, personal: Record<string, string>): Plant[] {
  const [, payload, signature] = token.split('.');
  return [
    { carrier, what: 'JWS signature', value: signature! },
    { carrier, what: 'JWT payload segment', value: payload! },
    ...Object.entries(personal).map(([claim, value]) => ({ carrier, what: `JWT claim ${claim}`, value })),
  ];
}

export const ISSUER = 'https://idp.example';
export const CLIENT_ID = 'webshop-app';
const APP = 'https://app.example';
const API = 'https://api.example';
const T0 = Date.UTC(2024, 4, 13, 9, 30, 0);
const IAT = T0 / 1000 + 20;
const STATUS_TEXT: Record<number, string> = { 200: 'OK', 204: 'No Content', 302: 'Found' };

/** The values test 4 of the issue checks: the subs, and the protocol fields that must be kept. */
export interface LoginFacts {
  idTokenSub: string;
  userinfoSub: string;
  accessToken: string;
  idToken: string;
  kept: { iss: string; aud: string; exp: number; iat: number; alg: string; kid: string; scope: string; grantType: string; tokenType: string; expiresIn: number };
}

export interface LeakyLogin {
  exchanges: Exchange[];
  plants: Plant[];
  /** Every carrier planted, in the order of the capture. */
  carriers: string[];
  facts: LoginFacts;
}

const html = (body: string) => ({ text: `<!doctype html><html><head><meta charset=utf-8><title>Webshop</title></head><body>${body}</body></html>`, mimeType: 'text/html' });
const json = (value: unknown) => ({ text: JSON.stringify(value), mimeType: 'application/json' });

/**
 * The login: the app's start page, discovery, the authorization request (state a base64url JSON holding an
 * e-mail), the login form posted as multipart, the form_post page (unquoted attributes), the code exchange
 * (userinfo in the token endpoint URL), userinfo (personal data under names outside the known list, JSON in JSON,
 * an `X-User-Name` header), the app's config (secrets two JSON strings down), its API (e-mail in the path, raw and
 * `%40`; Basic credentials), a plain-text token dump, and JWTs in percent-encoded surroundings.
 * `sameSub`: the userinfo `sub` equals the ID token's (else they differ and x-ui-sub fires).
 */
export function leakyLogin({ sameSub = false }: { sameSub?: boolean } = {}): LeakyLogin {
  const plants: Plant[] = [];
  const carriers: string[] = [];
  const exchanges: Exchange[] = [];
  let clock = T0;
  const plant = (carrier: string, list: [what: string, value: string][] | Plant[]) => {
    if (!carriers.includes(carrier)) carriers.push(carrier);
    for (const p of list) plants.push(Array.isArray(p) ? { carrier, what: p[0], value: p[1] } : p);
  };
  const add = (e: Parameters<typeof ex>[0]) => {
    const startedAt = (clock += 1000);
    exchanges.push(ex({ id: `e${exchanges.length + 1}`, startedAt, endedAt: startedAt + 120, ...(e?.status !== undefined ? { statusText: STATUS_TEXT[e.status] ?? 'OK' } : {}), ...e }));
  };

  // 1. The app's start page: a JWT in an href, after %3D.
  const C_HREF = 'JWT in an HTML body href, after %3D';
  const hrefSub = mint.uuid(C_HREF);
  const hrefJwt = signed(C_HREF, { iss: ISSUER, aud: CLIENT_ID, sub: hrefSub, exp: IAT + 300, iat: IAT - 600 });
  plant(C_HREF, jwtPlants(C_HREF, hrefJwt, { sub: hrefSub }));
  add({ url: `${APP}/`, status: 200, res: [['Content-Type', 'text/html; charset=utf-8']], responseBody: html(`<h1>Webshop</h1><a href="${APP}/go?next=%2Fcb%3Fid_token%3D${hrefJwt}&amp;lang=nb">Continue</a>`) });

  // 2. Discovery.
  add({
    url: `${ISSUER}/.well-known/openid-configuration`, status: 200, res: [['Content-Type', 'application/json']],
    responseBody: json({ issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token`, userinfo_endpoint: `${ISSUER}/userinfo`, jwks_uri: `${ISSUER}/jwks`, response_modes_supported: ['query', 'fragment', 'form_post'], id_token_signing_alg_values_supported: ['RS256'] }),
  });

  // 3. The authorization request: an e-mail in a base64url-encoded state.
  const C_STATE = 'e-mail in a base64url-encoded state';
  const stateEmail = mint.email(C_STATE);
  const stateJson = JSON.stringify({ returnTo: '/account/orders', email: stateEmail, csrf: mint.token(`${C_STATE}/csrf`).slice(0, 12) });
  const state = base64url.encode(stateJson);
  plant(C_STATE, [['e-mail address', stateEmail], ['e-mail local part', stateEmail.split('@')[0]!]]);
  const verifier = mint.token('pkce verifier') + mint.token('pkce verifier 2').slice(0, 11);
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = `${APP}/cb`;
  const scope = 'openid profile email';
  const authorizeUrl = `${ISSUER}/auth?client_id=${CLIENT_ID}&response_type=code&response_mode=form_post&scope=${encodeURIComponent(scope)}&redirect_uri=${encodeURIComponent(redirectUri)}&state=${state}&nonce=n-${mint.token('nonce').slice(0, 16)}&code_challenge=${challenge}&code_challenge_method=S256`;
  add({ url: authorizeUrl, status: 200, res: [['Content-Type', 'text/html; charset=utf-8']], responseBody: html('<form method="post" action="/login" enctype="multipart/form-data"><input name="username"><input name="password" type="password"></form>') });

  // 4. The login form, posted as multipart/form-data.
  const C_MULTIPART = 'multipart/form-data body';
  const mpUser = mint.email(C_MULTIPART);
  const mpPassword = mint.password(C_MULTIPART);
  const mpPassphrase = mint.password(`${C_MULTIPART}/passphrase`);
  const boundary = '----WebKitFormBoundary7MA4YWxkTrZu0gW';
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  plant(C_MULTIPART, [['username (an e-mail address)', mpUser], ['password', mpPassword], ['passphrase', mpPassphrase]]);
  add({
    method: 'POST', url: `${ISSUER}/login`, status: 302,
    req: [['Content-Type', `multipart/form-data; boundary=${boundary}`]],
    requestBody: { text: `${part('username', mpUser)}${part('password', mpPassword)}${part('otp_passphrase', mpPassphrase)}${part('remember', 'on')}--${boundary}--\r\n`, mimeType: `multipart/form-data; boundary=${boundary}` },
    res: [['Location', `${ISSUER}/auth/resume`]],
    redirectUrl: `${ISSUER}/auth/resume`,
  });

  // 5. The form_post page, attributes unquoted.
  const C_FORM_POST = 'HTML form_post page with unquoted attributes';
  const fpAccess = mint.token(`${C_FORM_POST}/access_token`);
  const fpSub = mint.uuid(C_FORM_POST);
  const fpIdToken = signed(C_FORM_POST, { iss: ISSUER, aud: CLIENT_ID, sub: fpSub, exp: IAT + 300, iat: IAT - 5 });
  const code = `${mint.uuid('code')}.${mint.uuid('code/session')}`;
  plant(C_FORM_POST, [['access_token', fpAccess], ...jwtPlants(C_FORM_POST, fpIdToken, { sub: fpSub }).map((p): [string, string] => [`id_token ${p.what}`, p.value])]);
  add({
    url: `${ISSUER}/auth/resume`, status: 200, res: [['Content-Type', 'text/html; charset=utf-8']],
    responseBody: html(`<form method=post action=${redirectUri}><input type=hidden name=code value=${code}><input type=hidden name=state value=${state}><input type=hidden name=access_token value=${fpAccess}><input type=hidden name=token_type value=Bearer><input type=hidden name=id_token value=${fpIdToken}></form><script>document.forms[0].submit()</script>`),
  });

  // 6. The code exchange: a password in the token endpoint URL's userinfo; the usual carriers (control).
  const C_USERINFO_URL = "password in a URL's userinfo (token endpoint)";
  const urlUser = `svc-${mint.name(`${C_USERINFO_URL}/user`).toLowerCase()}`;
  const urlPassword = mint.password(C_USERINFO_URL);
  plant(C_USERINFO_URL, [['password', urlPassword], ['user name', urlUser]]);
  const C_TOKEN = 'token response, ID and access token claims, token request form (control)';
  const sub = mint.uuid(`${C_TOKEN}/sub`);
  const given = mint.name(`${C_TOKEN}/given`);
  const family = mint.name(`${C_TOKEN}/family`);
  const email = mint.email(C_TOKEN);
  const clientSecret = mint.token(`${C_TOKEN}/client_secret`);
  const kept = { iss: ISSUER, aud: CLIENT_ID, exp: IAT + 300, iat: IAT, alg: 'RS256', kid: 'k-2024-main', scope, grantType: 'authorization_code', tokenType: 'Bearer', expiresIn: 300 };
  const idToken = signed(`${C_TOKEN}/id_token`, { iss: ISSUER, aud: CLIENT_ID, sub, exp: kept.exp, iat: IAT, auth_time: IAT - 30, nonce: `n-${mint.token('nonce').slice(0, 16)}`, name: `${given} ${family}`, given_name: given, family_name: family, email });
  const accessToken = signed(`${C_TOKEN}/access_token`, { iss: ISSUER, aud: 'https://api.example', sub, client_id: CLIENT_ID, scope, exp: kept.exp, iat: IAT, jti: mint.uuid(`${C_TOKEN}/jti`) }, { alg: 'RS256', typ: 'at+jwt', kid: 'k-2024-main' });
  const refreshToken = mint.token(`${C_TOKEN}/refresh_token`);
  plant(C_TOKEN, [
    ...jwtPlants(C_TOKEN, idToken, { sub, given_name: given, family_name: family, email }).map((p) => ({ ...p, what: `ID token ${p.what}` })),
    ...jwtPlants(C_TOKEN, accessToken, {}).map((p) => ({ ...p, what: `access token ${p.what}` })),
    { carrier: C_TOKEN, what: 'refresh_token', value: refreshToken },
    { carrier: C_TOKEN, what: 'client_secret', value: clientSecret },
  ]);
  const tokenForm = { grant_type: kept.grantType, code, code_verifier: verifier, redirect_uri: redirectUri, client_id: CLIENT_ID, client_secret: clientSecret };
  add({
    method: 'POST', url: `https://${urlUser}:${encodeURIComponent(urlPassword)}@idp.example/token`, status: 200,
    req: [['Content-Type', 'application/x-www-form-urlencoded']],
    requestBody: { text: new URLSearchParams(tokenForm).toString(), mimeType: 'application/x-www-form-urlencoded' },
    requestForm: Object.fromEntries(Object.entries(tokenForm).map(([k, v]) => [k, [v]])),
    res: [['Content-Type', 'application/json'], ['Cache-Control', 'no-store'], ['Pragma', 'no-cache']],
    responseBody: json({ access_token: accessToken, token_type: kept.tokenType, expires_in: kept.expiresIn, refresh_token: refreshToken, id_token: idToken, scope }),
  });

  // 7. Userinfo: personal data under names outside today's list, JSON in JSON, an X-User-Name header.
  const C_UNKNOWN = 'personal data under names outside the known list (userinfo)';
  const C_CONTACTS = 'phone numbers in a contacts[] array (userinfo)';
  const C_NESTED_NAME = 'given name two JSON strings down (userinfo)';
  const C_HEADER_NAME = 'X-User-Name request header';
  const userinfoSub = sameSub ? sub : mint.uuid(`${C_TOKEN}/userinfo sub`);
  const passport = `NP${mint.digits(`${C_UNKNOWN}/passport`, 7)}`;
  const documentNo = `DOC-${mint.digits(`${C_UNKNOWN}/document`, 9)}`;
  const fin = `G${mint.digits(`${C_UNKNOWN}/fin`, 7)}K`;
  const phones = [mint.phone(`${C_CONTACTS}/1`), mint.phone(`${C_CONTACTS}/2`)];
  const nestedGiven = mint.name(C_NESTED_NAME);
  const headerName = `${mint.name(`${C_HEADER_NAME}/given`)} ${mint.name(`${C_HEADER_NAME}/family`)}`;
  plant(C_UNKNOWN, [['passport_number', passport], ['document_number', documentNo], ['fin', fin]]);
  plant(C_CONTACTS, [['phone number', phones[0]!], ['phone number without +', phones[0]!.slice(1)], ['phone number', phones[1]!], ['phone number without +', phones[1]!.slice(1)]]);
  plant(C_NESTED_NAME, [['given_name', nestedGiven]]);
  plant(C_HEADER_NAME, [['user name', headerName]]);
  if (!sameSub) plant(C_TOKEN, [['userinfo sub', userinfoSub]]);
  const profileJson = JSON.stringify({ source: 'crm', details: JSON.stringify({ given_name: nestedGiven, locale: 'nb-NO' }) });
  add({
    url: `${ISSUER}/userinfo`, status: 200,
    req: [['Authorization', `Bearer ${accessToken}`], ['X-User-Name', headerName]],
    res: [['Content-Type', 'application/json']],
    responseBody: json({ sub: userinfoSub, email, email_verified: true, passport_number: passport, document_number: documentNo, fin, contacts: [{ type: 'mobile', value: phones[0] }, { type: 'home', number: phones[1] }], profile_json: profileJson }),
  });

  // 8. The app's config: a client secret two JSON strings down, secrets under app_secret, pass, passphrase.
  const C_NESTED_SECRET = 'client_secret two JSON strings down';
  const C_SECRET_NAMES = 'secrets named app_secret, pass, passphrase';
  const nestedSecret = mint.token(C_NESTED_SECRET);
  const appSecret = mint.token(`${C_SECRET_NAMES}/app_secret`);
  const pass = mint.password(`${C_SECRET_NAMES}/pass`);
  const passphrase = mint.password(`${C_SECRET_NAMES}/passphrase`);
  plant(C_NESTED_SECRET, [['client_secret', nestedSecret]]);
  plant(C_SECRET_NAMES, [['app_secret', appSecret], ['pass', pass], ['passphrase', passphrase]]);
  add({
    url: `${APP}/api/config`, status: 200, res: [['Content-Type', 'application/json']],
    responseBody: json({ app_secret: appSecret, database: { user: 'shop', pass }, signing: { passphrase }, oauth: JSON.stringify({ provider: 'idp', settings: JSON.stringify({ client_id: CLIENT_ID, client_secret: nestedSecret }) }) }),
  });

  // 9. The app's API: an e-mail in the URL path, raw and %40; an e-mail as the user of Basic credentials.
  const C_PATH_RAW = 'e-mail in a URL path (raw @)';
  const C_PATH_PCT = 'e-mail in a URL path (%40)';
  const C_BASIC = 'e-mail as the user part of HTTP Basic credentials';
  const pathRaw = mint.email(C_PATH_RAW);
  const pathPct = mint.email(C_PATH_PCT);
  const basicUser = mint.email(C_BASIC);
  const basicPassword = mint.password(C_BASIC);
  plant(C_PATH_RAW, [['e-mail address', pathRaw], ['e-mail local part', pathRaw.split('@')[0]!]]);
  plant(C_PATH_PCT, [['e-mail address', pathPct], ['e-mail local part', pathPct.split('@')[0]!]]);
  plant(C_BASIC, [['e-mail address', basicUser], ['e-mail local part', basicUser.split('@')[0]!], ['password', basicPassword]]);
  add({ url: `${API}/v1/users/${pathRaw}/profile`, status: 200, req: [['Authorization', `Bearer ${accessToken}`]], res: [['Content-Type', 'application/json']], responseBody: json({ plan: 'gold' }) });
  add({ url: `${API}/v1/users/${encodeURIComponent(pathPct)}/avatar?size=64`, status: 200, req: [['Authorization', `Bearer ${accessToken}`]], res: [['Content-Type', 'application/json']], responseBody: json({ url: null }) });
  add({ url: `${API}/v1/legacy/orders`, status: 200, req: [['Authorization', `Basic ${Buffer.from(`${basicUser}:${basicPassword}`).toString('base64')}`]], res: [['Content-Type', 'application/json']], responseBody: json({ orders: [] }) });

  // 10. A plain-text body: `access_token: ...` and `refresh_token: ...` lines.
  const C_TEXT = 'access_token: / refresh_token: lines in a text/plain body';
  const textAccess = mint.token(`${C_TEXT}/access`);
  const textRefresh = mint.token(`${C_TEXT}/refresh`);
  plant(C_TEXT, [['access_token', textAccess], ['refresh_token', textRefresh]]);
  add({ url: `${APP}/debug/session.txt`, status: 200, res: [['Content-Type', 'text/plain; charset=utf-8']], responseBody: { text: `session ok\naccess_token: ${textAccess}\nrefresh_token: ${textRefresh}\nexpires_in: 300\n`, mimeType: 'text/plain' } });

  // 11. JWTs whose surrounding text is percent-encoded.
  const jwtCarrier = (carrier: string, place: (jwt: string) => Parameters<typeof ex>[0]) => {
    const s = mint.uuid(carrier);
    const mail = mint.email(carrier);
    const token = signed(carrier, { iss: ISSUER, aud: CLIENT_ID, sub: s, email: mail, exp: IAT + 300, iat: IAT });
    plant(carrier, jwtPlants(carrier, token, { sub: s, email: mail }));
    add(place(token));
  };
  jwtCarrier('JWT after %3D in a query value', (t) => ({ url: `${APP}/continue?next=%2Fcb%3Fid_token%3D${t}`, status: 200 }));
  jwtCarrier('JWT after %22 (percent-encoded JSON in a query value)', (t) => ({ url: `${APP}/track?ctx=${encodeURIComponent(JSON.stringify({ t, v: 2 }))}`, status: 204 }));
  jwtCarrier('JWT in a double-encoded query value', (t) => ({ url: `${APP}/bounce?url=${encodeURIComponent(encodeURIComponent(`${APP}/cb?token=${t}`))}`, status: 302, res: [['Location', `${APP}/`]], redirectUrl: `${APP}/` }));
  jwtCarrier('JWT inside a JSON string, after %3D', (t) => ({ url: `${APP}/api/next`, status: 200, res: [['Content-Type', 'application/json']], responseBody: json({ next: `${APP}/cb?state=x%26id_token%3D${t}` }) }));
  jwtCarrier('JWT after %3D in a Referer header', (t) => ({ url: `${APP}/assets/app.css`, status: 200, req: [['Referer', `${APP}/landing?return=%2Fcb%3Fid_token%3D${t}`]], res: [['Content-Type', 'text/css']], responseBody: { text: 'body{margin:0}', mimeType: 'text/css' } }));
  jwtCarrier('JWT after %3D in an HTML script', (t) => ({ url: `${APP}/silent`, status: 200, res: [['Content-Type', 'text/html']], responseBody: html(`<script>var back = "https%3A%2F%2Fapp.example%2Fcb%3Fid_token%3D${t}"; parent.postMessage(back, "*");</script>`) }));
  jwtCarrier('JWT after %22 in a text/plain body', (t) => ({ url: `${APP}/debug/last-event.txt`, status: 200, res: [['Content-Type', 'text/plain']], responseBody: { text: `event=login ctx=%7B%22t%22%3A%22${t}%22%7D ok\n`, mimeType: 'text/plain' } }));

  return { exchanges, plants, carriers, facts: { idTokenSub: sub, userinfoSub, accessToken, idToken, kept } };
}
