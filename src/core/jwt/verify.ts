import { compactVerify, importJWK, type JWK } from 'jose';
import type { DecodedJwt, SignatureCheck } from '../model.js';
import { keyTypeForAlg } from './algs.js';
import type { KeyStore } from './key-store.js';

function usableFor(jwk: JWK, alg: string): boolean {
  if (jwk.use && jwk.use !== 'sig') return false;
  if (jwk.alg && jwk.alg !== alg) return false;
  return jwk.kty === keyTypeForAlg(alg);
}

async function tryKey(raw: string, jwk: JWK, alg: string): Promise<boolean> {
  try {
    const key = await importJWK(jwk, alg);
    await compactVerify(raw, key, { algorithms: [alg] });
    return true;
  } catch {
    return false;
  }
}

/**
 * Verifies a compact JWS with the issuer's keys from the store, refetching the JWKS once on an unknown kid.
 * HS* tokens are `unverifiable` unless a symmetric key was given directly. Never rejects.
 * Does not judge whether `alg` is allowed (alg-allowlist, alg-none do), and never uses keys embedded in the
 * token header (`jwk`, `jku`, `x5c`, `x5u`).
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
  if (!issuer) return { ...base, reason: 'no issuer to look keys up for' };
  let set = await store.keys(issuer);
  if (!set) {
    if (alg.startsWith('HS')) return { ...base, status: 'unverifiable', reason: `${alg} is keyed with a shared secret (the client secret) that the inspector does not have` };
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
  if (kid && candidates.length === 0) {
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
  for (const jwk of candidates) {
    if (await tryKey(raw, jwk, alg)) {
      const valid: SignatureCheck = { ...base, status: 'valid', keyType: jwk.kty };
      if (jwk.kid) valid.kid = jwk.kid;
      return valid;
    }
  }
  return { ...base, status: 'invalid', reason: `the signature does not verify with ${candidates.length === 1 ? 'the key' : 'any of the keys'} from ${set.source}` };
}
