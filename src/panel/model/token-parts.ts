/** The JOSE parts of a token as the Token view shows them: header parameters, raw segments, signature status. */
import type { Artifact, SignatureStatus } from '../../core/index.js';
import { claimJson } from './token-claims.js';

/** One protected header parameter. */
export interface HeaderParam {
  name: string;
  json: string;
}

/** Names of a compact JWS's and JWE's segments (RFC 7515 §7.1, RFC 7516 §7.1). */
const JWS_PARTS = ['header', 'payload', 'signature'] as const;
const JWE_PARTS = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'] as const;

/** One raw segment of a compact serialization, as received. */
export interface Segment {
  /** `header`, `payload`, `signature`; for JWE `encrypted_key`, `iv`, `ciphertext`, `tag`; else `segment-<n>`. */
  part: string;
  text: string;
}

/** The signature as the view words it. */
export interface SignatureView {
  status: SignatureStatus;
  /** One short line, e.g. "Signature valid", "No key found". */
  label: string;
  alg?: string;
  kid?: string;
  keySource?: string;
  keyType?: string;
  /** Why, in the engine's words, plus what the flags say (several keys and no kid, unknown kid). */
  reasons: string[];
}

const LABEL: Readonly<Record<SignatureStatus, string>> = {
  valid: 'Signature valid',
  invalid: 'Signature invalid',
  unverifiable: 'Signature cannot be verified here',
  'no-key': 'No key found for the signature',
  'not-checked': 'Signature not checked',
};

/** The protected header's parameters in their order; none when the header did not decode. */
export function headerParams(a: Artifact): HeaderParam[] {
  return Object.entries(a.jwt?.header ?? {}).map(([name, value]) => ({ name, json: claimJson(value) }));
}

/** The segments of a JWT with their names; none for other artifacts. Does not decode them. */
export function segmentsOf(a: Artifact): Segment[] {
  const segments = a.jwt?.segments ?? [];
  const names: readonly string[] | undefined = segments.length === 3 ? JWS_PARTS : segments.length === 5 ? JWE_PARTS : undefined;
  return segments.map((text, i) => ({ part: names?.[i] ?? `segment-${i + 1}`, text }));
}

/**
 * The signature status of a JWT: the engine's check when it made one, else "not checked" (a JWE, a token the
 * engine does not verify such as a client assertion). `alg` and `kid` fall back to the header's. `undefined` for
 * artifacts that are not JWTs. Does not verify anything.
 */
export function signatureOf(a: Artifact): SignatureView | undefined {
  if (!a.jwt) return undefined;
  const check = a.signature;
  const status = check?.status ?? 'not-checked';
  const header = a.jwt.header ?? {};
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const reasons: string[] = [];
  if (check?.reason) reasons.push(check.reason);
  if (!check && a.jwt.format === 'jwe') reasons.push('an encrypted token (JWE): not decrypted');
  if (check?.ambiguous) reasons.push('the JWKS holds several keys and the header names no kid');
  if (check?.unknownKid) reasons.push('the kid is not in the JWKS, also after a refetch');
  return {
    status,
    label: LABEL[status] ?? status,
    alg: check?.alg ?? text(header['alg']),
    kid: check?.kid ?? text(header['kid']),
    keySource: check?.keySource,
    keyType: check?.keyType,
    reasons,
  };
}
