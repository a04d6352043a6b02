import { describe, expect, it } from 'vitest';
import { extractArtifacts } from '../../../src/core/classify/extract.js';
import { correlate } from '../../../src/core/flows/correlate.js';
import { expiryTimeline } from '../../../src/core/flows/timeline.js';
import { jws } from '../helpers/rule-harness.js';
import { exchange } from '../classify/exchange-builder.js';

const ISS = 'https://idp.example/realms/demo';
const T0 = 1_700_000_000;
const tokens = (sub: string, sid: string, iat: number) => ({
  id_token: jws({ iss: ISS, sub, aud: 'app', sid, iat, exp: iat + 300 }),
  access_token: jws({ iss: ISS, sub, aud: 'api', sid, iat, exp: iat + 300 }),
  refresh_token: jws({ iss: ISS, sub, sid, iat, exp: iat + 1800 }, { alg: 'HS256' }),
  token_type: 'Bearer',
  expires_in: 300,
  refresh_expires_in: 1800,
});

function login(sub: string, state: string, code: string, sid: string, t: number) {
  const first = tokens(sub, sid, t);
  const second = tokens(sub, sid, t + 600);
  return {
    first,
    exchanges: [
      exchange({ url: `${ISS}/auth?client_id=app&response_type=code&state=${state}&nonce=n`, redirect: `https://app.example/cb?code=${code}&state=${state}`, at: t * 1000 }),
      exchange({ url: `${ISS}/token`, form: { grant_type: 'authorization_code', code }, json: first, at: t * 1000 + 10 }),
      exchange({ url: `${ISS}/userinfo`, requestHeaders: { authorization: `Bearer ${first.access_token}` }, json: { sub }, at: t * 1000 + 20 }),
      exchange({ url: `${ISS}/token/introspect`, form: { token: first.access_token }, json: { active: true, exp: t + 300 }, at: t * 1000 + 30 }),
      exchange({ url: `${ISS}/token`, form: { grant_type: 'refresh_token', refresh_token: first.refresh_token }, json: second, at: (t + 600) * 1000 }),
    ],
  };
}

describe('correlate', () => {
  it('names on each step the capture sources that saw its exchange (issue 3: steps had no sources)', () => {
    const a = login('alice', 's-a', 'code-a', 'sid-a', T0);
    const [authorize, token, ...rest] = a.exchanges;
    token!.seenBy = { request: ['webRequest', 'page-hook'], responseBody: ['page-hook'] };
    const { artifacts } = extractArtifacts([authorize!, token!, ...rest]);
    const steps = correlate(artifacts)[0]!.steps;
    expect(steps.find((s) => s.kind === 'token')?.sources).toEqual(['page-hook', 'webRequest']);
    expect(steps.find((s) => s.kind === 'userinfo')?.sources).toEqual(rest[0]!.seenBy.request);
  });

  it('gives an authorization response the sources of the exchanges it was seen in (issue 9: its step had none)', () => {
    const a = login('alice', 's-a', 'code-a', 'sid-a', T0);
    const [authorize, ...rest] = a.exchanges;
    authorize!.seenBy = { request: ['devtools'], status: ['devtools', 'webRequest'] };
    const exchanges = [authorize!, ...rest];
    const steps = correlate(extractArtifacts(exchanges).artifacts, { exchanges })[0]!.steps;
    expect(steps.find((s) => s.kind === 'authorize_response')?.sources).toEqual(['devtools', 'webRequest']);
  });

  it('groups two interleaved logins into two flows by state, code, tokens and session', () => {
    const a = login('alice', 's-a', 'code-a', 'sid-a', T0);
    const b = login('bob', 's-b', 'code-b', 'sid-b', T0 + 1);
    const { artifacts } = extractArtifacts([...a.exchanges, ...b.exchanges]);
    const flows = correlate(artifacts);
    expect(flows).toHaveLength(2);
    expect(flows.map((f) => f.subject)).toEqual(['alice', 'bob']);
    for (const f of flows) {
      expect(f.type).toBe('authorization_code');
      expect(f.clientId).toBe('app');
      expect(f.steps.map((s) => s.kind)).toEqual(['authorize_request', 'authorize_response', 'token', 'userinfo', 'introspection', 'refresh']);
      expect(f.serverSideExchange).toBe(false);
    }
    const inFlows = flows.flatMap((f) => f.artifacts);
    expect(new Set(inFlows).size).toBe(inFlows.length);
    expect(inFlows.length).toBe(artifacts.length);
  });

  it('a code whose redirect URI answered with a redirect is a server-side exchange, not a broken flow', () => {
    const exchanges = [exchange({ url: `${ISS}/auth?client_id=web&response_type=code&state=s`, redirect: 'https://web.example/cb?code=c1&state=s' }), exchange({ url: 'https://web.example/cb?code=c1&state=s', status: 302, redirect: 'https://web.example/home' })];
    const [flow] = correlate(extractArtifacts(exchanges).artifacts, { exchanges });
    expect(flow!.serverSideExchange).toBe(true);
    expect(flow!.notes.join(' ')).toMatch(/not observable in the browser/);
    expect(flow!.steps.find((s) => !s.observable)).toMatchObject({ kind: 'token', observable: false, missing: 'server-side' });
    expect(flow!.issuer).toBeUndefined();
  });

  it('a flow with an unredeemed code takes its issuer from the RFC 9207 iss of the authorization response', () => {
    const iss = encodeURIComponent(ISS);
    const { artifacts } = extractArtifacts([exchange({ url: `${ISS}/auth?client_id=web&response_type=code&state=s`, redirect: `https://web.example/cb?code=c1&state=s&iss=${iss}` })]);
    const [flow] = correlate(artifacts);
    expect(flow).toMatchObject({ serverSideExchange: false, issuer: ISS, codeExchange: { status: 'not-captured' } });
  });

  it('loose artifacts each end in a flow; discovery and JWKS in none', () => {
    const { artifacts } = extractArtifacts([
      exchange({ url: `${ISS}/.well-known/openid-configuration`, json: { issuer: ISS, jwks_uri: `${ISS}/certs` } }),
      exchange({ url: `${ISS}/certs`, json: { keys: [] } }),
      exchange({ url: 'https://api.example/a', requestHeaders: { authorization: 'Bearer opaque-1' }, json: {} }),
    ]);
    const flows = correlate(artifacts);
    expect(flows.flatMap((f) => f.artifacts).map((id) => artifacts.find((a) => a.id === id)?.kind)).toEqual(['opaque_token']);
  });
});

