import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeyStore, jwksKeys, publicJwk, type FetchJson } from '../../../src/core/jwt/key-store.js';

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
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer, jwks_uri: JWKS_URI } });
    const doc = await createKeyStore({ fetchJson }).discovery(issuer);
    expect(calls).toEqual([DISCOVERY_URL]);
    expect(doc).toEqual({ issuer, jwks_uri: JWKS_URI });
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
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: JWKS_URI } });
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
    const store = createKeyStore({ observedDiscovery: { [ISSUER]: { issuer: ISSUER, jwks_uri: JWKS_URI } } });
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
      observedDiscovery: { [ISSUER]: { issuer: ISSUER, jwks_uri: JWKS_URI } },
      observedJwks: { [JWKS_URI]: { keys: [KEY_1, KEY_2] } },
    });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1, KEY_2], source: `observed JWKS ${JWKS_URI}` });
    expect(calls).toEqual([]);
  });

  it('fetches the jwks_uri of an observed discovery document when its JWKS was not observed', async () => {
    const { fetchJson, calls } = recorder({ [JWKS_URI]: { keys: [KEY_1] } });
    const store = createKeyStore({ fetchJson, observedDiscovery: { [ISSUER]: { issuer: ISSUER, jwks_uri: JWKS_URI } } });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1], source: `jwks_uri ${JWKS_URI}` });
    expect(calls).toEqual([JWKS_URI]);
  });

  it('fetches discovery then the jwks_uri, and caches both', async () => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [KEY_1] } });
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
      [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: JWKS_URI },
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
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [KEY_1] } });
    const store = createKeyStore({ fetchJson });
    await store.keys(ISSUER, true);
    await store.keys(ISSUER, true);
    expect(calls).toEqual([DISCOVERY_URL, JWKS_URI]);
  });

  it('refresh of an observed JWKS goes to the network when fetching is on', async () => {
    const { fetchJson, calls } = recorder({ [JWKS_URI]: { keys: [KEY_1, KEY_2] } });
    const store = createKeyStore({ fetchJson, observedDiscovery: { [ISSUER]: { issuer: ISSUER, jwks_uri: JWKS_URI } }, observedJwks: { [JWKS_URI]: { keys: [KEY_1] } } });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1], source: `observed JWKS ${JWKS_URI}` });
    expect(await store.keys(ISSUER, true)).toEqual({ keys: [KEY_1, KEY_2], source: `jwks_uri ${JWKS_URI}` });
    expect(calls).toEqual([JWKS_URI]);
  });

  it('refresh of an observed JWKS without fetching gives the observed keys again', async () => {
    const store = createKeyStore({ observedDiscovery: { [ISSUER]: { issuer: ISSUER, jwks_uri: JWKS_URI } }, observedJwks: { [JWKS_URI]: { keys: [KEY_1] } } });
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
    const { fetchJson } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: JWKS_URI }, [JWKS_URI]: new Error('HTTP 500') });
    const store = createKeyStore({ fetchJson });
    await expect(store.keys(ISSUER)).resolves.toBeUndefined();
    expect(store.failure(ISSUER)).toBe(`fetching ${JWKS_URI} failed: HTTP 500`);
  });

  it('a JWKS body that is not a JWKS: an empty key list, no failure', async () => {
    const { fetchJson } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: 'nope' } });
    const store = createKeyStore({ fetchJson });
    expect(await store.keys(ISSUER)).toEqual({ keys: [], source: `jwks_uri ${JWKS_URI}` });
    expect(store.failure(ISSUER)).toBeUndefined();
  });

  it('keys given directly are used for every issuer, before observed or fetched keys, without fetching', async () => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [KEY_2] } });
    const store = createKeyStore({ fetchJson, jwks: [{ keys: [KEY_1] }, { keys: [KEY_2, 'junk'] }, 'not a jwks'] });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1, KEY_2], source: 'JWKS file' });
    expect(await store.keys('https://anyone.example')).toEqual({ keys: [KEY_1, KEY_2], source: 'JWKS file' });
    expect(calls).toEqual([]);
  });

  it('an unknown kid (the refetch) adds the issuer\'s own keys behind the keys given directly', async () => {
    const other = { ...KEY_2, kid: 'issuer-only' };
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [other] } });
    const store = createKeyStore({ fetchJson, jwks: [{ keys: [KEY_1] }] });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1], source: 'JWKS file' });
    expect(await store.keys(ISSUER, true)).toEqual({ keys: [KEY_1, other], source: `JWKS file and jwks_uri ${JWKS_URI}` });
    expect(calls).toEqual([DISCOVERY_URL, JWKS_URI]);
  });

  it('an empty JWKS file does not stop the issuer lookup', async () => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [KEY_1] } });
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

