import fc from 'fast-check';
import { base64url, CompactSign, exportJWK, generateKeyPair, type CompactJWSHeaderParameters, type JWK } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { keyTypeForAlg } from '../../../src/core/jwt/algs.js';
import { decodeJwt } from '../../../src/core/jwt/decode.js';
import { createKeyStore, type FetchJson, type KeyStore, type KeyStoreOptions } from '../../../src/core/jwt/key-store.js';
import { verifySignature } from '../../../src/core/jwt/verify.js';
import type { SignatureCheck, SignatureStatus } from '../../../src/core/model.js';
import {
  RFC7515_A1_HS256,
  RFC7515_A1_KEY,
  RFC7515_A2_PUBLIC_KEY,
  RFC7515_A2_RS256,
  RFC7515_A3_ES256,
  RFC7515_A3_PUBLIC_KEY,
} from '../../fixtures/rfc7515-appendix-a.js';

const ISSUER = 'https://op.example/realms/demo';
const DISCOVERY_URL = `${ISSUER}/.well-known/openid-configuration`;
const JWKS_URI = `${ISSUER}/protocol/openid-connect/certs`;
const CLAIMS = { iss: ISSUER, sub: 'u1', aud: 'client-1', exp: 1629286357, iat: 1629286057 };
const STATUSES: SignatureStatus[] = ['valid', 'invalid', 'unverifiable', 'no-key', 'not-checked'];

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
interface TestKey {
  privateKey: PrivateKey;
  /** The public JWK with kid, alg and use "sig", as an OP publishes it. */
  jwk: JWK;
}

async function testKey(alg: string, kid: string): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

function sign(key: PrivateKey | Uint8Array, header: CompactJWSHeaderParameters, payload: unknown = CLAIMS): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header).sign(key);
}

function verify(raw: string, store: KeyStore, issuer: string = ISSUER): Promise<SignatureCheck> {
  return verifySignature(raw, decodeJwt(raw), issuer, store);
}

/** Flips the lowest bit of the first signature byte. */
function flipSignatureByte(raw: string): string {
  const [header, payload, signature] = raw.split('.');
  const bytes = base64url.decode(signature!);
  bytes[0] = bytes[0]! ^ 0x01;
  return `${header}.${payload}.${base64url.encode(bytes)}`;
}

interface FakeOp {
  fetchJson: FetchJson;
  calls: string[];
  count(url: string): number;
}

/** An OP serving its discovery document and, on successive JWKS fetches, each given key list in turn (the last one repeats). */
function fakeOp(...jwksVersions: JWK[][]): FakeOp {
  const calls: string[] = [];
  let served = 0;
  const fetchJson: FetchJson = async (url) => {
    calls.push(url);
    if (url === DISCOVERY_URL) return { issuer: ISSUER, jwks_uri: JWKS_URI };
    if (url === JWKS_URI) return { keys: jwksVersions[Math.min(served++, jwksVersions.length - 1)] ?? [] };
    throw new Error(`404 Not Found: ${url}`);
  };
  return { fetchJson, calls, count: (url) => calls.filter((c) => c === url).length };
}

function storeFor(op: FakeOp, options: KeyStoreOptions = {}): KeyStore {
  return createKeyStore({ ...options, fetchJson: op.fetchJson });
}

let rsa: TestKey;
let rsaOther: TestKey;
let attacker: TestKey;
let ec: TestKey;
const HMAC_SECRET = new TextEncoder().encode('a-client-secret-that-is-long-enough-for-hs256');

