/** A JWK `kty`: the key family a JWS algorithm needs. */
export type KeyType = 'RSA' | 'EC' | 'OKP' | 'oct';

/**
 * The JWK `kty` a JWS algorithm needs (RS and PS: RSA, ES: EC, EdDSA/Ed25519/Ed448: OKP, HS: oct).
 * `undefined` for `none`, JWE algorithms and unknown names. Case-sensitive, as `alg` is. Does not say whether
 * the algorithm is allowed or registered.
 */
export function keyTypeForAlg(alg: string): KeyType | undefined {
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return 'RSA';
  if (/^ES(256|384|512|256K)$/.test(alg)) return 'EC';
  if (alg === 'EdDSA' || alg === 'Ed25519' || alg === 'Ed448') return 'OKP';
  if (/^HS(256|384|512)$/.test(alg)) return 'oct';
  return undefined;
}
