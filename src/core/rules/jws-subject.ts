import type { Artifact, ArtifactKind } from '../model.js';

/**
 * The artifact kinds the JWS rules (section A) run on: every token kind, and userinfo, which has a `jwt`
 * only when the response was a signed JWS. Rules still check `a.jwt`; opaque tokens simply have none.
 */
export const JWS_KINDS: readonly ArtifactKind[] = ['id_token', 'access_token', 'refresh_token', 'jwt', 'opaque_token', 'userinfo'];

/** The protected header of a decoded JWS/JWE, when it decoded to an object. Does not look at the payload. */
export function headerOf(a: Artifact): Record<string, unknown> | undefined {
  return a.jwt?.header;
}

/** The header `alg` when it is a string, else `undefined` (alg-present reports the rest). */
export function algOf(a: Artifact): string | undefined {
  const alg = headerOf(a)?.alg;
  return typeof alg === 'string' ? alg : undefined;
}

/** A short human name for the artifact in messages: "ID token", "logout_token JWT", "signed userinfo". English only, not localized. */
export function kindLabel(a: Artifact): string {
  switch (a.kind) {
    case 'id_token': return 'ID token';
    case 'access_token': return 'access token';
    case 'refresh_token': return 'refresh token';
    case 'opaque_token': return 'opaque token';
    case 'userinfo': return a.jwt ? 'signed userinfo' : 'userinfo';
    case 'introspection': return 'introspection response';
    case 'jwt': return a.role ? `${a.role} JWT` : 'JWT';
    default: return a.kind;
  }
}
