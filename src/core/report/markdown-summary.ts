/** The Markdown summary for a support ticket. */
import type { AnalysisResult } from '../analyze.js';
import type { InputSummary } from '../input/types.js';
import type { Artifact, ExpiryTimeline, Finding, Flow, Lifetime, Severity } from '../model.js';
import { isoSeconds, relative } from '../util/time.js';
import { summarize, type ReportMeta } from './json-report.js';
import { mdCode, mdText } from './markdown-escape.js';

/** Findings listed per severity in one section; the rest are counted. */
export const MAX_LISTED_FINDINGS = 20;
/** Flow steps listed; the rest are counted. */
const MAX_STEPS = 12;

const SEVERITIES: [Severity, string][] = [
  ['error', 'Errors'],
  ['warning', 'Warnings'],
  ['info', 'Info'],
];

const STEP_LABELS: Record<string, string> = {
  authorize_request: 'authorize request',
  authorize_response: 'redirect',
  token: 'token',
  refresh: 'refresh',
  userinfo: 'userinfo',
  introspection: 'introspection',
  discovery: 'discovery',
  jwks: 'JWKS',
};

const NOW_SOURCES: Record<string, string> = {
  option: 'chosen',
  capture: 'the time of the last request in the capture',
  clock: 'the time of the analysis',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const when = (seconds: number, now: number) => `${isoSeconds(seconds)} (${relative(seconds, now)})`;

function counts(findings: readonly Finding[]): string {
  const s = summarize(findings);
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.info} info`;
}

function inputText(i: InputSummary): string {
  if (i.kind === 'document') return `${mdText(i.name)} (document)`;
  const warnings = i.warnings?.length ? `, ${plural(i.warnings.length, 'import warning')}` : '';
  return `${mdText(i.name)} (HAR, ${plural(i.exchanges ?? 0, 'exchange')}${warnings})`;
}

function steps(f: Flow): string {
  const shown = f.steps.slice(0, MAX_STEPS).map((s) => {
    const label = STEP_LABELS[s.kind] ?? s.kind;
    const status = s.status !== undefined ? ` ${s.status}` : '';
    if (s.missing === 'not-captured') return `${label} (not captured)`;
    return s.observable ? `${label}${status}` : `${label} (server-side, not observable)`;
  });
  if (f.steps.length > MAX_STEPS) shown.push(`… ${f.steps.length - MAX_STEPS} more`);
  return shown.length > 0 ? mdText(shown.join(' → ')) : 'none';
}

/** Why this expiry ends the session, in the words of the expiry timeline's rule. */
function endReason(end: Lifetime): string {
  if (end.source === 'refresh_error') return 'the server refused a refresh';
  if (end.kind === 'refresh_token') return 'the refresh token expires; access tokens can be renewed until then';
  return `no refresh token, so the first expiry of the latest tokens ends it`;
}

function sessionLine(timeline: ExpiryTimeline | undefined, now: number): string {
  const end = timeline?.sessionEnd;
  if (!end) return '- Session end: unknown (no expiry seen, or an offline token)';
  const verb = end.expiresAt <= now ? 'ended' : 'ends';
  return `- Session ${verb}: ${mdText(end.label)} at ${when(end.expiresAt, now)}, because ${endReason(end)}`;
}

/** Findings that read the same (rule, message, claim, where) listed once, with how many there were. */
function grouped(findings: readonly Finding[], where: (f: Finding) => string): { finding: Finding; where: string; count: number }[] {
  const groups = new Map<string, { finding: Finding; where: string; count: number }>();
  for (const f of findings) {
    const w = where(f);
    const key = JSON.stringify([f.rule, f.message, f.claim ?? '', f.source, w]);
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { finding: f, where: w, count: 1 });
  }
  return [...groups.values()];
}

function findingLines(findings: readonly Finding[], byId: ReadonlyMap<string, Artifact>): string[] {
  const kinds = (f: Finding) => [...new Set(f.artifacts.map((id) => byId.get(id)?.kind).filter((k) => k !== undefined))].join(', ');
  const out: string[] = [];
  for (const [severity, title] of SEVERITIES) {
    const list = grouped(findings.filter((f) => f.severity === severity), kinds);
    if (list.length === 0) continue;
    const total = list.reduce((n, g) => n + g.count, 0);
    out.push(`- **${title} (${total})**`);
    for (const { finding: f, where, count } of list.slice(0, MAX_LISTED_FINDINGS)) {
      const claim = f.claim ? ` (claim ${mdCode(f.claim)})` : '';
      const times = count > 1 ? ` (${count} times)` : '';
      out.push(`  - ${mdCode(f.rule)}${where ? ` in ${mdText(where)}` : ''}${times}: ${mdText(f.message)}${claim}. Spec: ${mdText(f.source)}`);
    }
    if (list.length > MAX_LISTED_FINDINGS) out.push(`  - … and ${list.length - MAX_LISTED_FINDINGS} more`);
  }
  return out;
}

/** The flow each finding belongs to: its own `flow`, else the flow of its first artifact that is in one. */
function findingsByFlow(result: AnalysisResult): { byFlow: Map<string, Finding[]>; outside: Finding[] } {
  const flowOf = new Map<string, string>();
  for (const f of result.flows) for (const id of f.artifacts) if (!flowOf.has(id)) flowOf.set(id, f.id);
  const flowIds = new Set(result.flows.map((f) => f.id));
  const byFlow = new Map<string, Finding[]>();
  const outside: Finding[] = [];
  for (const x of result.findings) {
    const flow = x.flow !== undefined && flowIds.has(x.flow) ? x.flow : x.artifacts.map((id) => flowOf.get(id)).find((id) => id !== undefined);
    if (flow === undefined) outside.push(x);
    else (byFlow.get(flow) ?? byFlow.set(flow, []).get(flow)!).push(x);
  }
  return { byFlow, outside };
}

function flowSection(f: Flow, findings: readonly Finding[], byId: ReadonlyMap<string, Artifact>, timeline: ExpiryTimeline | undefined, now: number): string[] {
  const out = [`### Flow ${mdText(f.id)}: ${mdText(f.type)}`, ''];
  out.push(`- Issuer: ${f.issuer ? mdCode(f.issuer) : 'unknown'}`);
  const who = [`profile ${mdText(f.profile)}`];
  if (f.clientId) who.push(`client ${mdText(f.clientId)}`);
  if (f.subject) who.push(`subject ${mdText(f.subject)}`);
  out.push(`- ${who.join(', ')}`);
  out.push(`- Started ${isoSeconds(f.startedAt / 1000)}; steps: ${steps(f)}`);
  out.push(sessionLine(timeline, now));
  out.push(findings.length > 0 ? `- Findings: ${counts(findings)}` : '- Findings: none');
  out.push(...findingLines(findings, byId), '');
  return out;
}

