/**
 * Algorithm names of the IANA "JSON Web Signature and Encryption Algorithms" registry that the rules
 * need. The key type each JWS algorithm requires is `keyTypeForAlg` in jwt/algs.ts.
 */

/** JWS `alg` values (RFC 7518 §3, RFC 8037, RFC 8812, fully-specified Ed25519/Ed448), `none` included. Not JWE algorithms. */
export const JWS_ALGS: readonly string[] = [
  'HS256', 'HS384', 'HS512',
  'RS256', 'RS384', 'RS512',
  'ES256', 'ES384', 'ES512', 'ES256K',
  'PS256', 'PS384', 'PS512',
  'EdDSA', 'Ed25519', 'Ed448',
  'none',
];

/** JWE key-management `alg` values (RFC 7518 §4). Not the `enc` content-encryption algorithms. */
export const JWE_KEY_ALGS: readonly string[] = [
  'RSA1_5', 'RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512',
  'A128KW', 'A192KW', 'A256KW',
  'dir',
  'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW',
  'A128GCMKW', 'A192GCMKW', 'A256GCMKW',
  'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW',
];

/**
 * The registered name that equals `name` when case is ignored but differs in case (`rs256` gives `RS256`);
 * `undefined` when `name` is registered as written or matches nothing. Does not guess at misspellings.
 */
export function caseVariantOf(name: string, registered: readonly string[]): string | undefined {
  if (registered.includes(name)) return undefined;
  const lower = name.toLowerCase();
  return registered.find((r) => r.toLowerCase() === lower);
}