describe('correlate: what must not be merged, and what must be joined (regressions from review)', () => {
  const idt = (sub: string, aud: string, sid: string, extra: Record<string, unknown> = {}) => jws({ iss: ISS, sub, aud, azp: aud, sid, iat: T0, exp: T0 + 300, ...extra });
  const codeLogin = (client: string, state: string, code: string, sid: string, t: number) => [
    exchange({ url: `${ISS}/auth?client_id=${client}&response_type=code&state=${state}&redirect_uri=https%3A%2F%2F${client}.example%2Fcb`, redirect: `https://${client}.example/cb?code=${code}&state=${state}`, at: t }),
    exchange({ url: `${ISS}/token`, form: { grant_type: 'authorization_code', code }, json: { id_token: idt('alice', client, sid), access_token: `at-${code}`, token_type: 'Bearer', expires_in: 300 }, at: t + 10 }),
  ];

  it('two clients in one SSO session (same sid) stay two flows, each with its own client', () => {
    const { artifacts } = extractArtifacts([...codeLogin('app-a', 's1', 'c1', 'sid-1', T0 * 1000), ...codeLogin('app-b', 's2', 'c2', 'sid-1', T0 * 1000 + 100)]);
    const flows = correlate(artifacts);
    expect(flows.map((f) => f.clientId)).toEqual(['app-a', 'app-b']);
  });

  it('the same state at two redirect URIs is two logins', () => {
    const { artifacts } = extractArtifacts([...codeLogin('a', 'xyz', 'c1', 'sid-a', T0 * 1000), ...codeLogin('b', 'xyz', 'c2', 'sid-b', T0 * 1000 + 100)]);
    expect(correlate(artifacts)).toHaveLength(2);
  });

  it('a loose userinfo call joins the login of its session through the bearer token', () => {
    const token = jws({ iss: ISS, sub: 'alice', azp: 'app-a', sid: 'sid-1', iat: T0, exp: T0 + 300, scope: 'openid' });
    const { artifacts } = extractArtifacts([
      ...codeLogin('app-a', 's1', 'c1', 'sid-1', T0 * 1000),
      exchange({ url: 'https://api.example/orders', requestHeaders: { authorization: `Bearer ${token}` }, json: [], at: T0 * 1000 + 50 }),
    ]);
    expect(correlate(artifacts)).toHaveLength(1);
  });

  it('without a state, the nonce joins the ID token to its authorize request', () => {
    const { artifacts } = extractArtifacts([
      exchange({ url: `${ISS}/auth?client_id=app&response_type=code&nonce=N-123`, status: 200, body: '<form>', at: T0 * 1000 }),
      exchange({ url: `${ISS}/token`, form: { grant_type: 'authorization_code', code: 'C1' }, json: { id_token: idt('alice', 'app', 'sid-9', { nonce: 'N-123' }), access_token: 'x' }, at: T0 * 1000 + 10 }),
    ]);
    const flows = correlate(artifacts);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.steps.map((s) => s.kind)).toEqual(['authorize_request', 'token']);
  });
});

