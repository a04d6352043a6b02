/** The JSON report: the CLI's `--json` output, and the panel's JSON export. */
import type { AnalysisResult } from '../analyze.js';
import type { InputSummary } from '../input/types.js';
import type { Artifact, Finding } from '../model.js';
import { escapeControlsInJson } from '../util/escape-controls.js';
import { isoSeconds } from '../util/time.js';

/** Counts of findings per severity. Does not look at rules or artifacts. */
export function summarize(findings: readonly Finding[]): { errors: number; warnings: number; info: number } {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    info: findings.filter((f) => f.severity === 'info').length,
  };
}

const TOKEN_KINDS: ReadonlySet<string> = new Set(['id_token', 'access_token', 'refresh_token', 'jwt', 'opaque_token']);

/** Raw token -> id of its token artifact. */
function tokenIds(artifacts: readonly Artifact[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const a of artifacts) if (TOKEN_KINDS.has(a.kind) && typeof a.raw === 'string' && a.raw.length > 0 && !ids.has(a.raw)) ids.set(a.raw, a.id);
  return ids;
}

/**
 * `value` with every string that is a raw token replaced by `{ "artifact": "<id>" }`, copied only where something
 * changed. Depth-bounded: the engine caps decoded JSON at 64 levels, deeper values are left as they are.
 */
function withTokenRefs(value: unknown, tokens: ReadonlyMap<string, string>, depth = 0): unknown {
  if (typeof value === 'string') {
    const id = tokens.get(value);
    return id === undefined ? value : { artifact: id };
  }
  if (value === null || typeof value !== 'object' || depth > 70) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((v, i) => {
      const r = withTokenRefs(v, tokens, depth + 1);
      if (r !== v) (out ??= [...value])[i] = r;
    });
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    const r = withTokenRefs(v, tokens, depth + 1);
    if (r === v) continue;
    out ??= { ...value };
    Object.defineProperty(out, k, { value: r, enumerable: true, writable: true, configurable: true });
  }
  return out ?? value;
}

function artifactJson(a: Artifact, tokens: ReadonlyMap<string, string>): Record<string, unknown> {
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
  // Responses and requests that carried tokens point at the token artifacts instead of repeating the secrets.
  out.claims = a.claims ? (TOKEN_KINDS.has(a.kind) ? a.claims : withTokenRefs(a.claims, tokens)) : null;
  if (a.signature) out.signature = a.signature;
  if (a.hashes) out.hashes = a.hashes;
  if (a.jsonError) out.jsonError = a.jsonError;
  if (a.http) out.http = { method: a.http.method, url: a.http.url, status: a.http.status ?? null };
  out.occurrences = a.occurrences.map((o) => ({ location: o.location, url: o.url, at: isoSeconds(o.at / 1000) }));
  if (a.parent) out.parent = a.parent;
  if (a.children) out.children = a.children;
  return out;
}

/** What the report says about how it was made: the tool's version, the clock skew allowed, where "now" came from. */
export interface ReportMeta {
  version: string;
  skew: number;
  /** `option` (default), `capture`, `clock`, or what the caller names it. */
  nowSource?: string;
}

/**
 * The `--json` report (the CLI's format, also the panel's JSON export): one object with the `inputs`, `artifacts`,
 * `flows` (each with its expiry `timeline`), `findings` and a `summary`. Raw token strings and raw bodies are left
 * out: tokens carry their decoded header and claims (personal claims included: this report does not redact), and a response or request member that held a token (a token response's `id_token`, an authorize response's
 * `access_token`, an `id_token_hint`) is `{ "artifact": "<id>" }`. URLs are reported as captured, so a token
 * sent in a query or fragment is still in its URL. Control characters, line separators and bidi controls in any
 * string are written as `\uXXXX` escapes (escapeControlsInJson), so the text can be printed to a terminal or
 * shown as it is; it parses back to the same values.
 */
export function jsonReport(result: AnalysisResult, inputs: readonly InputSummary[], meta: ReportMeta): string {
  const timelines = new Map(result.timelines.map((t) => [t.flow, t]));
  const tokens = tokenIds(result.artifacts);
  const json = JSON.stringify(
    {
      tool: { name: 'token-inspector', version: meta.version },
      now: result.now,
      nowSource: meta.nowSource ?? 'option',
      skew: meta.skew,
      inputs,
      artifacts: result.artifacts.map((a) => artifactJson(a, tokens)),
      flows: result.flows.map((f) => ({ ...f, timeline: timelines.get(f.id) ?? null })),
      findings: result.findings,
      summary: summarize(result.findings),
    },
    null,
    2,
  );
  return escapeControlsInJson(json);
}
