import { CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze, type AnalysisResult, type Artifact, type Exchange, type FetchJson } from '../../../src/core/index.js';

/** Which tokens the engine verifies and looks keys up for, end to end through analyze() with a recording fetchJson. */

const NOW = 1629286057;
const OP = 'https://op.example';
const OP_DISCOVERY = `${OP}/.well-known/openid-configuration`;
const OP_JWKS = `${OP}/certs`;

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let opKey: PrivateKey;
let opJwk: JWK;
let opPrivateJwk: JWK;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  opKey = privateKey;
  opJwk = { ...(await exportJWK(publicKey)), kid: 'op-1', alg: 'RS256', use: 'sig' };
  opPrivateJwk = { ...(await exportJWK(privateKey)), kid: 'op-1', alg: 'RS256', use: 'sig' };
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function sign(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', kid: 'op-1', typ: 'JWT' }): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header as { alg: string }).sign(opKey);
}

const claims = (iss: unknown, extra: Record<string, unknown> = {}) => ({ iss, sub: 'alice', aud: 'app', iat: NOW - 10, exp: NOW + 300, ...extra });

/** A fetchJson that records its calls and serves the OP's discovery document and JWKS. */
function recorder() {
  const calls: string[] = [];
  const fetchJson: FetchJson = async (url) => {
    calls.push(url);
    if (url === OP_DISCOVERY) return { issuer: OP, jwks_uri: OP_JWKS };
    if (url === OP_JWKS) return { keys: [opJwk] };
    throw new Error('404 Not Found');
  };
  return { fetchJson, calls };
}

let next = 0;
function exchange(fields: Partial<Exchange> & Pick<Exchange, 'method' | 'url'>, json?: unknown): Exchange {
  const at = NOW * 1000 + ++next;
  return {
    id: `e${next}`,
    requestHeaders: [],
    responseHeaders: json === undefined ? [] : [{ name: 'content-type', value: 'application/json' }],
    ...(json === undefined ? {} : { responseBody: { text: JSON.stringify(json) } }),
    status: 200,
    startedAt: at,
    endedAt: at,
    seenBy: {},
    ...fields,
  };
}

const tokenOf = (r: AnalysisResult, raw: string): Artifact => {
  const a = r.artifacts.find((x) => x.raw === raw);
  if (!a) throw new Error(`no artifact for ${raw.slice(0, 20)}`);
  return a;
};