describe('expiryTimeline', () => {
  it('lists every lifetime and ends the session at the latest refresh token', () => {
    const { exchanges } = login('alice', 's', 'c', 'sid', T0);
    const { artifacts } = extractArtifacts(exchanges);
    const [flow] = correlate(artifacts);
    const byId = new Map(artifacts.map((a) => [a.id, a]));
    const t = expiryTimeline(flow!, byId, T0 + 700);
    const sources = t.lifetimes.map((l) => `${l.kind}/${l.source}`);
    expect(sources).toEqual(expect.arrayContaining(['id_token/exp', 'access_token/exp', 'refresh_token/exp', 'access_token/expires_in', 'refresh_token/refresh_expires_in', 'introspection/exp']));
    expect(t.firstExpiry?.expiresAt).toBe(T0 + 300);
    expect(t.sessionEnd?.kind).toBe('refresh_token');
    expect(t.sessionEnd?.expiresAt).toBe(T0 + 600 + 1800);
    expect(t.sessionEnd?.remaining).toBe(T0 + 2400 - (T0 + 700));
  });

  it('without a refresh token the earliest access or ID token expiry ends the session', () => {
    const { artifacts } = extractArtifacts([exchange({ url: `${ISS}/token`, form: { grant_type: 'client_credentials' }, json: { access_token: jws({ iss: ISS, iat: T0, exp: T0 + 120 }), token_type: 'Bearer', expires_in: 100 }, at: T0 * 1000 })]);
    const [flow] = correlate(artifacts);
    const t = expiryTimeline(flow!, new Map(artifacts.map((a) => [a.id, a])), T0);
    expect(t.sessionEnd).toMatchObject({ kind: 'access_token', source: 'expires_in', expiresAt: T0 + 100, remaining: 100 });
  });

  it('refresh_expires_in 0 (offline token) never ends the session', () => {
    const { artifacts } = extractArtifacts([exchange({ url: `${ISS}/token`, form: { grant_type: 'refresh_token' }, json: { access_token: 'opaque', token_type: 'Bearer', expires_in: 60, refresh_token: 'opaque-r', refresh_expires_in: 0 }, at: T0 * 1000 })]);
    const [flow] = correlate(artifacts);
    const t = expiryTimeline(flow!, new Map(artifacts.map((a) => [a.id, a])), T0);
    expect(t.sessionEnd).toBeUndefined();
    expect(t.firstExpiry?.source).toBe('expires_in');
  });
});

describe('expiryTimeline after a refresh (regressions from review)', () => {
  const timelineOf = (exchanges: ReturnType<typeof exchange>[], now: number) => {
    const { artifacts } = extractArtifacts(exchanges);
    const [flow] = correlate(artifacts);
    return expiryTimeline(flow!, new Map(artifacts.map((a) => [a.id, a])), now);
  };
  const rt = 'refresh-1';
  const first = exchange({ url: `${ISS}/token`, form: { grant_type: 'authorization_code', code: 'c' }, json: { access_token: 'at-1', token_type: 'Bearer', expires_in: 300, refresh_token: rt, refresh_expires_in: 36000 }, at: T0 * 1000 });

  it('a refresh response without a new refresh token keeps the old one (RFC 6749 §6)', () => {
    const refresh = exchange({ url: `${ISS}/token`, form: { grant_type: 'refresh_token', refresh_token: rt }, json: { access_token: 'at-2', token_type: 'Bearer', expires_in: 300 }, at: (T0 + 600) * 1000 });
    const t = timelineOf([first, refresh], T0 + 700);
    expect(t.sessionEnd).toMatchObject({ kind: 'refresh_token', expiresAt: T0 + 36000 });
  });

  it('a refused refresh ends the session when it was refused', () => {
    const refused = exchange({ url: `${ISS}/token`, form: { grant_type: 'refresh_token', refresh_token: rt }, status: 400, json: { error: 'invalid_grant', error_description: 'Session not active' }, at: (T0 + 600) * 1000 });
    const t = timelineOf([first, refused], T0 + 700);
    expect(t.sessionEnd).toMatchObject({ source: 'refresh_error', expiresAt: T0 + 600, label: 'refresh refused (invalid_grant)' });
  });
});

