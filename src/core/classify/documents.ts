import { looksLikeJwt } from '../jwt/decode.js';
import type { Artifact, TokenKind } from '../model.js';
import { isJsonObject, parseJsonLenient } from '../util/json-lenient.js';
import type { ArtifactBuilder } from './builder.js';
import { responseShape } from './endpoint-kind.js';

/** A file or pasted text that is not a HAR: one endpoint response as JSON, or one raw token. */
export interface Document {
  name: string;
  text: string;
  /** Milliseconds since the epoch to date the artifact with (the file's time, or now). */
  at: number;
}

export type DocumentResult = { ok: true; artifact: Artifact } | { ok: false; error: string };

const KC_TYP: Record<string, TokenKind> = { ID: 'id_token', Bearer: 'access_token', Refresh: 'refresh_token', Offline: 'refresh_token' };

/** The kind of a decoded token payload given as JSON: by Keycloak `typ`, else by ID-token-only claims. */
function claimsKind(claims: Record<string, unknown>): TokenKind {
  if (typeof claims.typ === 'string' && KC_TYP[claims.typ]) return KC_TYP[claims.typ]!;
  if ('nonce' in claims || 'at_hash' in claims || 'c_hash' in claims) return 'id_token';
  return 'access_token';
}

/**
 * A JSON object that looks like a decoded token payload (what a support ticket often pastes) rather than a
 * userinfo response: it has times and an audience, a client, a scope or a token type. Signed userinfo
 * (seed 004) has `iss`, `exp` and `iat` too, but no audience of its own in practice.
 */
function looksLikeClaims(v: Record<string, unknown>): boolean {
  const timed = 'exp' in v || 'iat' in v;
  const tokenish = 'aud' in v || 'azp' in v || 'client_id' in v || 'scope' in v || 'typ' in v || 'jti' in v || 'nonce' in v;
  return timed && tokenish;
}

/**
 * Reads one document: a raw JWT/JWE, or a JSON endpoint response recognised by shape (token response,
 * introspection, discovery, JWKS, a decoded token payload, else userinfo). Invalid JSON that can be repaired
 * becomes an artifact with `jsonError`; text that is neither a token nor JSON is an error result.
 * Never throws.
 */
export function readDocument(b: ArtifactBuilder, doc: Document): DocumentResult {
  const text = doc.text.replace(/^\uFEFF/, '').trim();
  const occurrence = { location: 'file', at: doc.at, url: doc.name };
  if (text.length === 0) return { ok: false, error: 'the file is empty' };
  if (looksLikeJwt(text) || (/^eyJ[\w-]*\.[\w.-]*$/.test(text) && !text.includes('\n'))) {
    const a = b.token({ raw: text, name: 'token', issued: true, occurrence });
    if (!a) return { ok: false, error: 'the file is empty' };
    if (a.claims && a.kind === 'access_token') {
      const typ = a.claims.typ;
      if (typeof typ === 'string' && KC_TYP[typ]) a.kind = KC_TYP[typ]!;
      else if ('nonce' in a.claims || 'at_hash' in a.claims) a.kind = 'id_token';
    }
    return { ok: true, artifact: a };
  }
  if (!/^[{["]/.test(text)) return { ok: false, error: 'not a HAR file, a JSON document or a JWT' };
  const parsed = parseJsonLenient(text);
  if (!isJsonObject(parsed.value)) {
    return { ok: false, error: parsed.error ? `not valid JSON: ${parsed.error}` : 'the JSON is not an object' };
  }
  // A single JWK (what key-management consoles export) is a one-key JWKS.
  const json = typeof parsed.value.kty === 'string' && !('keys' in parsed.value) ? { keys: [parsed.value] } : parsed.value;
  const shape = responseShape(json);
  let artifact: Artifact;
  if (shape === 'token') artifact = b.add('token_response', doc.at, occurrence, { claims: json, raw: doc.text });
  else if (shape === 'introspection' || shape === 'discovery' || shape === 'jwks') artifact = b.add(shape, doc.at, occurrence, { claims: json, raw: doc.text });
  else if (looksLikeClaims(json)) artifact = b.add(claimsKind(json), doc.at, occurrence, { claims: json, role: 'decoded payload' });
  else artifact = b.add('userinfo', doc.at, occurrence, { claims: json, raw: doc.text });
  if (parsed.error) artifact.jsonError = parsed.repairs ? `${parsed.error}; read after repair (${parsed.repairs.join('; ')})` : parsed.error;
  if (typeof json.iss === 'string') artifact.issuer = json.iss;
  if (artifact.kind === 'discovery' && typeof json.issuer === 'string') artifact.issuer = json.issuer;
  if (artifact.kind === 'token_response') {
    for (const name of ['id_token', 'access_token', 'refresh_token']) {
      const raw = json[name];
      if (typeof raw !== 'string') continue;
      const t = b.token({ raw, name, issued: true, occurrence: { ...occurrence, location: `response.json.${name}`, parent: artifact.id } });
      if (t) (artifact.children ??= []).push(t.id);
    }
  }
  return { ok: true, artifact };
}
