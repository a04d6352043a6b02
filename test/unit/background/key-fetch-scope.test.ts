/**
 * Issue 10 §3, key fetching: with key fetching on, the worker asks the engine for discovery only of issuers a
 * server's answer brought the browser (core/jwt/fetch-scope.ts), and for a `jwks_uri` only from a discovery
 * document it fetched itself, on the issuer's origin (core/jwt/key-store.ts `fetchableIssuers`). What the page
 * hook alone reported, or a page wrote into its own requests, chooses nothing the extension fetches.
 */
import { describe, expect, it } from 'vitest';
import { analyzeOptions } from '../../../src/background/analysis.js';
import { analyze } from '../../../src/core/analyze.js';
import { browserSeenIssuers } from '../../../src/core/jwt/fetch-scope.js';
import { createKeyStore } from '../../../src/core/jwt/key-store.js';
import type { CaptureSource, Exchange, ExchangePart } from '../../../src/core/model.js';
import { defaultSettings } from '../../../src/shared/settings.js';
import { jws } from '../helpers/rule-harness.js';

const IDP = 'https://idp.example.com';
const NOW_S = 1_800_000_000;
const idToken = (iss: string) => jws({ iss, sub: 'alice', aud: 'client', iat: NOW_S - 10, exp: NOW_S + 300 });

/** An exchange whose parts were seen by the sources given (parts not named: the page hook). */
function exchange(id: string, url: string, init: Partial<Exchange>, seen: Partial<Record<ExchangePart, CaptureSource[]>>): Exchange {
  const seenBy: Exchange['seenBy'] = { request: ['page-hook'], ...seen };
  if (init.responseBody && !seenBy.responseBody) seenBy.responseBody = ['page-hook'];
  return { id, method: 'POST', url, requestHeaders: [], responseHeaders: [{ name: 'content-type', value: 'application/json' }], startedAt: NOW_S * 1000, status: 200, seenBy, ...init };
}

function tokenResponse(id: string, url: string, iss: string, seen: Partial<Record<ExchangePart, CaptureSource[]>>): Exchange {
  return exchange(id, url, { responseBody: { text: JSON.stringify({ access_token: 'opaque', token_type: 'Bearer', id_token: idToken(iss) }) } }, seen);
}

/** A FetchJson that answers from `docs` and records every URL it was asked for. */
function recordingFetch(docs: Record<string, unknown>) {
  const asked: string[] = [];
  const fetchJson = async (url: string) => {
    asked.push(url);
    if (!Object.hasOwn(docs, url)) throw new Error(`HTTP 404 from ${url}`);
    return docs[url];
  };
  return { asked, fetchJson };
}

const analyzeLive = async (exchanges: Exchange[], docs: Record<string, unknown>) => {
  const { asked, fetchJson } = recordingFetch(docs);
  const options = analyzeOptions({ ...defaultSettings(), domains: ['idp.example.com'], fetchKeys: true }, NOW_S * 1000, fetchJson);
  const result = await analyze({ exchanges }, options);
  return { asked, result };
};

