import { base64url } from 'jose';
import { expect } from 'vitest';
import { decodeJwt } from '../../../src/core/jwt/decode.js';
import type { Artifact, ArtifactKind, Finding, Flow, Severity } from '../../../src/core/model.js';
import { keycloakProfile } from '../../../src/core/profiles/keycloak.js';
import { oidcProfile } from '../../../src/core/profiles/oidc.js';
import type { Profile } from '../../../src/core/profiles/types.js';
import { runRules } from '../../../src/core/rules/run.js';
import type { Rule, RuleContext } from '../../../src/core/rules/types.js';

/** A fixed clock for rule tests: 2021-08-18T11:27:37Z, the time of seed 002's token response. */
export const NOW = 1629286057;

/** base64url of a text, for hand-written (possibly invalid) JSON segments. */
export const b64 = (text: string): string => base64url.encode(text);

const enc = (v: unknown) => b64(JSON.stringify(v));

/** Builds a compact JWS (with a dummy signature, or the given signature segment) from a header and payload. */
export function jws(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'k1' }, signature = 'c2ln'): string {
  return `${enc(header)}.${enc(payload)}.${signature}`;
}

let counter = 0;

/**
 * An artifact for a raw token string, decoded as the engine decodes it (malformed tokens and JWEs too), issued
 * in `response.json.<kind>`; `claims` is the payload and `issuer` its `iss` unless `extra` gives them.
 */
export function rawTokenArtifact(kind: ArtifactKind, raw: string, extra: Partial<Artifact> = {}): Artifact {
  const jwt = decodeJwt(raw);
  const a: Artifact = {
    id: `t${++counter}`,
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

/** An artifact for a token built with {@link jws} (optionally with its own signature segment); see {@link rawTokenArtifact}. */
export function tokenArtifact(kind: ArtifactKind, payload: Record<string, unknown>, header?: Record<string, unknown>, extra: Partial<Artifact> = {}, signature?: string): Artifact {
  return rawTokenArtifact(kind, jws(payload, header, signature), extra);
}

/** An artifact for a JSON response (token response, userinfo, introspection, ...). */
export function jsonArtifact(kind: ArtifactKind, claims: Record<string, unknown> | undefined, extra: Partial<Artifact> = {}): Artifact {
  const a: Artifact = { id: `j${++counter}`, kind, at: NOW * 1000, occurrences: [{ location: 'response.body', at: NOW * 1000 }], profile: 'oidc', ...extra };
  if (claims) a.claims = claims;
  return a;
}

export interface HarnessOptions extends Partial<Pick<RuleContext, 'now' | 'skew' | 'clientIds' | 'algAllowlist'>> {
  artifacts?: Artifact[];
  flows?: Flow[];
  profiles?: Profile[];
  discovery?: Record<string, Record<string, unknown>>;
  clientId?: string;
}

/** A rule context over the given artifacts and flows. */
export function context(opts: HarnessOptions = {}): RuleContext {
  const profiles = new Map<string, Profile>([[oidcProfile.id, oidcProfile], [keycloakProfile.id, keycloakProfile]]);
  for (const p of opts.profiles ?? []) profiles.set(p.id, p);
  const artifacts = new Map((opts.artifacts ?? []).map((a) => [a.id, a]));
  const flows = opts.flows ?? [];
  return {
    now: opts.now ?? NOW,
    skew: opts.skew ?? 60,
    clientIds: opts.clientIds ?? [],
    algAllowlist: opts.algAllowlist ?? [],
    profileOf: (a) => profiles.get(a.profile) ?? oidcProfile,
    artifact: (id) => artifacts.get(id),
    flowOf: (a) => flows.find((f) => f.artifacts.includes(a.id)),
    discovery: (iss) => opts.discovery?.[iss],
    clientIdFor: (a) => opts.clientId ?? a.clientId ?? opts.clientIds?.[0],
    artifacts: () => [...artifacts.values()],
    flows: () => flows,
  };
}

/** Runs one rule over artifacts (artifact rules) or flows (flow rules) and returns its findings. */
export function check(rule: Rule, subjects: Artifact[] | Flow[], opts: HarnessOptions = {}): Finding[] {
  if (rule.scope === 'artifact') {
    const arts = subjects as Artifact[];
    return runRules([rule], arts, [], context({ ...opts, artifacts: [...(opts.artifacts ?? []), ...arts] }));
  }
  return runRules([rule], [], subjects as Flow[], context(opts));
}

/** A flow over the given artifacts, for flow-rule tests. */
export function flowOf(artifacts: Artifact[], extra: Partial<Flow> = {}): Flow {
  return {
    id: `f${++counter}`,
    profile: 'oidc',
    type: 'authorization_code',
    startedAt: NOW * 1000,
    steps: [],
    artifacts: artifacts.map((a) => a.id),
    serverSideExchange: false,
    notes: [],
    ...extra,
  };
}

/** Asserts exactly one finding: rule id, severity, a message fragment and, when given, the artifacts it lists. Returns it. */
export function expectOne(findings: Finding[], rule: string, severity: Severity, fragment: string, artifacts?: string[]): Finding {
  expect(findings, JSON.stringify(findings, null, 1)).toHaveLength(1);
  const f = findings[0]!;
  expect(f.rule).toBe(rule);
  expect(f.severity).toBe(severity);
  expect(f.message).toContain(fragment);
  if (artifacts) expect(f.artifacts).toEqual(artifacts);
  return f;
}

/** Asserts there is no finding (and no internal error). */
export function expectNone(findings: Finding[]): void {
  expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
}