/**
 * A short Markdown summary of an analysis for a support ticket: what was analysed and the "now" it was judged at,
 * one section per flow (issuer, profile, client, subject, type, steps in short, when and why the session ends or
 * ended), its findings (those of the flow and of its artifacts) by severity with rule id, message and spec reference,
 * then the findings of artifacts outside any flow. Findings that read the same are listed once with a count. Every value from the input is escaped ({@link mdText}, {@link mdCode}): no links, HTML or control
 * characters, URLs only in inline code. Never includes raw tokens, bodies or URL queries (steps name no URLs), and
 * lists at most {@link MAX_LISTED_FINDINGS} distinct findings per severity and section. Does not include claims.
 */
export function markdownSummary(result: AnalysisResult, inputs: readonly InputSummary[], meta: ReportMeta): string {
  const now = result.now;
  const byId = new Map(result.artifacts.map((a) => [a.id, a]));
  const timelines = new Map(result.timelines.map((t) => [t.flow, t]));
  const source = NOW_SOURCES[meta.nowSource ?? 'option'];
  const out = [
    '## Token Inspector summary',
    '',
    `- Analysed: ${inputs.length > 0 ? inputs.map(inputText).join('; ') : 'nothing'}`,
    `- Now: ${isoSeconds(now)}${source ? ` (${source})` : ''}; clock skew allowed ${Number(meta.skew)} s`,
    `- Found: ${plural(result.flows.length, 'flow')}, ${plural(result.artifacts.length, 'artifact')}; ${counts(result.findings)}`,
    `- Tool: Token Inspector ${mdText(String(meta.version))}`,
    '',
  ];
  const { byFlow, outside } = findingsByFlow(result);
  for (const f of result.flows) out.push(...flowSection(f, byFlow.get(f.id) ?? [], byId, timelines.get(f.id), now));
  if (outside.length > 0) out.push('### Findings of artifacts outside any flow', '', ...findingLines(outside, byId), '');
  return out.join('\n');
}