describe('browserSeenIssuers', () => {
  const issuers = (exchanges: Exchange[]) => {
    const artifacts = analyze({ exchanges }, { now: NOW_S }).then((r) => r.artifacts);
    return artifacts.then((list) => [...browserSeenIssuers(list, exchanges, (a) => a.kind === 'id_token')]);
  };

  it.each<[string, Exchange[], string[]]>([
    ['a token call the browser saw, to the issuer, its body read by the page hook', [tokenResponse('a', `${IDP}/token`, IDP, { request: ['page-hook', 'webRequest'] })], [IDP]],
    ['a token call on the issuer\'s origin, the issuer with a path', [tokenResponse('a', `${IDP}/realms/x/token`, `${IDP}/realms/x`, { request: ['webRequest'] })], [`${IDP}/realms/x`]],
    ['a body the response filter read, whatever the origin', [tokenResponse('a', 'https://bff.example.com/session', IDP, { request: ['webRequest'], responseBody: ['filterResponseData'] })], [IDP]],
    ['a body DevTools read', [tokenResponse('a', 'https://bff.example.com/session', IDP, { request: ['devtools'], responseBody: ['devtools'] })], [IDP]],
    ['a page-hook report without a browser-seen request (forged, or answered by a service worker)', [tokenResponse('a', `${IDP}/token`, IDP, {})], []],
    ['a browser-seen call to another origin, its body only from the page hook', [tokenResponse('a', 'https://app.example.com/token', IDP, { request: ['webRequest'] })], []],
    ['another port of the issuer\'s host', [tokenResponse('a', 'https://idp.example.com:8443/token', IDP, { request: ['webRequest'] })], []],
    ['a token the page wrote into its own request', [exchange('a', `${IDP}/userinfo`, { method: 'GET', requestHeaders: [{ name: 'authorization', value: `Bearer ${idToken(IDP)}` }] }, { request: ['webRequest'], requestHeaders: ['webRequest'] })], []],
    ['a redirect the browser saw, tokens in its fragment', [exchange('a', `${IDP}/authorize?client_id=client&response_type=id_token`, { method: 'GET', status: 302, redirectUrl: `https://app.example.com/cb#id_token=${idToken(IDP)}&state=s` }, { request: ['webRequest'], status: ['webRequest'] })], [IDP]],
    ['a redirect only the page hook reported', [exchange('a', 'https://app.example.com/x', { method: 'GET', status: 302, redirectUrl: `https://app.example.com/cb#id_token=${idToken(IDP)}&state=s` }, { status: ['page-hook'] })], []],
  ])('%s', async (_name, exchanges, expected) => {
    expect(await issuers(exchanges)).toEqual(expected);
  });
});

