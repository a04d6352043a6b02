import { decodeJwt } from './jwt/decode.js';
import type { Artifact, Finding, TokenKind } from './model.js';
import { oidcProfile } from './profiles/oidc.js';
import { selectProfile } from './profiles/select.js';
import type { Profile } from './profiles/types.js';
import { ALL_RULES } from './rules/registry.js';
import { runRules } from './rules/run.js';
import type { ArtifactRule, RuleContext } from './rules/types.js';

const ARTIFACT_RULES = ALL_RULES.filter((r): r is ArtifactRule => r.scope === 'artifact');

export interface TokenAnalysis {
  artifact: Artifact;
  findings: Finding[];
}

/**
 * Decodes one token and runs every single-artifact rule on it, under the profile its `iss` selects (or the one
 * given), synchronously: no flows, no signature
 * verification (signature rules see "not checked"), no network. The fast path for pasted tokens and the
 * benchmark. Never throws.
 */
export function analyzeToken(raw: string, options: { now: number; skew?: number; kind?: TokenKind; clientIds?: readonly string[]; profile?: Profile }): TokenAnalysis {
  const jwt = decodeJwt(raw);
  const artifact: Artifact = { id: 'a1', kind: options.kind ?? 'access_token', at: options.now * 1000, occurrences: [{ location: 'file', at: options.now * 1000 }], profile: (options.profile ?? oidcProfile).id, raw, jwt };
  if (jwt.payload) artifact.claims = jwt.payload;
  if (typeof jwt.payload?.iss === 'string') artifact.issuer = jwt.payload.iss;
  const profile = options.profile ?? (artifact.issuer ? selectProfile({ issuer: artifact.issuer }, []) : oidcProfile);
  artifact.profile = profile.id;
  const ctx: RuleContext = {
    now: options.now,
    skew: Math.min(300, Math.max(0, options.skew ?? 60)),
    clientIds: options.clientIds ?? [],
    algAllowlist: [],
    profileOf: () => profile,
    artifact: (id) => (id === artifact.id ? artifact : undefined),
    flowOf: () => undefined,
    discovery: () => undefined,
    clientIdFor: () => options.clientIds?.[0],
    artifacts: () => [artifact],
    flows: () => [],
  };
  return { artifact, findings: runRules(ARTIFACT_RULES, [artifact], [], ctx) };
}
