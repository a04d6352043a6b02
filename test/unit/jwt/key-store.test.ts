import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeyStore, jwksKeys, type FetchJson } from '../../../src/core/jwt/key-store.js';

const ISSUER = 'https://op.example/realms/demo';
const DISCOVERY_URL = `${ISSUER}/.well-known/openid-configuration`;
const JWKS_URI = `${ISSUER}/protocol/openid-connect/certs`;
const KEY_1 = { kty: 'RSA', kid: 'k1', n: 'AQAB', e: 'AQAB' };
const KEY_2 = { kty: 'EC', kid: 'k2', crv: 'P-256', x: 'AA', y: 'AA' };

/** A fetchJson that records its calls and answers from a table of URL -> body (or Error, thrown). */
function recorder(routes: Record<string, unknown | (() => unknown)>) {
  const calls: string[] = [];
  const fetchJson: FetchJson = async (url) => {
    calls.push(url);
    if (!(url in routes)) throw new Error(`404 Not Found`);
    const route = routes[url];
    const body = typeof route === 'function' ? (route as () => unknown)() : route;
    if (body instanceof Error) throw body;
    return body;
  };
  return { fetchJson, calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createKeyStore: discovery', () => {
  it.each([
    ['no trailing slash', ISSUER],
    ['a trailing slash', `${ISSUER}/`],
    ['several trailing slashes', `${ISSUER}//`],
  ])('fetches `${issuer}/.well-known/openid-configuration` for an issuer with %s', async (_name, issuer) => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: JWKS_URI } });
    const doc = await createKeyStore({ fetchJson }).discovery(issuer);
    expect(calls).toEqual([DISCOVERY_URL]);
    expect(doc).toEqual({ issuer: ISSUER, jwks_uri: JWKS_URI });
  });

  it('fetches the discovery document of a host-only issuer under the root', async () => {
    const { fetchJson, calls } = recorder({});
    await createKeyStore({ fetchJson }).discovery('https://accounts.example.com/');
    expect(calls).toEqual(['https://accounts.example.com/.well-known/openid-configuration']);
  });

  it('prefers the observed discovery document and does not fetch it', async () => {
    const { fetchJson, calls } = recorder({});
    const observed = { issuer: ISSUER, jwks_uri: JWKS_URI, seen: true };
    expect(await createKeyStore({ fetchJson, observedDiscovery: { [ISSUER]: observed } }).discovery(ISSUER)).toBe(observed);
    expect(calls).toEqual([]);
  });

  it('caches the discovery document per issuer, also across concurrent calls', async () => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { jwks_uri: JWKS_URI } });
    const store = createKeyStore({ fetchJson });
    await Promise.all([store.discovery(ISSUER), store.discovery(ISSUER)]);
    await store.discovery(ISSUER);
    expect(calls).toEqual([DISCOVERY_URL]);
  });

  it('keeps issuers apart', async () => {
    const other = 'https://other.example';
    const { fetchJson, calls } = recorder({});
    const store = createKeyStore({ fetchJson });
    await store.keys(ISSUER);
    await store.keys(other);
    expect(calls).toEqual([DISCOVERY_URL, `${other}/.well-known/openid-configuration`]);
  });

  it('a discovery document that is not a JSON object: undefined, with a failure', async () => {
    const { fetchJson } = recorder({ [DISCOVERY_URL]: ['not', 'an', 'object'] });
    const store = createKeyStore({ fetchJson });
    expect(await store.discovery(ISSUER)).toBeUndefined();
    expect(store.failure(ISSUER)).toBe(`the discovery document at ${DISCOVERY_URL} is not a JSON object`);
  });

  it('a rejected discovery fetch: undefined, with a failure naming the URL and the error, never rejects', async () => {
    const { fetchJson } = recorder({ [DISCOVERY_URL]: new Error('getaddrinfo ENOTFOUND') });
    const store = createKeyStore({ fetchJson });
    await expect(store.discovery(ISSUER)).resolves.toBeUndefined();
    expect(store.failure(ISSUER)).toBe(`fetching ${DISCOVERY_URL} failed: getaddrinfo ENOTFOUND`);
  });

  it('a rejection with a non-Error value still gives a failure message', async () => {
    const fetchJson: FetchJson = () => Promise.reject('timeout');
    const store = createKeyStore({ fetchJson });
    expect(await store.keys(ISSUER)).toBeUndefined();
    expect(store.failure(ISSUER)).toContain('timeout');
  });
});