describe('expiryTimeline of an implicit flow', () => {
  it("counts the redirect's expires_in for the access token", () => {
    const { artifacts } = extractArtifacts([exchange({ url: `${ISS}/auth?client_id=spa&response_type=token&state=s`, redirect: 'https://spa.example/cb#access_token=AT&token_type=Bearer&expires_in=3600&state=s', at: T0 * 1000 })]);
    const [flow] = correlate(artifacts);
    const t = expiryTimeline(flow!, new Map(artifacts.map((a) => [a.id, a])), T0);
    expect(t.lifetimes).toEqual([expect.objectContaining({ kind: 'access_token', source: 'expires_in', expiresAt: T0 + 3600 })]);
    expect(t.sessionEnd?.expiresAt).toBe(T0 + 3600);
  });
});

describe('correlate: links by PKCE and nonce (issue 9: web messages and popups leave no code in the capture)', () => {
  const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  // RFC 7636 Appendix B: the S256 challenge of that verifier.
  const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
  const authorize = (extra: string, at: number) => exchange({ url: `${ISS}/auth?client_id=app&response_type=code&response_mode=web_message&state=s-${at}&${extra}`, status: 200, body: '<html>', at });
  const codeGrant = (verifier: string, at: number, idToken?: string) =>
    exchange({ url: `${ISS}/token`, form: { grant_type: 'authorization_code', code: `code-${at}`, code_verifier: verifier }, json: { access_token: `at-${at}`, token_type: 'Bearer', ...(idToken ? { id_token: idToken } : {}) }, at });
  const flowsOf = async (exchanges: ReturnType<typeof exchange>[]) => {
    const { artifacts } = extractArtifacts(exchanges);
    const { pkceS256 } = await import('../../../src/core/jwt/hashes.js');
    const pkce = new Map([[VERIFIER, await pkceS256(VERIFIER)], ['plain-verifier-plain-verifier-plain-verifier-1', await pkceS256('plain-verifier-plain-verifier-plain-verifier-1')]]);
    return correlate(artifacts, { exchanges, pkce });
  };

  it('computes the RFC 7636 example challenge', async () => {
    const { pkceS256 } = await import('../../../src/core/jwt/hashes.js');
    expect(await pkceS256(VERIFIER)).toBe(CHALLENGE);
  });

  it('a token request whose verifier hashes to the S256 challenge joins its authorization request', async () => {
    const flows = await flowsOf([authorize(`code_challenge=${CHALLENGE}&code_challenge_method=S256`, T0), codeGrant(VERIFIER, T0 + 500)]);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.steps.map((s) => s.kind)).toEqual(['authorize_request', 'token']);
  });

  it('a plain challenge links when it equals the verifier, and only for the plain method', async () => {
    const plain = 'plain-verifier-plain-verifier-plain-verifier-1';
    expect(await flowsOf([authorize(`code_challenge=${plain}&code_challenge_method=plain`, T0), codeGrant(plain, T0 + 500)])).toHaveLength(1);
    expect(await flowsOf([authorize(`code_challenge=${plain}&code_challenge_method=S256`, T0), codeGrant(plain, T0 + 500)])).toHaveLength(2);
  });

  it.each([
    ['another verifier', `code_challenge=${CHALLENGE}&code_challenge_method=S256`, 'another-verifier-another-verifier-another-v1', T0 + 500],
    ['the verifier sent before the request', `code_challenge=${CHALLENGE}&code_challenge_method=S256`, VERIFIER, T0 - 500],
    ['the challenge sent as plain', `code_challenge=${CHALLENGE}&code_challenge_method=plain`, VERIFIER, T0 + 500],
  ])('no link: %s', async (_name, query, verifier, at) => {
    expect(await flowsOf([authorize(query, T0), codeGrant(verifier, at)])).toHaveLength(2);
  });

  it('an ID token joins the authorization request that sent its nonce, state or not', async () => {
    const idToken = jws({ iss: ISS, sub: 'alice', aud: 'app', nonce: 'nonce-1', iat: T0, exp: T0 + 300 });
    const flows = await flowsOf([authorize('nonce=nonce-1', T0), codeGrant('unrelated-verifier-unrelated-verifier-unrel-1', T0 + 500, idToken)]);
    expect(flows).toHaveLength(1);
  });

  it('a nonce does not link an ID token issued to another client', async () => {
    const idToken = jws({ iss: ISS, sub: 'alice', aud: ['other'], azp: 'other', nonce: 'nonce-1', iat: T0, exp: T0 + 300 });
    expect(await flowsOf([authorize('nonce=nonce-1', T0), codeGrant('unrelated-verifier-unrelated-verifier-unrel-1', T0 + 500, idToken)])).toHaveLength(2);
  });

  it('a refreshed ID token repeating its nonce after a second login sent the same nonce joins no other login (review)', async () => {
    const idt = (iat: number) => jws({ iss: ISS, sub: 'alice', aud: 'app', nonce: 'fixed', iat, exp: iat + 300 });
    const code = (state: string, c: string, at: number) => [
      exchange({ url: `${ISS}/auth?client_id=app&response_type=code&state=${state}&nonce=fixed`, redirect: `https://app.example/cb?code=${c}&state=${state}`, at }),
      exchange({ url: `${ISS}/token`, form: { grant_type: 'authorization_code', code: c }, json: { id_token: idt(at), access_token: `at-${c}`, refresh_token: `rt-${c}`, token_type: 'Bearer' }, at: at + 10 }),
    ];
    const flows = await flowsOf([
      ...code('sa', 'ca', T0),
      ...code('sb', 'cb', T0 + 10_000),
      exchange({ url: `${ISS}/token`, form: { grant_type: 'refresh_token', refresh_token: 'rt-ca' }, json: { id_token: idt(T0 + 20), access_token: 'at-a2', token_type: 'Bearer' }, at: T0 + 20_000 }),
    ]);
    expect(flows.map((f) => f.steps.map((s) => s.kind))).toEqual([
      ['authorize_request', 'authorize_response', 'token', 'refresh'],
      ['authorize_request', 'authorize_response', 'token'],
    ]);
  });

  it('a fixed nonce that two logins sent links no ID token to either (nothing tells which is which)', async () => {
    const idt = (at: number) => jws({ iss: ISS, sub: 'alice', aud: 'app', nonce: 'demoNonce', iat: at, exp: at + 300 });
    const flows = await flowsOf([
      authorize('nonce=demoNonce', T0),
      codeGrant('unrelated-verifier-unrelated-verifier-unrel-1', T0 + 500, idt(T0)),
      authorize('nonce=demoNonce', T0 + 10_000),
      codeGrant('unrelated-verifier-unrelated-verifier-unrel-2', T0 + 10_500, idt(T0 + 10)),
    ]);
    expect(flows.map((f) => f.steps.map((s) => s.kind))).toEqual([['authorize_request'], ['token'], ['authorize_request'], ['token']]);
  });
});

