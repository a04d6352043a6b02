/**
 * Everything the Token view shows of one artifact at one `now`: what it is, its profile, where it was seen, its
 * header, claims with documentation, times and findings, its signature and raw segments. Pure: no DOM.
 */
import type { Artifact, Finding, TokenKind } from '../../core/index.js';
import { BUILTIN_PROFILES, isoSeconds, TOKEN_KINDS } from '../../core/index.js';
import { claimDocs } from '../../core/profiles/claim-docs.js';
import type { AnalysisIndex } from './analysis-index.js';
import { claimRows, type ClaimRow } from './token-claims.js';
import { artifactTitle } from './token-labels.js';
import { headerParams, segmentsOf, signatureOf, type HeaderParam, type Segment, type SignatureView } from './token-parts.js';

/** One place the artifact was seen. */
export interface SeenAt {
  /** `<part>.<carrier>.<name>`, e.g. `response.json.id_token`. */
  location: string;
  url?: string;
  /** ISO 8601 UTC. */
  at: string;
}

/** See the module comment. Values from the traffic are plain strings: render them as text only. */
export interface TokenViewModel {
  id: string;
  kind: Artifact['kind'];
  role: string;
  /** Id of the flow holding the artifact, or '' when it is in none. */
  flowId: string;
  title: string;
  profileId: string;
  /** The profile's name; its id when the profile is not a built-in one. */
  profileName: string;
  issuer?: string;
  clientId?: string;
  seen: SeenAt[];
  /** A token (`TOKEN_KINDS`). */
  isToken: boolean;
  /** An opaque token that is not a JWE either: the view shows only its role, length and a copy button. */
  opaque: boolean;
  /** The raw token or response body, for "copy"; absent when nothing was captured. */
  raw?: string;
  /** Length of the raw text in characters. */
  length: number;
  header: HeaderParam[];
  claims: ClaimRow[];
  /** Findings on the artifact that no claim row shows, in the engine's order. */
  findings: Finding[];
  signature?: SignatureView;
  segments: Segment[];
  jsonError?: string;
  truncated: boolean;
}

function profileName(id: string): string {
  return BUILTIN_PROFILES.find((p) => p.id === id)?.name ?? id;
}

/**
 * The view model of `artifact` in `index` at `now` (unix seconds). Documentation comes from the built-in profile
 * the engine chose (`artifact.profile`); a user profile's id finds no documentation here. Does not filter
 * findings, verify, decode or redact anything.
 */
export function tokenView(artifact: Artifact, index: AnalysisIndex, now: number): TokenViewModel {
  const docs = claimDocs(artifact.profile, artifact.kind);
  const table = claimRows(artifact.claims, docs, index.findingsByArtifact.get(artifact.id) ?? [], now);
  const raw = artifact.raw;
  return {
    id: artifact.id,
    kind: artifact.kind,
    role: artifact.role ?? '',
    flowId: index.flowOf.get(artifact.id) ?? '',
    title: artifactTitle(artifact),
    profileId: artifact.profile,
    profileName: profileName(artifact.profile),
    issuer: artifact.issuer,
    clientId: artifact.clientId,
    seen: artifact.occurrences.map((o) => ({ location: o.location, url: o.url, at: isoSeconds(o.at / 1000) })),
    isToken: TOKEN_KINDS.includes(artifact.kind as TokenKind),
    opaque: artifact.kind === 'opaque_token' && artifact.jwt === undefined,
    raw,
    length: raw?.length ?? 0,
    header: headerParams(artifact),
    claims: table.rows,
    findings: table.other,
    signature: signatureOf(artifact),
    segments: segmentsOf(artifact),
    jsonError: artifact.jsonError,
    truncated: artifact.truncated === true,
  };
}
