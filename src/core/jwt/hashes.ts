import { base64url } from 'jose';

const DIGEST_BY_BITS: Record<string, string> = { '256': 'SHA-256', '384': 'SHA-384', '512': 'SHA-512' };

/** The digest OIDC uses for at_hash / c_hash under a JWS alg: the alg's hash, SHA-512 for EdDSA/Ed25519. */
export function hashAlgFor(alg: string): string | undefined {
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'SHA-512';
  if (alg === 'ES256K') return 'SHA-256';
  const bits = /^(?:HS|RS|PS|ES)(256|384|512)$/.exec(alg)?.[1];
  return bits ? DIGEST_BY_BITS[bits] : undefined;
}

/**
 * at_hash / c_hash of a value: base64url of the left half of the hash of its ASCII octets (Core §3.1.3.6).
 * Uses WebCrypto (present in browsers and Node 20). Resolves `undefined` for an alg without a defined hash.
 * Does not compare anything.
 */
export async function leftHalfHash(value: string, alg: string): Promise<string | undefined> {
  const digest = hashAlgFor(alg);
  if (!digest) return undefined;
  const bytes = new Uint8Array(await crypto.subtle.digest(digest, new TextEncoder().encode(value)));
  return base64url.encode(bytes.slice(0, bytes.length / 2));
}

/**
 * The S256 `code_challenge` of a `code_verifier`: base64url of the SHA-256 of its ASCII octets (RFC 7636 §4.2).
 * Does not check the verifier's length or characters (the pkce rule does).
 */
export async function pkceS256(verifier: string): Promise<string> {
  return base64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}
