import type { AnalysisResult, Artifact, Finding } from '../core/index.js';
import { isoSeconds } from '../core/index.js';
import type { LoadedInputs } from './inputs.js';

/** Counts of findings per severity. */
export function summarize(findings: readonly Finding[]): { errors: number; warnings: number; info: number } {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    info: findings.filter((f) => f.severity === 'info').length,
  };
}

function artifactJson(a: Artifact): Record<string, unknown> {
  const out: Record<string, unknown> = { id: a.id, kind: a.kind };
  if (a.role) out.role = a.role;
  out.issuer = a.issuer ?? null;
  out.profile = a.profile;
  if (a.clientId) out.clientId = a.clientId;
  out.at = isoSeconds(a.at / 1000);
  if (a.jwt) {
    out.format = a.jwt.format;
    if (a.jwt.header) out.header = a.jwt.header;
  }
  out.claims = a.claims ?? null;
  if (a.signature) out.signature = a.signature;
  if (a.hashes) out.hashes = a.hashes;
  if (a.jsonError) out.jsonError = a.jsonError;
  if (a.http) out.http = { method: a.http.method, url: a.http.url, status: a.http.status ?? null };
  out.occurrences = a.occurrences.map((o) => ({ location: o.location, url: o.url, at: isoSeconds(o.at / 1000) }));
  if (a.parent) out.parent = a.parent;
  if (a.children) out.children = a.children;
  return out;
}

/**
 * The `--json` report: one object with `artifacts`, `flows` (each with its expiry `timeline`), `findings`
 * and a `summary`. Raw tokens and bodies are left out: the report carries decoded headers and claims only.
 */
export function jsonReport(result: AnalysisResult, inputs: LoadedInputs, meta: { version: string; skew: number }): string {
  const timelines = new Map(result.timelines.map((t) => [t.flow, t]));
  return JSON.stringify(
    {
      tool: { name: 'token-inspector', version: meta.version },
      now: result.now,
      skew: meta.skew,
      inputs: inputs.summary,
      artifacts: result.artifacts.map(artifactJson),
      flows: result.flows.map((f) => ({ ...f, timeline: timelines.get(f.id) ?? null })),
      findings: result.findings,
      summary: summarize(result.findings),
    },
    null,
    2,
  );
}
