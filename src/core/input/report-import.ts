/**
 * Reading back the JSON report (the CLI's `--json`, the panel's "JSON report" export) as an analysis to show.
 * A report holds no raw traffic, so it can't be analysed again: it is shown as it was written (its artifacts with
 * their decoded header and claims, its flows, timelines and findings), judged at the report's own `now`.
 */
import type { AnalysisResult } from '../analyze.js';
import type { Artifact, ArtifactKind, ExpiryTimeline, Finding, Flow, Occurrence } from '../model.js';
import { parseIsoTime } from '../util/iso-time.js';
import type { InputSummary } from './types.js';

const KINDS: ReadonlySet<string> = new Set<ArtifactKind>([
  'id_token', 'access_token', 'refresh_token', 'jwt', 'opaque_token', 'token_response', 'userinfo', 'introspection',
  'authorize_request', 'authorize_response', 'discovery', 'jwks',
]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const ms = (v: unknown): number => parseIsoTime(v) ?? 0;

/** True for a parsed JSON report of this tool: `tool.name` is token-inspector and it has artifacts and findings. */
export function isJsonReport(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && isRecord(value.tool) && value.tool.name === 'token-inspector' && Array.isArray(value.artifacts) && Array.isArray(value.findings);
}

function artifactOf(a: Record<string, unknown>): Artifact | undefined {
  const id = str(a.id);
  const kind = str(a.kind);
  if (!id || !kind || !KINDS.has(kind)) return undefined;
  const artifact: Artifact = { id, kind: kind as ArtifactKind, at: ms(a.at), occurrences: [], profile: str(a.profile) ?? 'oidc' };
  if (str(a.role)) artifact.role = str(a.role);
  if (str(a.issuer)) artifact.issuer = str(a.issuer);
  if (str(a.clientId)) artifact.clientId = str(a.clientId);
  if (isRecord(a.claims)) artifact.claims = a.claims;
  const format = str(a.format);
  if (format === 'jws' || format === 'jwe' || format === 'malformed') {
    artifact.jwt = { format, segments: [], problems: [] };
    if (isRecord(a.header)) artifact.jwt.header = a.header;
    if (format === 'jws' && artifact.claims) artifact.jwt.payload = artifact.claims;
  }
  if (isRecord(a.signature) && typeof a.signature.status === 'string') artifact.signature = a.signature as unknown as Artifact['signature'];
  if (Array.isArray(a.hashes)) artifact.hashes = a.hashes as Artifact['hashes'];
  if (str(a.jsonError)) artifact.jsonError = str(a.jsonError);
  if (isRecord(a.http) && str(a.http.url)) {
    artifact.http = { method: str(a.http.method) ?? 'GET', url: str(a.http.url)!, requestHeaders: {}, responseHeaders: {} };
    if (typeof a.http.status === 'number') artifact.http.status = a.http.status;
  }
  for (const o of Array.isArray(a.occurrences) ? a.occurrences : []) {
    if (!isRecord(o) || !str(o.location)) continue;
    const occurrence: Occurrence = { location: str(o.location)!, at: ms(o.at) };
    if (str(o.url)) occurrence.url = str(o.url);
    artifact.occurrences.push(occurrence);
  }
  if (str(a.parent)) artifact.parent = str(a.parent);
  if (Array.isArray(a.children)) artifact.children = a.children.filter((c): c is string => typeof c === 'string');
  return artifact;
}

/**
 * The analysis a JSON report describes, and what to tell the user. Members that are missing or of the wrong type
 * are left out (a hand-edited report still shows what it can); artifacts of unknown kinds are dropped. Does not
 * re-run any rule, check signatures or read the clock.
 */
export function resultFromReport(report: Record<string, unknown>): { result: AnalysisResult; inputs: InputSummary[]; notice: string } {
  const artifacts = (report.artifacts as unknown[]).filter(isRecord).map(artifactOf).filter((a): a is Artifact => a !== undefined);
  const flows: Flow[] = [];
  const timelines: ExpiryTimeline[] = [];
  for (const f of Array.isArray(report.flows) ? report.flows : []) {
    if (!isRecord(f) || !str(f.id) || !Array.isArray(f.steps) || !Array.isArray(f.artifacts)) continue;
    const { timeline, ...flow } = f;
    flows.push(flow as unknown as Flow);
    if (isRecord(timeline) && Array.isArray(timeline.lifetimes)) timelines.push(timeline as unknown as ExpiryTimeline);
  }
  const findings = (report.findings as unknown[]).filter((f): f is Finding => isRecord(f) && typeof f.rule === 'string' && typeof f.message === 'string' && Array.isArray(f.artifacts));
  const now = typeof report.now === 'number' ? report.now : 0;
  const inputs = (Array.isArray(report.inputs) ? report.inputs : []).filter((i): i is InputSummary => isRecord(i) && typeof i.name === 'string');
  const version = isRecord(report.tool) ? str(report.tool.version) : undefined;
  return {
    result: { artifacts, flows, timelines, findings, now, unreadable: [], problems: [] },
    inputs,
    notice: `a JSON report of token-inspector ${version ?? ''}`.trim() + ': shown as written (judged at its own "now"); it holds no raw traffic, so nothing was analysed again',
  };
}