describe('analyze: only tokens an OP signs are verified, and only their issuers are looked up', () => {
  it("a client_assertion's iss is never looked up (it is the client), and the assertion is not verified", async () => {
    const assertion = await sign({ iss: 'https://client.example', sub: 'https://client.example', aud: `${OP}/token`, jti: 'j1', exp: NOW + 60 });
    const token = exchange(
      {
        method: 'POST',
        url: `${OP}/token`,
        requestForm: {
          grant_type: ['authorization_code'],
          code: ['c1'],
          client_assertion_type: ['urn:ietf:params:oauth:client-assertion-type:jwt-bearer'],
          client_assertion: [assertion],
        },
      },
      { access_token: 'opaque-at', token_type: 'Bearer', expires_in: 300 },
    );
    const { fetchJson, calls } = recorder();
    const r = await analyze({ exchanges: [token] }, { now: NOW, fetchJson });
    const a = tokenOf(r, assertion);
    expect(a).toMatchObject({ kind: 'jwt', role: 'client_assertion' });
    expect(a.signature).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('an id_token_hint and a request object are not verified and their iss is not looked up', async () => {
    const hint = await sign(claims('https://hint-issuer.example', { nonce: 'n0' }));
    const request = await sign({ iss: 'https://client.example', aud: OP, client_id: 'app', response_type: 'code' });
    const authorize = exchange({
      method: 'GET',
      url: `${OP}/authorize?client_id=app&response_type=code&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&id_token_hint=${hint}&request=${request}`,
      status: 302,
    });
    const { fetchJson, calls } = recorder();
    const r = await analyze({ exchanges: [authorize] }, { now: NOW, fetchJson });
    expect(tokenOf(r, hint).signature).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('a JWT found nested inside some other JSON body is not verified, even under the name id_token', async () => {
    const nested = await sign(claims('https://nested.example', { nonce: 'n1' }));
    const top = await sign(claims('https://top.example', { nonce: 'n2' }));
    const api = exchange({ method: 'GET', url: 'https://app.example/api/session' }, { data: { id_token: nested }, id_token: top });
    const { fetchJson, calls } = recorder();
    const r = await analyze({ exchanges: [api] }, { now: NOW, fetchJson });
    expect(tokenOf(r, nested).kind).toBe('id_token');
    expect(tokenOf(r, nested).signature).toBeUndefined();
    expect(tokenOf(r, top).signature).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('ID and access tokens of a token response, a bearer token and a logout token are verified with the OP keys', async () => {
    const idToken = await sign(claims(OP, { nonce: 'n3' }));
    const accessToken = await sign(claims(OP, { scope: 'openid' }));
    const bearer = await sign(claims(OP, { scope: 'api' }));
    const logout = await sign(claims(OP, { jti: 'l1', events: { 'http://schemas.openid.net/event/backchannel-logout': {} }, sid: 's1' }));
    const exchanges = [
      exchange({ method: 'POST', url: `${OP}/token`, requestForm: { grant_type: ['authorization_code'], code: ['c2'], client_id: ['app'] } }, { id_token: idToken, access_token: accessToken, token_type: 'Bearer' }),
      exchange({ method: 'GET', url: 'https://api.example/orders', requestHeaders: [{ name: 'Authorization', value: `Bearer ${bearer}` }] }, { orders: [] }),
      exchange({ method: 'POST', url: 'https://app.example/backchannel-logout', requestForm: { logout_token: [logout] } }),
    ];
    const { fetchJson, calls } = recorder();
    const r = await analyze({ exchanges }, { now: NOW, fetchJson });
    for (const raw of [idToken, accessToken, bearer, logout]) expect(tokenOf(r, raw).signature?.status).toBe('valid');
    expect(tokenOf(r, logout)).toMatchObject({ kind: 'jwt', role: 'logout_token' });
    expect(calls).toEqual([OP_DISCOVERY, OP_JWKS]);
  });
});

describe('analyze: the fetch policy applies to the issuers of tokens', () => {
  it.each([
    ['http://127.0.0.1:6379/flushall?x', 'has a query'],
    ['http://169.254.169.254/latest#x', 'has a fragment'],
    ['http://169.254.169.254/latest', 'is http on a host that is not localhost'],
  ])('an ID token with iss %s: no call, and the signature says why', async (iss, why) => {
    const raw = await sign(claims(iss, { nonce: 'n' }));
    const { fetchJson, calls } = recorder();
    const r = await analyze({ documents: [{ name: 'token.jwt', text: raw, at: NOW * 1000 }] }, { now: NOW, fetchJson });
    const sig = tokenOf(r, raw).signature;
    expect(sig?.status).toBe('no-key');
    expect(sig?.reason).toMatch(/^not fetched: /);
    expect(sig?.reason).toContain(why);
    expect(calls).toEqual([]);
  });
});

describe('analyze: JWKS given as input documents are keys given directly', () => {
  it('a JWKS file among the inputs verifies a token, without any fetching', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const raw = await sign(claims(OP, { nonce: 'n4' }));
    const r = await analyze(
      { documents: [{ name: 'keys.json', text: JSON.stringify({ keys: [opJwk] }), at: NOW * 1000 }, { name: 'token.jwt', text: raw, at: NOW * 1000 }] },
      { now: NOW },
    );
    expect(tokenOf(r, raw).signature).toMatchObject({ status: 'valid', keySource: 'JWKS file' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('a JWKS file of private keys among the inputs verifies too; one without iss is verified with it', async () => {
    const raw = await sign(claims(OP, { nonce: 'n5' }));
    const { iss: _iss, ...noIss } = claims(OP);
    const anonymous = await sign(noIss);
    const r = await analyze(
      {
        documents: [
          { name: 'keys.json', text: JSON.stringify({ keys: [opPrivateJwk] }), at: NOW * 1000 },
          { name: 'token.jwt', text: raw, at: NOW * 1000 },
          { name: 'anonymous.jwt', text: anonymous, at: NOW * 1000 },
        ],
      },
      { now: NOW },
    );
    expect(tokenOf(r, raw).signature?.status).toBe('valid');
    expect(tokenOf(r, anonymous).signature).toMatchObject({ status: 'valid', keySource: 'JWKS file' });
  });

  it('a JWKS observed in the traffic is not taken as keys given directly', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const attackerJwk = { ...(await exportJWK(publicKey)), kid: 'op-1' };
    const forged = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims(OP, { nonce: 'n6' })))).setProtectedHeader({ alg: 'RS256', kid: 'op-1' }).sign(privateKey);
    const jwks = exchange({ method: 'GET', url: 'https://attacker.example/jwks' }, { keys: [attackerJwk] });
    const r = await analyze({ exchanges: [jwks], documents: [{ name: 'token.jwt', text: forged, at: NOW * 1000 }] }, { now: NOW });
    expect(tokenOf(r, forged).signature?.status).not.toBe('valid');
  });
});