describe('createKeyStore: keys', () => {
  it('never calls fetchJson or the global fetch when created without fetchJson', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in tests')));
    vi.stubGlobal('fetch', fetchSpy);
    const store = createKeyStore({ observedDiscovery: { [ISSUER]: { jwks_uri: JWKS_URI } } });
    expect(await store.discovery('https://unseen.example')).toBeUndefined();
    expect(await store.keys('https://unseen.example')).toBeUndefined();
    expect(await store.keys(ISSUER)).toBeUndefined();
    expect(await store.keys(ISSUER, true)).toBeUndefined();
    expect(store.failure('https://unseen.example')).toBeUndefined();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('uses observed discovery and observed JWKS without fetching', async () => {
    const { fetchJson, calls } = recorder({});
    const store = createKeyStore({
      fetchJson,
      observedDiscovery: { [ISSUER]: { jwks_uri: JWKS_URI } },
      observedJwks: { [JWKS_URI]: { keys: [KEY_1, KEY_2] } },
    });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1, KEY_2], source: `observed JWKS ${JWKS_URI}` });
    expect(calls).toEqual([]);
  });

  it('fetches the jwks_uri of an observed discovery document when its JWKS was not observed', async () => {
    const { fetchJson, calls } = recorder({ [JWKS_URI]: { keys: [KEY_1] } });
    const store = createKeyStore({ fetchJson, observedDiscovery: { [ISSUER]: { jwks_uri: JWKS_URI } } });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1], source: `jwks_uri ${JWKS_URI}` });
    expect(calls).toEqual([JWKS_URI]);
  });

  it('fetches discovery then the jwks_uri, and caches both', async () => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [KEY_1] } });
    const store = createKeyStore({ fetchJson });
    const [a, b] = await Promise.all([store.keys(ISSUER), store.keys(ISSUER)]);
    const c = await store.keys(ISSUER);
    expect(a).toEqual({ keys: [KEY_1], source: `jwks_uri ${JWKS_URI}` });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(calls).toEqual([DISCOVERY_URL, JWKS_URI]);
  });

  it('refresh refetches the JWKS once per issuer, not the discovery document', async () => {
    let version = 0;
    const { fetchJson, calls } = recorder({
      [DISCOVERY_URL]: { jwks_uri: JWKS_URI },
      [JWKS_URI]: () => ({ keys: ++version === 1 ? [KEY_1] : [KEY_1, KEY_2] }),
    });
    const store = createKeyStore({ fetchJson });
    expect((await store.keys(ISSUER))?.keys).toEqual([KEY_1]);
    expect((await store.keys(ISSUER, true))?.keys).toEqual([KEY_1, KEY_2]);
    // A second refresh, and a plain call, use the refetched set.
    expect((await store.keys(ISSUER, true))?.keys).toEqual([KEY_1, KEY_2]);
    expect((await store.keys(ISSUER))?.keys).toEqual([KEY_1, KEY_2]);
    expect(calls).toEqual([DISCOVERY_URL, JWKS_URI, JWKS_URI]);
  });

  it('refresh as the very first call fetches once, and does not allow another refetch', async () => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [KEY_1] } });
    const store = createKeyStore({ fetchJson });
    await store.keys(ISSUER, true);
    await store.keys(ISSUER, true);
    expect(calls).toEqual([DISCOVERY_URL, JWKS_URI]);
  });

  it('refresh of an observed JWKS goes to the network when fetching is on', async () => {
    const { fetchJson, calls } = recorder({ [JWKS_URI]: { keys: [KEY_1, KEY_2] } });
    const store = createKeyStore({ fetchJson, observedDiscovery: { [ISSUER]: { jwks_uri: JWKS_URI } }, observedJwks: { [JWKS_URI]: { keys: [KEY_1] } } });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1], source: `observed JWKS ${JWKS_URI}` });
    expect(await store.keys(ISSUER, true)).toEqual({ keys: [KEY_1, KEY_2], source: `jwks_uri ${JWKS_URI}` });
    expect(calls).toEqual([JWKS_URI]);
  });

  it('refresh of an observed JWKS without fetching gives the observed keys again', async () => {
    const store = createKeyStore({ observedDiscovery: { [ISSUER]: { jwks_uri: JWKS_URI } }, observedJwks: { [JWKS_URI]: { keys: [KEY_1] } } });
    expect(await store.keys(ISSUER, true)).toEqual({ keys: [KEY_1], source: `observed JWKS ${JWKS_URI}` });
  });

  it('a discovery document without jwks_uri: no keys, a failure saying so', async () => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: 42 } });
    const store = createKeyStore({ fetchJson });
    expect(await store.keys(ISSUER)).toBeUndefined();
    expect(store.failure(ISSUER)).toBe(`the discovery document of ${ISSUER} has no jwks_uri`);
    expect(calls).toEqual([DISCOVERY_URL]);
  });

  it('a rejected JWKS fetch: no keys, a failure naming the jwks_uri and the error', async () => {
    const { fetchJson } = recorder({ [DISCOVERY_URL]: { jwks_uri: JWKS_URI }, [JWKS_URI]: new Error('HTTP 500') });
    const store = createKeyStore({ fetchJson });
    await expect(store.keys(ISSUER)).resolves.toBeUndefined();
    expect(store.failure(ISSUER)).toBe(`fetching ${JWKS_URI} failed: HTTP 500`);
  });

  it('a JWKS body that is not a JWKS: an empty key list, no failure', async () => {
    const { fetchJson } = recorder({ [DISCOVERY_URL]: { jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: 'nope' } });
    const store = createKeyStore({ fetchJson });
    expect(await store.keys(ISSUER)).toEqual({ keys: [], source: `jwks_uri ${JWKS_URI}` });
    expect(store.failure(ISSUER)).toBeUndefined();
  });

  it('keys given directly are used for every issuer, before observed or fetched keys, without fetching', async () => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [KEY_2] } });
    const store = createKeyStore({ fetchJson, jwks: [{ keys: [KEY_1] }, { keys: [KEY_2, 'junk'] }, 'not a jwks'] });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1, KEY_2], source: 'JWKS file' });
    expect(await store.keys('https://anyone.example')).toEqual({ keys: [KEY_1, KEY_2], source: 'JWKS file' });
    expect(calls).toEqual([]);
  });

  it('an unknown kid (the refetch) adds the issuer\'s own keys behind the keys given directly', async () => {
    const other = { ...KEY_2, kid: 'issuer-only' };
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [other] } });
    const store = createKeyStore({ fetchJson, jwks: [{ keys: [KEY_1] }] });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1], source: 'JWKS file' });
    expect(await store.keys(ISSUER, true)).toEqual({ keys: [KEY_1, other], source: `JWKS file and jwks_uri ${JWKS_URI}` });
    expect(calls).toEqual([DISCOVERY_URL, JWKS_URI]);
  });

  it('an empty JWKS file does not stop the issuer lookup', async () => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [KEY_1] } });
    const store = createKeyStore({ fetchJson, jwks: [{ keys: [] }] });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1], source: `jwks_uri ${JWKS_URI}` });
    expect(calls).toEqual([DISCOVERY_URL, JWKS_URI]);
  });
});

describe('jwksKeys', () => {
  it('keeps only JWK-shaped members (objects with a string kty)', () => {
    expect(jwksKeys({ keys: [KEY_1, null, 'x', 7, [], { kid: 'no-kty' }, { kty: 1 }, KEY_2] })).toEqual([KEY_1, KEY_2]);
  });

  it.each([null, undefined, 'keys', 42, [], [KEY_1], { keys: null }, { keys: { 0: KEY_1 } }, { Keys: [KEY_1] }])('%j has no keys', (value) => {
    expect(jwksKeys(value)).toEqual([]);
  });
});