describe('correlate: a token issued twice (issue 9: oidc-client-ts silent renew)', () => {
  it('an identical ID token in a second login does not merge the two logins', () => {
    // No nonce and the same second: the provider issues the very same ID token to both logins.
    const idToken = jws({ iss: ISS, sub: 'alice', aud: 'app', sid: 'sid-1', iat: T0, exp: T0 + 300 });
    const loginWith = (state: string, code: string, at: number) => [
      exchange({ url: `${ISS}/auth?client_id=app&response_type=code&state=${state}`, redirect: `https://app.example/cb?code=${code}&state=${state}`, at }),
      exchange({ url: `${ISS}/token`, form: { grant_type: 'authorization_code', code }, json: { id_token: idToken, access_token: `at-${code}`, token_type: 'Bearer', expires_in: 300 }, at: at + 10 }),
    ];
    const exchanges = [...loginWith('s1', 'c1', T0 * 1000), ...loginWith('s2', 'c2', T0 * 1000 + 500)];
    const { artifacts } = extractArtifacts(exchanges);
    const flows = correlate(artifacts, { exchanges });
    expect(flows.map((f) => f.steps.map((s) => s.kind))).toEqual([
      ['authorize_request', 'authorize_response', 'token'],
      ['authorize_request', 'authorize_response', 'token'],
    ]);
    const idt = artifacts.find((a) => a.kind === 'id_token')!;
    expect(idt.occurrences).toHaveLength(2);
    expect(flows[0]!.artifacts).toContain(idt.id);
  });

  it('a refresh token sent back in its refresh still joins the refresh to its login', () => {
    const a = login('alice', 's-a', 'code-a', 'sid-a', T0);
    const flows = correlate(extractArtifacts(a.exchanges).artifacts, { exchanges: a.exchanges });
    expect(flows).toHaveLength(1);
  });
});
