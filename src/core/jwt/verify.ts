import { compactVerify, errors, importJWK, type JWK } from 'jose';
import type { DecodedJwt, SignatureCheck } from '../model.js';
import { keyTypeForAlg } from './algs.js';
import { publicJwk, type IssuerKeys, type KeyStore } from './key-store.js';

function usableFor(jwk: JWK, alg: string): boolean {
  if (jwk.use && jwk.use !== 'sig') return false;
  if (jwk.alg && jwk.alg !== alg) return false;
  return jwk.kty === keyTypeForAlg(alg);
}

/**
 * Only the members that make the public (or, for oct, the symmetric) key: private members, `key_ops` and `ext`
 * would make jose import a private key or a key that may only sign, which then can't verify.
 */
function importable(jwk: JWK): JWK {
  const pub = publicJwk(jwk);
  switch (pub.kty) {
    case 'RSA':
      return { kty: 'RSA', n: pub.n, e: pub.e };
    case 'EC':
      return { kty: 'EC', crv: pub.crv, x: pub.x, y: pub.y };
    case 'OKP':
      return { kty: 'OKP', crv: pub.crv, x: pub.x };
    case 'oct':
      return { kty: 'oct', k: pub.k };
    default:
      return { kty: pub.kty };
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** `valid`, `mismatch` (the key works but the token does not verify with it), or why the key can't be used. */
async function tryKey(raw: string, jwk: JWK, alg: string): Promise<'valid' | 'mismatch' | { unusable: string }> {
  let key: Awaited<ReturnType<typeof importJWK>>;
  try {
    key = await importJWK(importable(jwk), alg);
  } catch (err) {
    return { unusable: message(err) };
  }
  try {
    await compactVerify(raw, key, { algorithms: [alg] });
    return 'valid';
  } catch (err) {
    // Errors about the token (bad signature, malformed or unsupported `crit`) mean it does not verify; anything
    // else (a too-short RSA key, a key of the wrong curve) is about the key.
    if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWSInvalid || err instanceof errors.JOSENotSupported) return 'mismatch';
    return { unusable: message(err) };
  }
}

const keyName = (jwk: JWK) => (typeof jwk.kid === 'string' ? `"${jwk.kid}"` : '(no kid)');

/**
 * Verifies a compact JWS with the issuer's keys from the store, refetching the JWKS once on an unknown kid; a
 * token without `iss` is verified with the keys given directly only. HS* tokens are `unverifiable` unless a
 * symmetric key was given directly. A key that can't be imported or used gives `no-key` with the reason, never
 * `invalid`. Never rejects. Does not judge whether `alg` is allowed (alg-allowlist, alg-none do), and never uses
 * keys embedded in the token header (`jwk`, `jku`, `x5c`, `x5u`).
 */
export async function verifySignature(raw: string, jwt: DecodedJwt, issuer: string | undefined, store: KeyStore): Promise<SignatureCheck> {
  const alg = typeof jwt.header?.alg === 'string' ? jwt.header.alg : undefined;
  const kid = typeof jwt.header?.kid === 'string' ? jwt.header.kid : undefined;
  const base: SignatureCheck = { status: 'not-checked' };
  if (alg) base.alg = alg;
  if (kid) base.kid = kid;
  if (jwt.format !== 'jws' || !alg || alg === 'none' || jwt.problems.some((p) => p.rule === 'jws-parse')) {
    return { ...base, reason: 'not a well-formed signed JWS' };
  }
  let set: IssuerKeys | undefined = issuer ? await store.keys(issuer) : store.direct();
  if (!set) {
    if (alg.startsWith('HS')) return { ...base, status: 'unverifiable', reason: `${alg} is keyed with a shared secret (the client secret) that the inspector does not have` };
    if (!issuer) return { ...base, reason: 'no issuer to look keys up for, and no keys were given' };
    const failure = store.failure(issuer);
    return failure ? { ...base, status: 'no-key', reason: failure } : { ...base, reason: 'key fetching is off and no JWKS was observed or given' };
  }
  const asymmetric = set.keys.some((k) => k.kty === 'RSA' || k.kty === 'EC' || k.kty === 'OKP');
  base.issuerHasAsymmetricKeys = asymmetric;
  base.keySource = set.source;
  const wanted = keyTypeForAlg(alg);
  if (wanted === 'oct' && !set.keys.some((k) => k.kty === 'oct')) {
    return { ...base, status: 'unverifiable', reason: `${alg} is keyed with a shared secret (the client secret or a realm secret) that the inspector does not have` };
  }
  // RFC 7517 §4.5 lets keys of different types share a kid: prefer the ones that can verify this alg.
  const select = (keys: JWK[]) => {
    if (!kid) return keys.filter((k) => usableFor(k, alg));
    const byKid = keys.filter((k) => k.kid === kid);
    const usable = byKid.filter((k) => usableFor(k, alg));
    return usable.length > 0 ? usable : byKid;
  };
  let candidates = select(set.keys);
  if (kid && candidates.length === 0 && !issuer) {
    return { ...base, status: wanted === 'oct' ? 'unverifiable' : 'no-key', reason: `no key with kid "${kid}" in ${set.source} (the token has no iss, so there are no issuer keys to look up)` };
  }
  if (issuer && kid && candidates.length === 0) {
    const again = await store.keys(issuer, true);
    if (again) {
      set = again;
      base.keySource = again.source;
      candidates = select(again.keys);
    }
    if (candidates.length === 0) {
      const failure = store.failure(issuer);
      return { ...base, status: wanted === 'oct' ? 'unverifiable' : 'no-key', unknownKid: true, reason: `no key with kid "${kid}" in ${set.source}${failure ? ` (the refetch failed: ${failure})` : ', also after refetching it'}` };
    }
  }
  if (candidates.length === 0) return { ...base, status: 'no-key', reason: `no ${wanted ?? alg} key in ${set.source}` };
  if (!kid && candidates.length > 1) base.ambiguous = true;
  const first = candidates[0]!;
  base.keyType = first.kty;
  if (first.kty !== wanted) {
    return { ...base, status: 'invalid', reason: `the key "${first.kid ?? '(no kid)'}" is ${first.kty}, which can't verify ${alg}` };
  }
  const unusable: string[] = [];
  let tried = 0;
  for (const jwk of candidates) {
    const outcome = await tryKey(raw, jwk, alg);
    if (outcome === 'valid') {
      const valid: SignatureCheck = { ...base, status: 'valid', keyType: jwk.kty };
      if (jwk.kid) valid.kid = jwk.kid;
      return valid;
    }
    if (outcome === 'mismatch') tried++;
    else unusable.push(`the key ${keyName(jwk)} from ${set.source} can't be used for ${alg}: ${outcome.unusable}`);
  }
  if (tried === 0) return { ...base, status: 'no-key', reason: unusable.join('; ') };
  const skipped = unusable.length > 0 ? ` (${unusable.join('; ')})` : '';
  return { ...base, status: 'invalid', reason: `the signature does not verify with ${tried === 1 ? 'the key' : 'any of the keys'} from ${set.source}${skipped}` };
}