beforeAll(async () => {
  [rsa, rsaOther, attacker, ec] = await Promise.all([
    testKey('RS256', 'rsa-1'),
    testKey('RS256', 'rsa-2'),
    testKey('RS256', 'attacker-key'),
    testKey('ES256', 'ec-1'),
  ]);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('verifySignature: RFC 7515 Appendix A examples', () => {
  it('A.1 HS256 is valid with the RFC oct key given as a JWKS file', async () => {
    const store = createKeyStore({ jwks: [{ keys: [RFC7515_A1_KEY] }] });
    expect(decodeJwt(RFC7515_A1_HS256).problems).toEqual([]);
    expect(await verify(RFC7515_A1_HS256, store, 'joe')).toMatchObject({ status: 'valid', alg: 'HS256', keyType: 'oct', keySource: 'JWKS file' });
  });

  it('A.1 HS256 is unverifiable without the oct key', async () => {
    const check = await verify(RFC7515_A1_HS256, createKeyStore(), 'joe');
    expect(check).toMatchObject({ status: 'unverifiable', alg: 'HS256' });
    expect(check.reason).toContain('shared secret');
  });

  it('A.1 HS256 is unverifiable when the JWKS file holds only the RSA key, and says the issuer has asymmetric keys', async () => {
    const store = createKeyStore({ jwks: [{ keys: [RFC7515_A2_PUBLIC_KEY] }] });
    expect(await verify(RFC7515_A1_HS256, store, 'joe')).toMatchObject({ status: 'unverifiable', issuerHasAsymmetricKeys: true });
  });

  it('A.1 HS256 is invalid with another oct key', async () => {
    const store = createKeyStore({ jwks: [{ keys: [{ kty: 'oct', k: base64url.encode(HMAC_SECRET) }] }] });
    expect(await verify(RFC7515_A1_HS256, store, 'joe')).toMatchObject({ status: 'invalid', alg: 'HS256' });
  });

  it('A.2 RS256 is valid with the RFC RSA public key', async () => {
    const store = createKeyStore({ jwks: [{ keys: [RFC7515_A2_PUBLIC_KEY] }] });
    expect(await verify(RFC7515_A2_RS256, store, 'joe')).toMatchObject({
      status: 'valid',
      alg: 'RS256',
      keyType: 'RSA',
      keySource: 'JWKS file',
      issuerHasAsymmetricKeys: true,
    });
  });

  it('A.2 RS256 with one signature byte flipped is invalid', async () => {
    const store = createKeyStore({ jwks: [{ keys: [RFC7515_A2_PUBLIC_KEY] }] });
    const check = await verify(flipSignatureByte(RFC7515_A2_RS256), store, 'joe');
    expect(check).toMatchObject({ status: 'invalid', alg: 'RS256' });
    expect(check.reason).toContain('does not verify');
  });

  it('A.2 RS256 with the payload of another token is invalid', async () => {
    const [header, , signature] = RFC7515_A2_RS256.split('.');
    const forged = `${header}.${base64url.encode(JSON.stringify({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': false }))}.${signature}`;
    const store = createKeyStore({ jwks: [{ keys: [RFC7515_A2_PUBLIC_KEY] }] });
    expect((await verify(forged, store, 'joe')).status).toBe('invalid');
  });

  it('A.3 ES256 is valid with the RFC EC public key', async () => {
    const store = createKeyStore({ jwks: [{ keys: [RFC7515_A3_PUBLIC_KEY] }] });
    expect(await verify(RFC7515_A3_ES256, store, 'joe')).toMatchObject({ status: 'valid', alg: 'ES256', keyType: 'EC' });
  });

  it('A.3 ES256 with one signature byte flipped is invalid', async () => {
    const store = createKeyStore({ jwks: [{ keys: [RFC7515_A3_PUBLIC_KEY] }] });
    expect((await verify(flipSignatureByte(RFC7515_A3_ES256), store, 'joe')).status).toBe('invalid');
  });

  it('A.2 and A.3 each pick the key of their own type from a JWKS file holding all three RFC keys', async () => {
    const store = createKeyStore({ jwks: [{ keys: [RFC7515_A1_KEY, RFC7515_A2_PUBLIC_KEY, RFC7515_A3_PUBLIC_KEY] }] });
    const [a1, a2, a3] = await Promise.all([RFC7515_A1_HS256, RFC7515_A2_RS256, RFC7515_A3_ES256].map((t) => verify(t, store, 'joe')));
    expect([a1?.status, a2?.status, a3?.status]).toEqual(['valid', 'valid', 'valid']);
    expect([a1?.keyType, a2?.keyType, a3?.keyType]).toEqual(['oct', 'RSA', 'EC']);
    // One key per type: nothing ambiguous.
    expect([a1?.ambiguous, a2?.ambiguous, a3?.ambiguous]).toEqual([undefined, undefined, undefined]);
  });
});

describe('verifySignature with generated keys', () => {
  it.each<[string, string]>([
    ['RS256', 'RSA'],
    ['ES256', 'EC'],
    ['PS256', 'RSA'],
    ['EdDSA', 'OKP'],
    ['Ed25519', 'OKP'],
    ['ES384', 'EC'],
    ['RS512', 'RSA'],
  ])('%s: valid with the right key, invalid with another key of the same kid', async (alg, kty) => {
    const [right, wrong] = await Promise.all([testKey(alg, 'k1'), testKey(alg, 'k1')]);
    const raw = await sign(right.privateKey, { alg, kid: 'k1', typ: 'JWT' });
    const good = fakeOp([right.jwk]);
    expect(await verify(raw, storeFor(good))).toMatchObject({
      status: 'valid',
      alg,
      kid: 'k1',
      keyType: kty,
      keySource: `jwks_uri ${JWKS_URI}`,
      issuerHasAsymmetricKeys: true,
    });
    const bad = await verify(raw, storeFor(fakeOp([wrong.jwk])));
    expect(bad).toMatchObject({ status: 'invalid', alg, kid: 'k1', keyType: kty });
    expect(bad.reason).toContain(`does not verify with the key from jwks_uri ${JWKS_URI}`);
  });

  it('no kid and several keys: ambiguous, and still valid when one of them verifies', async () => {
    const raw = await sign(rsa.privateKey, { alg: 'RS256' });
    const check = await verify(raw, storeFor(fakeOp([rsaOther.jwk, ec.jwk, rsa.jwk])));
    expect(check).toMatchObject({ status: 'valid', ambiguous: true, keyType: 'RSA', kid: 'rsa-1' });
  });

  it('no kid and several keys none of which verifies: ambiguous and invalid', async () => {
    const raw = await sign(attacker.privateKey, { alg: 'RS256' });
    const check = await verify(raw, storeFor(fakeOp([rsa.jwk, rsaOther.jwk])));
    expect(check).toMatchObject({ status: 'invalid', ambiguous: true });
    expect(check.reason).toContain('any of the keys');
  });

  it('no kid and a single usable key: not ambiguous', async () => {
    const raw = await sign(rsa.privateKey, { alg: 'RS256' });
    const check = await verify(raw, storeFor(fakeOp([rsa.jwk, ec.jwk])));
    expect(check.status).toBe('valid');
    expect(check.ambiguous).toBeUndefined();
  });

  it('no kid: keys marked for encryption or for another alg are not candidates', async () => {
    const raw = await sign(rsa.privateKey, { alg: 'RS256' });
    const check = await verify(raw, storeFor(fakeOp([{ ...rsa.jwk, use: 'enc' }, { ...rsa.jwk, kid: 'ps', alg: 'PS256' }])));
    expect(check).toMatchObject({ status: 'no-key', reason: `no RSA key in jwks_uri ${JWKS_URI}` });
  });

  it('an unknown kid makes the store refetch the JWKS once, and a key added there makes it valid', async () => {
    const raw = await sign(rsaOther.privateKey, { alg: 'RS256', kid: 'rsa-2' });
    const op = fakeOp([rsa.jwk], [rsa.jwk, rsaOther.jwk]);
    const check = await verify(raw, storeFor(op));
    expect(check).toMatchObject({ status: 'valid', kid: 'rsa-2', keyType: 'RSA' });
    expect(check.unknownKid).toBeUndefined();
    expect(op.count(DISCOVERY_URL)).toBe(1);
    expect(op.count(JWKS_URI)).toBe(2);
  });

  it('a kid unknown also after the refetch: no-key with unknownKid, and no further fetch for later tokens', async () => {
    const op = fakeOp([rsa.jwk]);
    const store = storeFor(op);
    const first = await verify(await sign(attacker.privateKey, { alg: 'RS256', kid: 'gone-1' }), store);
    expect(first).toMatchObject({ status: 'no-key', unknownKid: true, kid: 'gone-1' });
    expect(first.reason).toContain('no key with kid "gone-1"');
    const second = await verify(await sign(attacker.privateKey, { alg: 'RS256', kid: 'gone-2' }), store);
    expect(second).toMatchObject({ status: 'no-key', unknownKid: true });
    expect(op.count(DISCOVERY_URL)).toBe(1);
    expect(op.count(JWKS_URI)).toBe(2);
  });

  it('a known kid does not refetch', async () => {
    const op = fakeOp([rsa.jwk]);
    expect((await verify(await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }), storeFor(op))).status).toBe('valid');
    expect(op.calls).toEqual([DISCOVERY_URL, JWKS_URI]);
  });

  it('an RSA key for an ES256 header (alg confusion input): invalid with keyType RSA', async () => {
    const raw = await sign(ec.privateKey, { alg: 'ES256', kid: 'rsa-1' });
    const check = await verify(raw, storeFor(fakeOp([rsa.jwk])));
    expect(check).toMatchObject({ status: 'invalid', alg: 'ES256', keyType: 'RSA' });
    expect(check.reason).toContain('is RSA');
  });

  it('a kid shared by an RSA and an EC key: the EC key verifies an ES256 token', async () => {
    const raw = await sign(ec.privateKey, { alg: 'ES256', kid: 'shared' });
    const check = await verify(raw, storeFor(fakeOp([{ ...rsa.jwk, kid: 'shared' }, { ...ec.jwk, kid: 'shared' }])));
    expect(check).toMatchObject({ status: 'valid', keyType: 'EC' });
  });

  it('an HS256 token from an issuer whose JWKS has only RSA keys: unverifiable, issuerHasAsymmetricKeys', async () => {
    const raw = await sign(HMAC_SECRET, { alg: 'HS256', kid: 'rsa-1' });
    const check = await verify(raw, storeFor(fakeOp([rsa.jwk, rsaOther.jwk])));
    expect(check).toMatchObject({ status: 'unverifiable', alg: 'HS256', issuerHasAsymmetricKeys: true });
    expect(check.keyType).toBeUndefined();
  });

  it('an HS256 token from an issuer with no key source at all: unverifiable', async () => {
    const raw = await sign(HMAC_SECRET, { alg: 'HS256' });
    expect((await verify(raw, createKeyStore())).status).toBe('unverifiable');
  });

  it('an issuer JWKS with only symmetric-looking keys: issuerHasAsymmetricKeys false', async () => {
    const raw = await sign(HMAC_SECRET, { alg: 'HS256' });
    const check = await verify(raw, storeFor(fakeOp([{ kty: 'oct', k: base64url.encode(HMAC_SECRET) }])));
    expect(check).toMatchObject({ status: 'valid', keyType: 'oct', issuerHasAsymmetricKeys: false });
  });

  it('the JWKS fetch rejecting: no-key with a reason naming the jwks_uri', async () => {
    const fetchJson: FetchJson = async (url) => {
      if (url === DISCOVERY_URL) return { issuer: ISSUER, jwks_uri: JWKS_URI };
      throw new Error('connect ECONNREFUSED');
    };
    const check = await verify(await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }), createKeyStore({ fetchJson }));
    expect(check.status).toBe('no-key');
    expect(check.reason).toContain(JWKS_URI);
    expect(check.reason).toContain('ECONNREFUSED');
  });

  it('the discovery fetch rejecting: no-key with a reason naming the discovery URL', async () => {
    const fetchJson: FetchJson = () => Promise.reject(new Error('connect ECONNREFUSED'));
    const check = await verify(await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }), createKeyStore({ fetchJson }));
    expect(check.status).toBe('no-key');
    expect(check.reason).toContain(DISCOVERY_URL);
  });

  it('the discovery fetch rejecting: no-key, the reason names the issuer and the error', async () => {
    const fetchJson: FetchJson = () => Promise.reject(new Error('connect ECONNREFUSED'));
    const check = await verify(await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }), createKeyStore({ fetchJson }));
    expect(check.status).toBe('no-key');
    expect(check.reason).toContain(ISSUER);
    expect(check.reason).toContain('ECONNREFUSED');
  });

  it('fetchJson throwing synchronously does not make verifySignature reject', async () => {
    const fetchJson: FetchJson = () => {
      throw new Error('boom');
    };
    const check = await verify(await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }), createKeyStore({ fetchJson }));
    expect(check.status).toBe('no-key');
  });

  it('a JWKS that is not a JWKS (an HTML error page): no-key', async () => {
    const fetchJson: FetchJson = async (url) => (url === DISCOVERY_URL ? { issuer: ISSUER, jwks_uri: JWKS_URI } : '<html>502</html>');
    const check = await verify(await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }), createKeyStore({ fetchJson }));
    expect(check).toMatchObject({ status: 'no-key', unknownKid: true });
  });

  it('no fetchJson and nothing observed: not-checked', async () => {
    const check = await verify(await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }), createKeyStore());
    expect(check).toMatchObject({ status: 'not-checked', alg: 'RS256', kid: 'rsa-1' });
    expect(check.reason).toContain('no JWKS');
  });

  it('observed discovery and observed JWKS, no fetching: valid', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const store = createKeyStore({
      observedDiscovery: { [ISSUER]: { issuer: ISSUER, jwks_uri: JWKS_URI } },
      observedJwks: { [JWKS_URI]: { keys: [rsa.jwk] } },
    });
    const check = await verify(await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }), store);
    expect(check).toMatchObject({ status: 'valid', keySource: `observed JWKS ${JWKS_URI}` });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('observed keys and an unknown kid, no fetching: no-key with unknownKid', async () => {
    const store = createKeyStore({
      observedDiscovery: { [ISSUER]: { issuer: ISSUER, jwks_uri: JWKS_URI } },
      observedJwks: { [JWKS_URI]: { keys: [rsa.jwk] } },
    });
    expect(await verify(await sign(rsaOther.privateKey, { alg: 'RS256', kid: 'rsa-2' }), store)).toMatchObject({ status: 'no-key', unknownKid: true });
  });

  it('observed keys and an unknown kid with fetching on: the refetch goes to the jwks_uri and finds the new key', async () => {
    const op = fakeOp([rsa.jwk, rsaOther.jwk]);
    const store = storeFor(op, {
      observedDiscovery: { [ISSUER]: { issuer: ISSUER, jwks_uri: JWKS_URI } },
      observedJwks: { [JWKS_URI]: { keys: [rsa.jwk] } },
    });
    const check = await verify(await sign(rsaOther.privateKey, { alg: 'RS256', kid: 'rsa-2' }), store);
    expect(check).toMatchObject({ status: 'valid', keySource: `jwks_uri ${JWKS_URI}` });
    expect(op.calls).toEqual([JWKS_URI]);
  });

  it('two tokens of the same issuer fetch discovery and the JWKS once', async () => {
    const op = fakeOp([rsa.jwk, ec.jwk]);
    const store = storeFor(op);
    const a = await verify(await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }), store);
    const b = await verify(await sign(ec.privateKey, { alg: 'ES256', kid: 'ec-1' }), store);
    expect([a.status, b.status]).toEqual(['valid', 'valid']);
    expect(op.calls).toEqual([DISCOVERY_URL, JWKS_URI]);
  });

  it('tokens of the same issuer verified concurrently still fetch once', async () => {
    const op = fakeOp([rsa.jwk]);
    const store = storeFor(op);
    const raw = await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' });
    const checks = await Promise.all([verify(raw, store), verify(raw, store), verify(raw, store)]);
    expect(checks.map((c) => c.status)).toEqual(['valid', 'valid', 'valid']);
    expect(op.calls).toEqual([DISCOVERY_URL, JWKS_URI]);
  });

  it('a failed unknown-kid refetch does not lose the keys fetched before', async () => {
    let jwksFetches = 0;
    const fetchJson: FetchJson = async (url) => {
      if (url === DISCOVERY_URL) return { issuer: ISSUER, jwks_uri: JWKS_URI };
      if (++jwksFetches === 1) return { keys: [rsa.jwk] };
      throw new Error('503 Service Unavailable');
    };
    const store = createKeyStore({ fetchJson });
    await verify(await sign(attacker.privateKey, { alg: 'RS256', kid: 'unknown' }), store);
    expect((await verify(await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }), store)).status).toBe('valid');
  });

  it('no issuer: not-checked and nothing fetched', async () => {
    const op = fakeOp([rsa.jwk]);
    const raw = await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' });
    const check = await verifySignature(raw, decodeJwt(raw), undefined, storeFor(op));
    expect(check).toMatchObject({ status: 'not-checked', reason: 'no issuer to look keys up for, and no keys were given' });
    expect(op.calls).toEqual([]);
  });

  it.each<[string, string]>([
    ['alg none', `${base64url.encode('{"alg":"none"}')}.${base64url.encode('{}')}.`],
    ['no alg', `${base64url.encode('{"kid":"rsa-1"}')}.${base64url.encode('{}')}.c2ln`],
    ['a non-string alg', `${base64url.encode('{"alg":256}')}.${base64url.encode('{}')}.c2ln`],
    ['a JWE', `${base64url.encode('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a.b.c.d`],
    ['two segments', `${base64url.encode('{"alg":"RS256"}')}.${base64url.encode('{}')}`],
    ['a header that is not JSON', `${base64url.encode('not json')}.${base64url.encode('{}')}.c2ln`],
    ['a padded header', `${base64url.encode('{"alg":"RS256"}')}==.${base64url.encode('{}')}.c2ln`],
  ])('%s: not-checked, and nothing fetched', async (_name, raw) => {
    const op = fakeOp([rsa.jwk]);
    const check = await verify(raw, storeFor(op));
    expect(check.status).toBe('not-checked');
    expect(op.calls).toEqual([]);
  });

  it.each([
    ['Ed448', 'OKP'],
    ['ES256K', 'EC'],
    ['PS512', 'RSA'],
    ['HS384', 'oct'],
  ])('keyTypeForAlg(%s) is %s', (alg, kty) => {
    expect(keyTypeForAlg(alg)).toBe(kty);
  });

  it.each(['none', 'RS1', 'HS128', 'A256GCM', '', 'rs256'])('keyTypeForAlg(%j) is undefined', (alg) => {
    expect(keyTypeForAlg(alg)).toBeUndefined();
  });
});