describe('createKeyStore: a discovery document is used only for the issuer it names (Discovery §4.3)', () => {
  it('a fetched document with issuer "x" is not followed: no jwks_uri fetch, a failure naming both values', async () => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer: 'x', jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [KEY_1] } });
    const store = createKeyStore({ fetchJson });
    expect(await store.keys(ISSUER)).toBeUndefined();
    expect(await store.discovery(ISSUER)).toBeUndefined();
    expect(calls).toEqual([DISCOVERY_URL]);
    expect(store.failure(ISSUER)).toBe(`the discovery document at ${DISCOVERY_URL} names the issuer "x", not "${ISSUER}": not used (Discovery §4.3)`);
  });

  it.each<[string, unknown, string]>([
    ['no issuer', { jwks_uri: JWKS_URI }, 'has no issuer'],
    ['a trailing slash more', { issuer: `${ISSUER}/`, jwks_uri: JWKS_URI }, `names the issuer "${ISSUER}/"`],
    ['another case', { issuer: ISSUER.toUpperCase(), jwks_uri: JWKS_URI }, 'names the issuer "HTTPS://OP.EXAMPLE/REALMS/DEMO"'],
    ['a number', { issuer: 7, jwks_uri: JWKS_URI }, 'names the issuer 7'],
    ['an array holding the issuer', { issuer: [ISSUER], jwks_uri: JWKS_URI }, `names the issuer ["${ISSUER}"]`],
  ])('a fetched document with %s is not used', async (_name, doc, why) => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: doc, [JWKS_URI]: { keys: [KEY_1] } });
    const store = createKeyStore({ fetchJson });
    expect(await store.keys(ISSUER)).toBeUndefined();
    expect(calls).toEqual([DISCOVERY_URL]);
    expect(store.failure(ISSUER)).toContain(why);
  });

  it('an observed document naming another issuer is not used, and nothing is fetched without fetchJson', async () => {
    const store = createKeyStore({
      observedDiscovery: { [ISSUER]: { issuer: 'https://accounts.google.com', jwks_uri: JWKS_URI } },
      observedJwks: { [JWKS_URI]: { keys: [KEY_1] } },
    });
    expect(await store.discovery(ISSUER)).toBeUndefined();
    expect(await store.keys(ISSUER)).toBeUndefined();
    expect(store.failure(ISSUER)).toBe(`the discovery document observed for ${ISSUER} names the issuer "https://accounts.google.com", not "${ISSUER}": not used (Discovery §4.3)`);
  });

  it("an observed document naming another issuer is passed over for the issuer's own, fetched one", async () => {
    const attackerJwks = 'https://attacker.example/jwks';
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: JWKS_URI }, [JWKS_URI]: { keys: [KEY_1] } });
    const store = createKeyStore({
      fetchJson,
      observedDiscovery: { [ISSUER]: { issuer: 'https://attacker.example', jwks_uri: attackerJwks } },
      observedJwks: { [attackerJwks]: { keys: [KEY_2] } },
    });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1], source: `jwks_uri ${JWKS_URI}` });
    expect(calls).toEqual([DISCOVERY_URL, JWKS_URI]);
    expect(store.failure(ISSUER)).toBeUndefined();
  });
});

