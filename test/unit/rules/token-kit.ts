import { base64url } from 'jose';
import { expect } from 'vitest';
import { decodeJwt } from '../../../src/core/jwt/decode.js';
import type { Artifact, ArtifactKind, Finding, Severity } from '../../../src/core/model.js';
import { NOW } from '../helpers/rule-harness.js';

let counter = 0;

/** base64url of a text, for hand-written (possibly invalid) JSON segments. */
export const b64 = (text: string): string => base64url.encode(text);

/** An artifact for a raw token string, decoded as the engine decodes it (works for malformed tokens too). */
export function rawTokenArtifact(kind: ArtifactKind, raw: string, extra: Partial<Artifact> = {}): Artifact {
  const jwt = decodeJwt(raw);
  const a: Artifact = {
    id: `r${++counter}`,
    kind,
    at: NOW * 1000,
    occurrences: [{ location: `response.json.${kind}`, at: NOW * 1000 }],
    profile: 'oidc',
    raw,
    jwt,
    ...extra,
  };
  if (jwt.payload && !extra.claims) a.claims = jwt.payload;
  if (typeof a.claims?.iss === 'string' && !extra.issuer) a.issuer = a.claims.iss;
  return a;
}

/** Asserts exactly one finding of the rule, with the severity and a message fragment; returns it. */
export function expectOne(findings: Finding[], rule: string, severity: Severity, fragment: string): Finding {
  expect(findings, JSON.stringify(findings)).toHaveLength(1);
  const f = findings[0]!;
  expect(f.rule).toBe(rule);
  expect(f.severity).toBe(severity);
  expect(f.message).toContain(fragment);
  return f;
}