describe('verifySignature never uses keys or URLs from the token header', () => {
  const ATTACKER_JKU = 'https://attacker.example/jwks.json';
  const ATTACKER_X5U = 'https://attacker.example/cert.pem';

  it('a token signed with an attacker key embedded as `jwk`, with the attacker kid: not valid', async () => {
    const op = fakeOp([rsa.jwk]);
    const raw = await sign(attacker.privateKey, { alg: 'RS256', kid: 'attacker-key', jwk: attacker.jwk });
    const check = await verify(raw, storeFor(op));
    expect(check).toMatchObject({ status: 'no-key', unknownKid: true });
    expect(op.calls.every((u) => u === DISCOVERY_URL || u === JWKS_URI)).toBe(true);
  });

  it('a token signed with an attacker key embedded as `jwk`, without kid: invalid against the issuer key', async () => {
    const raw = await sign(attacker.privateKey, { alg: 'RS256', jwk: { ...attacker.jwk, kid: undefined } });
    expect((await verify(raw, storeFor(fakeOp([rsa.jwk])))).status).toBe('invalid');
  });

  it('a token signed with an attacker key embedded as `jwk` under the issuer kid: invalid', async () => {
    const raw = await sign(attacker.privateKey, { alg: 'RS256', kid: 'rsa-1', jwk: { ...attacker.jwk, kid: 'rsa-1' } });
    expect(await verify(raw, storeFor(fakeOp([rsa.jwk])))).toMatchObject({ status: 'invalid', kid: 'rsa-1' });
  });

  it('an embedded `jwk` with no issuer key source at all: not-checked, never valid', async () => {
    const raw = await sign(attacker.privateKey, { alg: 'RS256', jwk: attacker.jwk });
    expect((await verify(raw, createKeyStore())).status).toBe('not-checked');
  });

  it('`jku`, `x5u` and `x5c` in the header: not valid, and no URL from the header is fetched', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const op = fakeOp([rsa.jwk]);
    const raw = await sign(attacker.privateKey, {
      alg: 'RS256',
      kid: 'attacker-key',
      jku: ATTACKER_JKU,
      x5u: ATTACKER_X5U,
      x5c: ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'],
    });
    const check = await verify(raw, storeFor(op));
    expect(check.status).not.toBe('valid');
    expect(check).toMatchObject({ status: 'no-key', unknownKid: true });
    expect(op.calls).toEqual([DISCOVERY_URL, JWKS_URI, JWKS_URI]);
    expect(op.calls).not.toContain(ATTACKER_JKU);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('`jku` with no issuer keys and fetching on: only the issuer discovery URL is asked', async () => {
    const calls: string[] = [];
    const fetchJson: FetchJson = async (url) => {
      calls.push(url);
      return { keys: [attacker.jwk] };
    };
    const raw = await sign(attacker.privateKey, { alg: 'RS256', kid: 'attacker-key', jku: ATTACKER_JKU });
    const check = await verify(raw, createKeyStore({ fetchJson }));
    // The "discovery document" has no jwks_uri, so there are no keys; the jku is never used as a fallback.
    expect(check.status).toBe('no-key');
    expect(calls).toEqual([DISCOVERY_URL]);
  });
});

describe('verifySignature never rejects (property)', () => {
  const anyStore = (): fc.Arbitrary<KeyStore> =>
    fc.oneof(
      fc.constant(undefined).map(() => createKeyStore()),
      fc.jsonValue().map((body) => createKeyStore({ fetchJson: async (url) => (url.endsWith('openid-configuration') ? { issuer: ISSUER, jwks_uri: JWKS_URI } : body) })),
      fc.constant(undefined).map(() => createKeyStore({ fetchJson: () => Promise.reject(new Error('offline')) })),
      fc.constant(undefined).map(() => storeFor(fakeOp([rsa.jwk, ec.jwk], [rsa.jwk, rsaOther.jwk]))),
    );

  it('on random strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.option(fc.string(), { nil: undefined }), anyStore(), async (raw, issuer, store) => {
        const check = await verifySignature(raw, decodeJwt(raw), issuer, store);
        expect(STATUSES).toContain(check.status);
      }),
      { numRuns: 300 },
    );
  });

  it('on random headers and hostile JWKS members', async () => {
    const hostileKey = fc.record(
      {
        kty: fc.constantFrom('RSA', 'EC', 'OKP', 'oct', 'AKP', '', 'rsa'),
        kid: fc.oneof(fc.constantFrom('rsa-1', 'k'), fc.string()),
        alg: fc.constantFrom('RS256', 'ES256', 'HS256', 'EdDSA', 'none'),
        use: fc.constantFrom('sig', 'enc', ''),
        crv: fc.constantFrom('P-256', 'P-521', 'Ed25519', 'X25519', 'nope'),
        n: fc.string(),
        e: fc.constantFrom('AQAB', '', 'AA'),
        x: fc.string(),
        y: fc.string(),
        k: fc.string(),
        key_ops: fc.array(fc.constantFrom('sign', 'verify', 'encrypt')),
      },
      { requiredKeys: ['kty'] },
    );
    const header = fc.record({
      alg: fc.oneof(fc.constantFrom('RS256', 'ES256', 'PS256', 'EdDSA', 'HS256', 'ES256K', 'Ed448', 'none', 'constructor'), fc.jsonValue()),
      kid: fc.oneof(fc.constantFrom('rsa-1', 'k', '__proto__'), fc.jsonValue()),
    }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(header, fc.array(fc.oneof(hostileKey, fc.jsonValue()), { maxLength: 4 }), fc.base64String(), async (h, keys, sig) => {
        const raw = `${base64url.encode(JSON.stringify(h))}.${base64url.encode(JSON.stringify(CLAIMS))}.${sig.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}`;
        const fetchJson: FetchJson = async (url) => (url === DISCOVERY_URL ? { issuer: ISSUER, jwks_uri: JWKS_URI } : { keys });
        const check = await verifySignature(raw, decodeJwt(raw), ISSUER, createKeyStore({ fetchJson }));
        expect(STATUSES).toContain(check.status);
        expect(check.status).not.toBe('valid');
      }),
      { numRuns: 300 },
    );
  });

  it('on mutated valid tokens: never rejects, and a valid result keeps the signed header and payload', async () => {
    const original = await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' });
    const store = createKeyStore({ jwks: [{ keys: [rsa.jwk, ec.jwk] }] });
    expect((await verify(original, store)).status).toBe('valid');
    const [head, body] = original.split('.');
    const mutation = fc.oneof(
      fc.tuple(fc.nat({ max: original.length - 1 }), fc.constantFrom('A', '-', '_', '.', '=', ' ', '+', '/', 'é', '\u0000')).map(([i, c]) => original.slice(0, i) + c + original.slice(i + 1)),
      fc.nat({ max: original.length }).map((i) => original.slice(0, i)),
      fc.tuple(fc.nat({ max: original.length }), fc.string({ maxLength: 8 })).map(([i, s]) => original.slice(0, i) + s + original.slice(i)),
      fc.nat({ max: original.length - 1 }).map((i) => original.slice(0, i) + original.slice(i + 1)),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (raw) => {
        const check = await verify(raw, store);
        expect(STATUSES).toContain(check.status);
        if (check.status === 'valid') expect(raw.split('.').slice(0, 2)).toEqual([head, body]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('verifySignature: discovery trust', () => {
  const GOOGLE = 'https://accounts.google.com';
  const ATTACKER = 'https://attacker.example';
  const ATTACKER_JWKS = `${ATTACKER}/jwks.json`;

  it('a HAR-observed discovery claiming issuer https://accounts.google.com with an attacker jwks_uri makes no attacker-signed token valid', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    // The attacker's server answered at its own .well-known URL, claiming to be Google, with its own keys.
    const store = createKeyStore({
      observedDiscovery: { [ATTACKER]: { issuer: GOOGLE, jwks_uri: ATTACKER_JWKS } },
      observedJwks: { [ATTACKER_JWKS]: { keys: [attacker.jwk] } },
    });
    const asGoogle = await sign(attacker.privateKey, { alg: 'RS256', kid: 'attacker-key' }, { ...CLAIMS, iss: GOOGLE });
    const asAttacker = await sign(attacker.privateKey, { alg: 'RS256', kid: 'attacker-key' }, { ...CLAIMS, iss: ATTACKER });
    const google = await verify(asGoogle, store, GOOGLE);
    const own = await verify(asAttacker, store, ATTACKER);
    expect(google.status).not.toBe('valid');
    expect(own).toMatchObject({ status: 'no-key' });
    expect(own.reason).toContain(`names the issuer "${GOOGLE}", not "${ATTACKER}"`);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('a fetched discovery document naming another issuer: no-key, and its jwks_uri is never fetched', async () => {
    const calls: string[] = [];
    const fetchJson: FetchJson = async (url) => {
      calls.push(url);
      return url === DISCOVERY_URL ? { issuer: GOOGLE, jwks_uri: ATTACKER_JWKS } : { keys: [attacker.jwk] };
    };
    const check = await verify(await sign(attacker.privateKey, { alg: 'RS256', kid: 'attacker-key' }), createKeyStore({ fetchJson }));
    expect(check.status).toBe('no-key');
    expect(check.reason).toContain(`names the issuer "${GOOGLE}", not "${ISSUER}"`);
    expect(calls).toEqual([DISCOVERY_URL]);
  });
});

describe('verifySignature: keys given as private JWKs, and keys that cannot be used', () => {
  /** A key pair and its private JWK, as a test OP's key file holds it. */
  async function privateKey(alg: string, kid: string): Promise<{ privateKey: PrivateKey; jwk: JWK }> {
    const { privateKey } = await generateKeyPair(alg, { extractable: true });
    return { privateKey, jwk: { ...(await exportJWK(privateKey)), kid, alg, use: 'sig', key_ops: ['sign'] } };
  }

  it.each([
    ['RS256', 'RSA'],
    ['ES256', 'EC'],
    ['EdDSA', 'OKP'],
  ])('%s: a private %s JWK in a JWKS file verifies as its public key', async (alg, kty) => {
    const key = await privateKey(alg, 'priv-1');
    expect(key.jwk.d).toBeTypeOf('string');
    const check = await verify(await sign(key.privateKey, { alg, kid: 'priv-1' }), createKeyStore({ jwks: [{ keys: [key.jwk] }] }));
    expect(check).toMatchObject({ status: 'valid', keyType: kty, keySource: 'JWKS file' });
  });

  it('a private JWK fetched from a jwks_uri verifies too, and a forged token is still invalid', async () => {
    const key = await privateKey('RS256', 'priv-rsa');
    const store = storeFor(fakeOp([key.jwk]));
    expect((await verify(await sign(key.privateKey, { alg: 'RS256', kid: 'priv-rsa' }), store)).status).toBe('valid');
    expect((await verify(await sign(attacker.privateKey, { alg: 'RS256', kid: 'priv-rsa' }), store)).status).toBe('invalid');
  });

  it('a single JWK given directly (not wrapped in a JWKS) verifies', async () => {
    const check = await verify(await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }), createKeyStore({ jwks: [rsa.jwk] }));
    expect(check).toMatchObject({ status: 'valid', keySource: 'JWKS file' });
  });

  it.each<[string, JWK, string, string]>([
    ['an RSA key with a broken modulus', { kty: 'RSA', kid: 'bad', n: 'AQAB', e: 'AQAB' }, 'RS256', "can't be used for RS256"],
    ['an RSA key without a modulus', { kty: 'RSA', kid: 'bad', e: 'AQAB' }, 'RS256', "can't be used for RS256"],
    ['an EC key on another curve', { kty: 'EC', kid: 'bad', crv: 'P-521', x: 'AA', y: 'AA' }, 'ES256', "can't be used for ES256"],
    ['an OKP key of an unknown curve', { kty: 'OKP', kid: 'bad', crv: 'Ed1', x: 'AA' }, 'EdDSA', "can't be used for EdDSA"],
  ])('%s: no-key with the reason, never invalid', async (_name, jwk, alg, why) => {
    const signer = alg === 'RS256' ? rsa : alg === 'ES256' ? ec : await testKey(alg, 'x');
    const raw = await sign(signer.privateKey, { alg, kid: 'bad' });
    const check = await verify(raw, storeFor(fakeOp([jwk])));
    expect(check.status).toBe('no-key');
    expect(check.reason).toContain('the key "bad"');
    expect(check.reason).toContain(why);
  });

  it('an unusable key next to a usable one that does not verify: invalid, naming the unusable key too', async () => {
    const raw = await sign(attacker.privateKey, { alg: 'RS256' });
    const check = await verify(raw, storeFor(fakeOp([{ kty: 'RSA', kid: 'bad', n: 'AQAB', e: 'AQAB' }, rsa.jwk])));
    expect(check.status).toBe('invalid');
    expect(check.reason).toContain('does not verify with the key from');
    expect(check.reason).toContain('the key "bad"');
  });

  it('an unusable key next to the right one: valid', async () => {
    const raw = await sign(rsa.privateKey, { alg: 'RS256' });
    const check = await verify(raw, storeFor(fakeOp([{ kty: 'RSA', kid: 'bad', n: 'AQAB', e: 'AQAB' }, rsa.jwk])));
    expect(check).toMatchObject({ status: 'valid', kid: 'rsa-1', ambiguous: true });
  });
});

describe('verifySignature: a token without iss', () => {
  const { iss: _iss, ...NO_ISS } = CLAIMS;

  it('is verified with the keys given directly, and nothing is fetched', async () => {
    const op = fakeOp([rsa.jwk]);
    const raw = await sign(rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }, NO_ISS);
    const check = await verifySignature(raw, decodeJwt(raw), undefined, storeFor(op, { jwks: [{ keys: [rsa.jwk, ec.jwk] }] }));
    expect(check).toMatchObject({ status: 'valid', keySource: 'JWKS file', keyType: 'RSA' });
    expect(op.calls).toEqual([]);
  });

  it('signed with another key: invalid', async () => {
    const raw = await sign(attacker.privateKey, { alg: 'RS256' }, NO_ISS);
    expect((await verifySignature(raw, decodeJwt(raw), undefined, createKeyStore({ jwks: [rsa.jwk] }))).status).toBe('invalid');
  });

  it('an HS256 token with the shared key given directly: valid', async () => {
    const raw = await sign(HMAC_SECRET, { alg: 'HS256' }, NO_ISS);
    const store = createKeyStore({ jwks: [{ kty: 'oct', k: base64url.encode(HMAC_SECRET) }] });
    expect(await verifySignature(raw, decodeJwt(raw), undefined, store)).toMatchObject({ status: 'valid', keyType: 'oct' });
  });

  it('an HS256 token and no key given: unverifiable', async () => {
    const raw = await sign(HMAC_SECRET, { alg: 'HS256' }, NO_ISS);
    expect((await verifySignature(raw, decodeJwt(raw), undefined, createKeyStore())).status).toBe('unverifiable');
  });

  it('a kid not among the keys given: no-key, no refetch, not flagged as unknown after a refetch', async () => {
    const op = fakeOp([rsaOther.jwk]);
    const raw = await sign(rsaOther.privateKey, { alg: 'RS256', kid: 'rsa-2' }, NO_ISS);
    const check = await verifySignature(raw, decodeJwt(raw), undefined, storeFor(op, { jwks: [rsa.jwk] }));
    expect(check.status).toBe('no-key');
    expect(check.unknownKid).toBeUndefined();
    expect(check.reason).toContain('no key with kid "rsa-2" in JWKS file');
    expect(op.calls).toEqual([]);
  });

  it('an embedded jwk is not used: not valid with keys given, not-checked without', async () => {
    const raw = await sign(attacker.privateKey, { alg: 'RS256', jwk: attacker.jwk }, NO_ISS);
    expect((await verifySignature(raw, decodeJwt(raw), undefined, createKeyStore({ jwks: [rsa.jwk] }))).status).toBe('invalid');
    expect((await verifySignature(raw, decodeJwt(raw), undefined, createKeyStore())).status).toBe('not-checked');
  });
});
