import type { AnalysisResult, Artifact, ExpiryTimeline, Finding, Flow, Severity } from '../core/index.js';
import { isoSeconds, numericDateSeconds, relative, summarize } from '../core/index.js';
import { escapeControls } from '../core/util/escape-controls.js';

const STEP_LABELS: Record<string, string> = {
  authorize_request: 'authorize request',
  authorize_response: 'redirect with response',
  token: 'token response',
  refresh: 'refresh',
  userinfo: 'userinfo',
  introspection: 'introspection',
};

function when(seconds: number, now: number): string {
  return `${isoSeconds(seconds)} (${relative(seconds, now)})`;
}

/** The request parameters worth a glance on a flow step; the rest is in the findings and --json. */
const SHOWN_PARAMS = ['response_type', 'response_mode', 'scope', 'grant_type', 'prompt', 'max_age', 'acr_values'];

/**
 * Where a step happened, kept short: the URL without query or fragment (which may hold codes and tokens),
 * then the parameters that tell what was asked, or the names of what came back in a redirect.
 */
function stepWhere(a: Artifact | undefined): string {
  if (!a) return '';
  const url = a.http?.url ?? a.occurrences[0]?.url ?? '';
  const base = url.split(/[?#]/)[0] ?? '';
  const method = a.http ? `${a.http.method} ` : '';
  const params = a.kind === 'authorize_request' ? a.claims : a.http?.requestForm;
  const shown = SHOWN_PARAMS.filter((k) => typeof params?.[k] === 'string').map((k) => `${k}=${String(params![k])}`);
  if (a.kind === 'authorize_response' && a.claims) shown.push(`with ${Object.keys(a.claims).join(', ')}`);
  return `${method}${base}${shown.length ? `  ${shown.join(' ')}` : ''}`;
}

function flowLines(f: Flow, byId: Map<string, Artifact>, timeline: ExpiryTimeline | undefined, now: number): string[] {
  const lines = [`Flow ${f.id}  ${f.type}  ${f.issuer ?? '(issuer unknown)'}`];
  const facts = [`profile ${f.profile}`];
  if (f.clientId) facts.push(`client ${f.clientId}`);
  if (f.subject) facts.push(`sub ${f.subject}`);
  if (f.sessionId) facts.push(`session ${f.sessionId}`);
  lines.push(`  ${facts.join('  ')}`);
  let previousDay = '';
  for (const s of f.steps) {
    const a = s.artifact ? byId.get(s.artifact) : undefined;
    // The date on the first step and whenever it changes, so a flow that spans midnight reads right.
    const iso = isoSeconds(s.at / 1000);
    const day = iso.slice(0, 10);
    const time = iso === 'invalid time' ? iso.padEnd(19) : `${day === previousDay ? ''.padEnd(10) : day} ${iso.slice(11, 19)}`;
    previousDay = day;
    const label = STEP_LABELS[s.kind] ?? s.kind;
    const where = stepWhere(a);
    const status = s.status !== undefined ? ` ${s.status}` : '';
    const seen = s.missing === 'not-captured' ? '  [not captured]' : s.observable ? '' : '  [not observable in the browser]';
    lines.push(`  ${time}  ${label.padEnd(22)}${status}  ${where}${seen}${s.note && !s.missing ? `  (${s.note})` : ''}`);
  }
  for (const n of f.notes) lines.push(`  note: ${n}`);
  if (timeline?.lifetimes.length) {
    lines.push('  Expiry:');
    for (const l of timeline.lifetimes) lines.push(`    ${l.label.padEnd(34)} ${l.artifact.padEnd(4)} ${when(l.expiresAt, now)}`);
    if (timeline.sessionEnd) lines.push(`  Session ends: ${timeline.sessionEnd.label} at ${when(timeline.sessionEnd.expiresAt, now)}`);
  }
  return lines;
}

function tokenLines(a: Artifact, now: number): string[] {
  const head = a.jwt?.header;
  const alg = typeof head?.alg === 'string' ? head.alg : a.jwt ? '?' : 'opaque';
  const kid = typeof head?.kid === 'string' ? ` kid ${head.kid}` : '';
  const lines = [`${a.id.padEnd(4)} ${a.role ? `${a.kind} (${a.role})` : a.kind}  ${a.jwt?.format ?? ''} ${alg}${kid}  profile ${a.profile}`];
  const c = a.claims ?? {};
  const pick = ['iss', 'sub', 'aud', 'azp', 'typ', 'scope', 'sid'].filter((k) => k in c).map((k) => `${k} ${JSON.stringify(c[k])}`);
  if (pick.length) lines.push(`     ${pick.join('  ')}`);
  for (const k of ['iat', 'nbf', 'auth_time', 'exp']) {
    const v = c[k];
    const seconds = numericDateSeconds(v);
    if (seconds !== undefined) lines.push(`     ${k.padEnd(9)} ${when(seconds, now)}`);
  }
  if (a.signature) lines.push(`     signature: ${a.signature.status}${a.signature.reason ? ` (${a.signature.reason})` : ''}`);
  return lines;
}

function findingLines(findings: Finding[], severity: Severity, label: string): string[] {
  const list = findings.filter((f) => f.severity === severity);
  if (list.length === 0) return [];
  const lines = [`${label} (${list.length})`];
  for (const f of list) {
    const claim = f.claim ? ` [${f.claim}]` : '';
    lines.push(`  ${f.rule.padEnd(20)} ${f.message}${claim}`);
    lines.push(`  ${''.padEnd(20)} artifacts ${f.artifacts.join(', ') || '-'}; ${f.source}`);
  }
  return lines;
}

/** Where the report's "now" came from. */
export type NowSource = 'option' | 'capture' | 'clock';

const NOW_NOTES: Record<NowSource, string> = {
  option: '(--now)',
  capture: '(the time of the last request in the capture; --now to change)',
  clock: '(the current time)',
};

/**
 * The human report: flows with their steps and expiry, tokens with UTC and relative times, findings by severity.
 * Every line goes through {@link escapeControls} as a whole, so no value taken from the input (issuer, client,
 * URLs, kid, claim names and values, messages, file names) can carry a control character, a line separator or a
 * bidi control to the terminal.
 */
export function humanReport(result: AnalysisResult, meta: { inputs: string[]; skew: number; nowSource?: NowSource }): string {
  const now = result.now;
  const byId = new Map(result.artifacts.map((a) => [a.id, a]));
  const timelines = new Map(result.timelines.map((t) => [t.flow, t]));
  const out: string[] = [`token-inspector  ${meta.inputs.join(', ')}`, `now ${isoSeconds(now)} ${NOW_NOTES[meta.nowSource ?? 'option']}  skew ${meta.skew} s`, ''];
  if (result.flows.length === 0) out.push('No OAuth/OIDC traffic found.', '');
  for (const f of result.flows) out.push(...flowLines(f, byId, timelines.get(f.id), now), '');
  const tokens = result.artifacts.filter((a) => a.jwt || a.kind === 'opaque_token' || a.role === 'decoded payload');
  if (tokens.length) {
    out.push('Tokens');
    for (const a of tokens) out.push(...tokenLines(a, now).map((l) => `  ${l}`));
    out.push('');
  }
  out.push(...findingLines(result.findings, 'error', 'Errors'), ...findingLines(result.findings, 'warning', 'Warnings'), ...findingLines(result.findings, 'info', 'Info'));
  const s = summarize(result.findings);
  if (out[out.length - 1] !== '') out.push('');
  out.push(`${s.errors} errors, ${s.warnings} warnings, ${s.info} info`);
  return `${out.map(escapeControls).join('\n')}\n`;
}
