import { decodeJwt, looksLikeJwt } from '../jwt/decode.js';
import type { Artifact, ArtifactKind, Occurrence, TokenKind } from '../model.js';

/** Where a token was seen and under which name. */
export interface TokenSighting {
  raw: string;
  /** The member, field or parameter name (`id_token`, `access_token`, `logout_token`, ...), or `bearer`. */
  name: string;
  occurrence: Occurrence;
  /** Seen where tokens are issued (a token response, an authorization response), not where they are used. */
  issued: boolean;
  /** For introspection and revocation requests. */
  typeHint?: string;
}

const KC_TYP_KIND: Record<string, TokenKind> = { ID: 'id_token', Bearer: 'access_token', Refresh: 'refresh_token', Offline: 'refresh_token' };

/**
 * A payload that says it is an ID token: Keycloak's `typ: "ID"`, or claims only ID tokens carry (`nonce`,
 * `at_hash`, `c_hash`) without an access token's `scope`.
 */
export function looksLikeIdToken(payload: Record<string, unknown> | undefined): boolean {
  if (!payload) return false;
  if (typeof payload.typ === 'string' && KC_TYP_KIND[payload.typ]) return KC_TYP_KIND[payload.typ] === 'id_token';
  return ('nonce' in payload || 'at_hash' in payload || 'c_hash' in payload) && !('scope' in payload) && !('scp' in payload);
}

/** The kind a token gets from the name it travelled under (and, for bearer use, what its payload says it is). */
function kindFor(s: TokenSighting, isJwt: boolean, payload: Record<string, unknown> | undefined): { kind: TokenKind; role?: string } {
  let name = s.name;
  if (name === 'token') name = s.typeHint === 'refresh_token' ? 'refresh_token' : 'access_token';
  if (name === 'bearer') name = looksLikeIdToken(payload) ? 'id_token' : 'access_token';
  if (name === 'id_token') return { kind: 'id_token' };
  if (name === 'access_token' || name === 'refresh_token') return isJwt ? { kind: name } : { kind: 'opaque_token', role: name };
  return isJwt ? { kind: 'jwt', role: name } : { kind: 'opaque_token', role: name };
}

/** True when a value was probably meant to be a JWT (so a broken one is reported, not taken as opaque). */
function meantAsJwt(raw: string, name: string): boolean {
  if (name === 'id_token' || name === 'logout_token' || name === 'client_assertion' || name === 'id_token_hint') return true;
  return looksLikeJwt(raw) || (/^eyJ/.test(raw) && raw.includes('.'));
}

/**
 * Collects artifacts, giving each an id in discovery order and merging every sighting of the same raw
 * token into one artifact. A token first seen in use and later seen issued takes the issued kind.
 */
export function createArtifactBuilder() {
  const artifacts: Artifact[] = [];
  const tokens = new Map<string, { artifact: Artifact; issued: boolean }>();
  let next = 0;

  const add = (kind: ArtifactKind, at: number, occurrence: Occurrence, fields: Partial<Artifact> = {}): Artifact => {
    const a: Artifact = { id: `a${++next}`, kind, at, occurrences: [occurrence], profile: 'oidc', ...fields };
    artifacts.push(a);
    return a;
  };

  const token = (s: TokenSighting): Artifact | undefined => {
    const raw = s.raw.trim();
    if (raw.length === 0) return undefined;
    const known = tokens.get(raw);
    if (known) {
      known.artifact.occurrences.push(s.occurrence);
      if (s.issued && !known.issued) {
        const { kind, role } = kindFor(s, known.artifact.jwt?.format === 'jws', known.artifact.claims);
        known.artifact.kind = kind;
        if (role) known.artifact.role = role;
        else delete known.artifact.role;
        known.issued = true;
      }
      return known.artifact;
    }
    const isJwt = meantAsJwt(raw, s.name);
    const jwt = isJwt ? decodeJwt(raw) : undefined;
    const { kind, role } = kindFor(s, jwt?.format === 'jws', jwt?.payload);
    const a = add(kind, s.occurrence.at, s.occurrence, { raw });
    if (role) a.role = role;
    if (jwt) a.jwt = jwt;
    if (jwt?.payload) a.claims = jwt.payload;
    if (typeof jwt?.payload?.iss === 'string') a.issuer = jwt.payload.iss;
    if (s.occurrence.parent) a.parent = s.occurrence.parent;
    tokens.set(raw, { artifact: a, issued: s.issued });
    return a;
  };

  return { artifacts, add, token, tokenByRaw: (raw: string) => tokens.get(raw.trim())?.artifact };
}

export type ArtifactBuilder = ReturnType<typeof createArtifactBuilder>;
