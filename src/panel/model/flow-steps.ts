/**
 * What the flow timeline shows of each step (issue 4, section 2, "Flow timeline"): kind, status, start offset
 * from the flow's start, duration, host and path, and which capture sources saw it. Pure: no DOM, no clock.
 */
import type { Flow, FlowStep, FlowStepKind } from '../../core/model.js';
import type { AnalysisIndex } from './analysis-index.js';

/** The words for each step kind (the labels of the first panel's flow list). */
export const STEP_LABELS: Readonly<Record<FlowStepKind, string>> = {
  authorize_request: 'Authorization request',
  authorize_response: 'Authorization response',
  token: 'Token request',
  refresh: 'Refresh',
  userinfo: 'UserInfo',
  introspection: 'Introspection',
  discovery: 'Discovery',
  jwks: 'JWKS',
  other: 'Other',
};

/** One step of the timeline, ready for text and data-* attributes (strings empty when unknown). */
export interface StepRow {
  kind: FlowStepKind;
  label: string;
  observable: boolean;
  /** Set on a step the capture lacks: it happened on a server, or was not captured. */
  missing: '' | 'server-side' | 'not-captured';
  /** HTTP status, or empty. */
  status: string;
  /** Capture sources, de-duplicated, sorted, comma-separated. */
  sources: string;
  exchangeId: string;
  artifactId: string;
  /** Milliseconds after the flow's start (negative if the step came first). */
  offsetMs: number;
  /** Milliseconds from request to response, when the step's URL is its exchange's and the exchange has both times. */
  durationMs: number | undefined;
  /** Host of the step's URL (text only, never a link), or empty. For an authorization response: where it was delivered. */
  host: string;
  /** Path of the step's URL without query or fragment (those carry codes and tokens), or empty. */
  path: string;
  note: string;
}

function hostAndPath(url: string | undefined): { host: string; path: string } {
  if (!url) return { host: '', path: '' };
  try {
    const u = new URL(url);
    return { host: u.host, path: u.pathname };
  } catch {
    return { host: '', path: '' };
  }
}

function stepRow(step: FlowStep, flow: Flow, index: AnalysisIndex): StepRow {
  const exchange = step.exchangeId === undefined ? undefined : index.exchangeById.get(step.exchangeId);
  const artifact = step.artifact === undefined ? undefined : index.byId.get(step.artifact);
  // An authorization response is where the redirect delivered the code or tokens (the client's redirect URI),
  // not the authorization endpoint whose exchange carried the redirect.
  const delivered = step.kind === 'authorize_response' ? (artifact?.occurrences[0]?.url ?? exchange?.redirectUrl) : undefined;
  const url = delivered ?? exchange?.url ?? artifact?.http?.url ?? artifact?.occurrences[0]?.url;
  const own = exchange !== undefined && url === exchange.url;
  const duration = !own || exchange.endedAt === undefined ? undefined : exchange.endedAt - exchange.startedAt;
  return {
    kind: step.kind,
    label: STEP_LABELS[step.kind] ?? step.kind,
    observable: step.observable,
    missing: step.missing ?? (step.observable ? '' : 'server-side'),
    status: step.status === undefined ? '' : String(step.status),
    sources: [...new Set(step.sources ?? [])].sort().join(','),
    exchangeId: step.exchangeId ?? '',
    artifactId: step.artifact ?? '',
    offsetMs: step.at - flow.startedAt,
    durationMs: duration !== undefined && duration >= 0 ? duration : undefined,
    ...hostAndPath(url),
    note: step.note ?? '',
  };
}

/**
 * The steps of `flow` in time order (steps at the same time keep the engine's order). Does not invent steps: the
 * server-side code exchange is there only when the engine added it (observable false).
 */
export function flowStepRows(flow: Flow, index: AnalysisIndex): StepRow[] {
  return flow.steps
    .map((step, i) => ({ step, i }))
    .sort((a, b) => a.step.at - b.step.at || a.i - b.i)
    .map(({ step }) => stepRow(step, flow, index));
}

/** A duration in milliseconds as "230 ms", "1.2 s", "2 min 5 s", "1 h 3 min" or "12 days"; the sign is dropped. */
export function durationText(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(abs)} ms`;
  if (abs < 59_950) return `${(abs / 1000).toFixed(1).replace(/\.0$/, '')} s`;
  const s = Math.round(abs / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  if (s >= 2 * 86400) return `${Math.floor(s / 86400)} days`;
  const min = Math.floor((s % 3600) / 60);
  return `${Math.floor(s / 3600)} h${min ? ` ${min} min` : ''}`;
}

/** A start offset as "+1.2 s" (and "−0.3 s" before the flow's start). */
export function offsetText(ms: number): string {
  if (ms < 1000 && ms > -1000) return `${ms < 0 ? '−' : '+'}${(Math.abs(ms) / 1000).toFixed(1)} s`;
  return `${ms < 0 ? '−' : '+'}${durationText(ms)}`;
}