describe('the key store for a live capture (fetchableIssuers)', () => {
  const doc = { issuer: IDP, jwks_uri: `${IDP}/jwks` };

  it('fetches nothing for an issuer out of scope, and says why', async () => {
    const { asked, fetchJson } = recordingFetch({});
    const store = createKeyStore({ fetchJson, fetchableIssuers: new Set([IDP]) });
    expect(await store.keys(`${IDP}/steered/path`)).toBeUndefined();
    expect(asked).toEqual([]);
    expect(store.failure(`${IDP}/steered/path`)).toMatch(/^not fetched: no answer the browser itself saw carried a token of/);
  });

  it('fetches its own discovery document rather than use the observed one, and never the observed jwks_uri', async () => {
    const { asked, fetchJson } = recordingFetch({ [`${IDP}/.well-known/openid-configuration`]: doc, [`${IDP}/jwks`]: { keys: [] } });
    const forged = { issuer: IDP, jwks_uri: `${IDP}:8443/anything?x=1` };
    const store = createKeyStore({ fetchJson, fetchableIssuers: new Set([IDP]), observedDiscovery: { [IDP]: forged } });
    expect((await store.keys(IDP))?.source).toBe(`jwks_uri ${IDP}/jwks`);
    expect(asked).toEqual([`${IDP}/.well-known/openid-configuration`, `${IDP}/jwks`]);
  });

  it('falls back to the observed document for its keys, without fetching its jwks_uri', async () => {
    const { asked, fetchJson } = recordingFetch({});
    const observed = { issuer: IDP, jwks_uri: `${IDP}/steered?x=1` };
    const store = createKeyStore({ fetchJson, fetchableIssuers: new Set(), observedDiscovery: { [IDP]: observed }, observedJwks: { [`${IDP}/steered?x=1`]: { keys: [] } } });
    expect((await store.keys(IDP))?.source).toBe(`observed JWKS ${IDP}/steered?x=1`);
    expect(await store.discovery(IDP)).toEqual(observed);
    expect(asked).toEqual([]);
    expect(await createKeyStore({ fetchJson, fetchableIssuers: new Set(), observedDiscovery: { [IDP]: observed } }).keys(IDP)).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('fetches the keys its own discovery document names rather than use a JWKS the traffic showed there', async () => {
    const { asked, fetchJson } = recordingFetch({ [`${IDP}/.well-known/openid-configuration`]: doc, [`${IDP}/jwks`]: { keys: [{ kty: 'oct', k: 'cmVhbA' }] } });
    const store = createKeyStore({ fetchJson, fetchableIssuers: new Set([IDP]), observedJwks: { [`${IDP}/jwks`]: { keys: [{ kty: 'oct', k: 'Zm9yZ2Vk' }] } } });
    expect(await store.keys(IDP)).toEqual({ keys: [{ kty: 'oct', k: 'cmVhbA' }], source: `jwks_uri ${IDP}/jwks` });
    expect(asked).toEqual([`${IDP}/.well-known/openid-configuration`, `${IDP}/jwks`]);
  });

  it.each([
    ['another host', 'https://keys.example.net/jwks'],
    ['another port', `${IDP}:8443/jwks`],
    ['another scheme', 'http://idp.example.com/jwks'],
  ])('refuses a jwks_uri on %s, even from its own fetch', async (_name, jwksUri) => {
    const { asked, fetchJson } = recordingFetch({ [`${IDP}/.well-known/openid-configuration`]: { issuer: IDP, jwks_uri: jwksUri } });
    const store = createKeyStore({ fetchJson, fetchableIssuers: new Set([IDP]) });
    expect(await store.keys(IDP)).toBeUndefined();
    expect(asked).toEqual([`${IDP}/.well-known/openid-configuration`]);
    expect(store.failure(IDP)).toMatch(/^not fetched: the jwks_uri .* (is not on the origin of the issuer|is http on a host)/);
  });

  it('without a scope (the CLI, files the user chose) fetches as before: the observed jwks_uri too', async () => {
    const { asked, fetchJson } = recordingFetch({ 'https://keys.example.net/jwks': { keys: [] } });
    const store = createKeyStore({ fetchJson, observedDiscovery: { [IDP]: { issuer: IDP, jwks_uri: 'https://keys.example.net/jwks' } } });
    expect((await store.keys(IDP))?.source).toBe('jwks_uri https://keys.example.net/jwks');
    expect(asked).toEqual(['https://keys.example.net/jwks']);
  });
});

describe('the worker\'s analysis with key fetching on (issue 10 §3)', () => {
  it('a forged issuer with a path and a forged discovery document choose nothing the worker fetches', async () => {
    const real = tokenResponse('real', `${IDP}/token`, IDP, { request: ['page-hook', 'webRequest'] });
    const forgedIssuer = tokenResponse('forged-iss', `${IDP}/token`, `${IDP}/steered/path`, {});
    const forgedPort = tokenResponse('forged-port', 'https://idp.example.com:8443/token', 'https://idp.example.com:8443/x', {});
    const forgedDiscovery = exchange('forged-doc', `${IDP}/.well-known/openid-configuration`, { method: 'GET', responseBody: { text: JSON.stringify({ issuer: IDP, jwks_uri: `${IDP}/steered-jwks?x=1`, token_endpoint: `${IDP}/token` }) } }, {});
    const { asked } = await analyzeLive([forgedIssuer, forgedPort, forgedDiscovery, real], {
      [`${IDP}/.well-known/openid-configuration`]: { issuer: IDP, jwks_uri: `${IDP}/jwks` },
      [`${IDP}/jwks`]: { keys: [] },
    });
    expect([...new Set(asked)].sort()).toEqual([`${IDP}/.well-known/openid-configuration`, `${IDP}/jwks`]);
  });

  it('key fetching off: nothing is fetched at all', async () => {
    const { asked, fetchJson } = recordingFetch({});
    const options = analyzeOptions({ ...defaultSettings(), fetchKeys: false }, NOW_S * 1000, fetchJson);
    expect(options.fetchScope).toBeUndefined();
    await analyze({ exchanges: [tokenResponse('real', `${IDP}/token`, IDP, { request: ['webRequest'] })] }, options);
    expect(asked).toEqual([]);
  });
});