describe('createKeyStore: fetch policy', () => {
  it.each([
    ['a loopback issuer with a query', 'http://127.0.0.1:6379/flushall?x', 'has a query'],
    ['an http link-local issuer with a fragment', 'http://169.254.169.254/latest#x', 'has a fragment'],
    ['an http link-local issuer', 'http://169.254.169.254/latest', 'is http on a host that is not localhost'],
    ['a file URL', 'file:///etc/passwd', 'is not an https URL'],
    ['a client id that is not a URL', 'my-client', 'is not an absolute URL'],
  ])('%s: no call, and the failure says why', async (_name, issuer, why) => {
    const { fetchJson, calls } = recorder({});
    const store = createKeyStore({ fetchJson });
    expect(await store.discovery(issuer)).toBeUndefined();
    expect(await store.keys(issuer)).toBeUndefined();
    expect(await store.keys(issuer, true)).toBeUndefined();
    expect(calls).toEqual([]);
    expect(store.failure(issuer)).toMatch(/^not fetched: /);
    expect(store.failure(issuer)).toContain(why);
  });

  it('an https issuer whose jwks_uri is loopback http (http://localhost:2375/containers/json): the jwks_uri is not called', async () => {
    const docker = 'http://localhost:2375/containers/json';
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: docker }, [docker]: { keys: [KEY_1] } });
    const store = createKeyStore({ fetchJson });
    expect(await store.keys(ISSUER)).toBeUndefined();
    expect(await store.keys(ISSUER, true)).toBeUndefined();
    expect(calls).toEqual([DISCOVERY_URL]);
    expect(store.failure(ISSUER)).toBe(`not fetched: the jwks_uri "${docker}" is http on a loopback host, but the issuer "${ISSUER}" is not on a loopback host`);
  });

  it('a loopback issuer may have a loopback http jwks_uri (local development)', async () => {
    const issuer = 'http://127.0.0.1:8080/realms/dev';
    const discoveryUrl = `${issuer}/.well-known/openid-configuration`;
    const jwksUri = 'http://localhost:8080/realms/dev/certs';
    const { fetchJson, calls } = recorder({ [discoveryUrl]: { issuer, jwks_uri: jwksUri }, [jwksUri]: { keys: [KEY_1] } });
    expect(await createKeyStore({ fetchJson }).keys(issuer)).toEqual({ keys: [KEY_1], source: `jwks_uri ${jwksUri}` });
    expect(calls).toEqual([discoveryUrl, jwksUri]);
  });

  it('a jwks_uri with a fragment is not called', async () => {
    const { fetchJson, calls } = recorder({ [DISCOVERY_URL]: { issuer: ISSUER, jwks_uri: `${JWKS_URI}#x` } });
    const store = createKeyStore({ fetchJson });
    expect(await store.keys(ISSUER)).toBeUndefined();
    expect(calls).toEqual([DISCOVERY_URL]);
    expect(store.failure(ISSUER)).toContain('has a fragment');
  });

  it('a refused jwks_uri whose JWKS was observed: the observed keys are used, also on refresh, and nothing is fetched', async () => {
    const internal = 'http://10.0.0.5/certs';
    const { fetchJson, calls } = recorder({});
    const store = createKeyStore({ fetchJson, observedDiscovery: { [ISSUER]: { issuer: ISSUER, jwks_uri: internal } }, observedJwks: { [internal]: { keys: [KEY_1] } } });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1], source: `observed JWKS ${internal}` });
    expect(await store.keys(ISSUER, true)).toEqual({ keys: [KEY_1], source: `observed JWKS ${internal}` });
    expect(calls).toEqual([]);
  });
});

describe('keys given directly', () => {
  const RSA_PRIVATE = { ...KEY_1, d: 'AA', p: 'AA', q: 'AA', dp: 'AA', dq: 'AA', qi: 'AA', oth: [] };
  const EC_PRIVATE = { ...KEY_2, d: 'AA' };
  const OKP_PRIVATE = { kty: 'OKP', kid: 'k3', crv: 'Ed25519', x: 'AA', d: 'AA' };
  const OCT = { kty: 'oct', kid: 'k4', k: 'c2VjcmV0' };

  it('a single JWK (an object with kty) is a one-key set', async () => {
    expect(jwksKeys(KEY_1)).toEqual([KEY_1]);
    const store = createKeyStore({ jwks: [KEY_1] });
    expect(await store.keys(ISSUER)).toEqual({ keys: [KEY_1], source: 'JWKS file' });
  });

  it('private members of RSA, EC and OKP keys are stripped; an oct key keeps its k', () => {
    expect(jwksKeys({ keys: [RSA_PRIVATE, EC_PRIVATE, OKP_PRIVATE, OCT] })).toEqual([KEY_1, KEY_2, { kty: 'OKP', kid: 'k3', crv: 'Ed25519', x: 'AA' }, OCT]);
    expect(jwksKeys(RSA_PRIVATE)).toEqual([KEY_1]);
    expect(publicJwk(OCT)).toBe(OCT);
  });

  it('stripping does not change the given value', () => {
    const given = { ...EC_PRIVATE };
    jwksKeys({ keys: [given] });
    expect(given).toEqual(EC_PRIVATE);
  });

  it('direct(): the keys given directly, without any lookup; undefined when none were given', () => {
    const { fetchJson, calls } = recorder({});
    expect(createKeyStore({ fetchJson, jwks: [{ keys: [KEY_1] }, KEY_2] }).direct()).toEqual({ keys: [KEY_1, KEY_2], source: 'JWKS file' });
    expect(createKeyStore({ fetchJson }).direct()).toBeUndefined();
    expect(createKeyStore({ fetchJson, jwks: [{ keys: [] }, 'junk'] }).direct()).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
