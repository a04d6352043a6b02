/** Words for artifact kinds and for one artifact, as titles and picker options show them. */
import type { Artifact, ArtifactKind } from '../../core/index.js';
import { isoSeconds } from '../../core/index.js';

/** The kind in words, capitalised. */
export const KIND_LABEL: Readonly<Record<ArtifactKind, string>> = {
  id_token: 'ID token',
  access_token: 'Access token',
  refresh_token: 'Refresh token',
  jwt: 'JWT',
  opaque_token: 'Opaque token',
  token_response: 'Token response',
  userinfo: 'Userinfo',
  introspection: 'Introspection',
  authorize_request: 'Authorization request',
  authorize_response: 'Authorization response',
  discovery: 'Discovery',
  jwks: 'JWKS',
};

/** "ID token", "Opaque token (refresh token)", "JWT (logout token)". Does not include the id or the time. */
export function artifactTitle(a: Pick<Artifact, 'kind' | 'role'>): string {
  const kind = KIND_LABEL[a.kind] ?? a.kind;
  return a.role ? `${kind} (${a.role.replaceAll('_', ' ')})` : kind;
}

/**
 * One line naming an artifact among others: title, id and first-seen time in UTC, e.g.
 * "ID token · a7 · 2021-08-18T11:27:37.143Z". Reads no claim value.
 */
export function artifactLabel(a: Artifact): string {
  return `${artifactTitle(a)} · ${a.id} · ${isoSeconds(a.at / 1000)}`;
}
