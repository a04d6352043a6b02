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

  it('a code seen in a redirect with no token response is a server-side exchange, not a broken flow', () => {
    const { artifacts } = extractArtifacts([exchange({ url: `${ISS}/auth?client_id=web&response_type=code&state=s`, redirect: 'https://web.example/cb?code=c1&state=s' }), exchange({ url: 'https://web.example/cb?code=c1&state=s', status: 302, redirect: 'https://web.example/home' })]);
    const [flow] = correlate(artifacts);
    expect(flow!.serverSideExchange).toBe(true);
    expect(flow!.notes.join(' ')).toMatch(/not observable in the browser/);
    expect(flow!.steps.find((s) => !s.observable)).toMatchObject({ kind: 'token', observable: false });
    expect(flow!.issuer).toBeUndefined();
  });

  it('a server-side flow takes its issuer from the RFC 9207 iss of the authorization response', () => {
    const iss = encodeURIComponent(ISS);
    const { artifacts } = extractArtifacts([exchange({ url: `${ISS}/auth?client_id=web&response_type=code&state=s`, redirect: `https://web.example/cb?code=c1&state=s&iss=${iss}` })]);
    const [flow] = correlate(artifacts);
    expect(flow).toMatchObject({ serverSideExchange: true, issuer: ISS });
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
