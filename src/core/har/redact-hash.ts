/** Salted hashes of redacted values: equal values stay equal within one export, and can't be looked up. */
import { base64url } from 'jose';

/** Prefix of a hashed value, so a reader sees what happened to it. */
export const HASH_PREFIX = 'redacted:';

/** Characters of the hash kept (base64url: 96 bits, plenty to keep distinct values distinct in one capture). */
const KEPT = 16;

/** Shortest salt accepted: a short salt would let anyone try every phone number or PIN. */
export const MIN_SALT_LENGTH = 16;

/** Thrown for a missing or short salt (code `ERR_REDACT_SALT`): unsalted hashes of phone numbers can be reversed. */
export class RedactSaltError extends Error {
  readonly code = 'ERR_REDACT_SALT';
  constructor() {
    super(`redaction needs a random salt of at least ${MIN_SALT_LENGTH} characters`);
    this.name = 'RedactSaltError';
  }
}

/** Throws {@link RedactSaltError} unless `salt` is a string of at least {@link MIN_SALT_LENGTH} characters. */
export function checkSalt(salt: unknown): asserts salt is string {
  if (typeof salt !== 'string' || salt.length < MIN_SALT_LENGTH) throw new RedactSaltError();
}

/**
 * SHA-256 over the salt and the value, with WebCrypto as src/core/jwt/hashes.ts uses it (present in browsers and
 * Node 20). The salt's length is hashed first, so no salt and value pair collides with another split of the same
 * text. Does not check the salt.
 */
export async function saltedDigest(salt: string, value: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt.length}:${salt}${value}`)));
}

/** The first 16 base64url characters of a digest: what follows {@link HASH_PREFIX}. */
export function hashText(digest: Uint8Array): string {
  return base64url.encode(digest.slice(0, 12)).slice(0, KEPT);
}
