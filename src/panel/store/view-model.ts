/**
 * What the panel shows, computed from one {@link TabState}: plain strings and numbers ready for the DOM hooks of
 * the panel contract (data-* attributes) and for text. Pure: no DOM, no browser API. Claim values are turned
 * into JSON text here and must only ever be rendered as text.
 */
import type { Artifact, Exchange, Finding, Flow, FlowStep, Severity } from '../../core/model.js';
import type { TabState } from '../../shared/protocol.js';

/** A flow step as the panel shows it. */
export interface StepView {
  kind: string;
  observable: boolean;
  /** HTTP status, or empty. */
  status: string;
  /** Capture sources, sorted, comma-separated. */
  sources: string;
  note: string;
}

/** A login flow as the panel shows it. */
export interface FlowView {
  id: string;
  issuer: string;
  subject: string;
  clientId: string;
  type: string;
  serverSide: boolean;
  steps: StepView[];
  notes: string[];
}

/** One decoded claim: name and JSON text (render as text only). */
export interface ClaimView {
  name: string;
  /** The value as JSON text (objects indented). */
  json: string;
}

/** A token or endpoint response as the panel shows it. */
export interface ArtifactView {
  id: string;
  kind: string;
  /** The name it travelled under (an opaque token's `refresh_token`, a JWT's `logout_token`), or empty. */
  role: string;
  /** The first flow holding the artifact, or empty. */
  flowId: string;
  /** The signature status, or empty. */
  signature: string;
  issuer: string;
  claims: ClaimView[];
  jsonError: string;
}

/** A finding as the panel shows it. */
export interface FindingView {
  rule: string;
  severity: Severity;
  flowId: string;
  /** Artifact ids, comma-separated. */
  artifacts: string;
  claim: string;
  message: string;
}

/** A captured request as the panel shows it. */
export interface ExchangeView {
  id: string;
  url: string;
  method: string;
  /** HTTP status, or empty when no response was seen. */
  status: string;
  /** Union of the sources in `seenBy`, sorted, comma-separated. */
  sources: string;
}

/** Everything the panel shows for one tab. */
export interface PanelView {
  tabId: number;
  exchanges: number;
  evicted: number;
  /** Exchanges the worker holds only in memory (storage refused them): lost if the worker stops. */
  unsaved: number;
  bytes: number;
  paused: boolean;
  preserve: boolean;
  /** An analysis arrived with the state (the worker leaves it out while the current exchanges are analysed). */
  analyzed: boolean;
  counts: Record<Severity, number>;
  flows: FlowView[];
  artifacts: ArtifactView[];
  findings: FindingView[];
  exchangeRows: ExchangeView[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function sortedList(values: Iterable<string>): string {
  return [...new Set(values)].sort().join(',');
}

/** Claim values as JSON text; `undefined` and other non-JSON values as their string form. */
export function claimJson(value: unknown): string {
  const indent = typeof value === 'object' && value !== null ? 2 : undefined;
  try {
    return JSON.stringify(value, null, indent) ?? String(value);
  } catch {
    return String(value);
  }
}

function stepView(step: FlowStep): StepView {
  return {
    kind: step.kind,
    observable: step.observable,
    status: step.status === undefined ? '' : String(step.status),
    sources: sortedList(step.sources ?? []),
    note: step.note ?? '',
  };
}

function flowView(flow: Flow): FlowView {
  return {
    id: flow.id,
    issuer: flow.issuer ?? '',
    subject: flow.subject ?? '',
    clientId: flow.clientId ?? '',
    type: flow.type,
    serverSide: flow.serverSideExchange,
    steps: flow.steps.map(stepView),
    notes: flow.notes,
  };
}

function artifactView(artifact: Artifact, flowOf: ReadonlyMap<string, string>): ArtifactView {
  return {
    id: artifact.id,
    kind: artifact.kind,
    role: artifact.role ?? '',
    flowId: flowOf.get(artifact.id) ?? '',
    signature: artifact.signature?.status ?? '',
    issuer: artifact.issuer ?? '',
    claims: Object.entries(artifact.claims ?? {}).map(([name, value]) => ({ name, json: claimJson(value) })),
    jsonError: artifact.jsonError ?? '',
  };
}

function findingView(finding: Finding): FindingView {
  return {
    rule: finding.rule,
    severity: finding.severity,
    flowId: finding.flow ?? '',
    artifacts: finding.artifacts.join(','),
    claim: finding.claim ?? '',
    message: finding.message,
  };
}

function exchangeView(exchange: Exchange): ExchangeView {
  return {
    id: exchange.id,
    url: exchange.url,
    method: exchange.method,
    status: exchange.status === undefined ? '' : String(exchange.status),
    sources: sortedList(Object.values(exchange.seenBy).flatMap((sources) => sources ?? [])),
  };
}

/**
 * The view of a tab's state. Findings are ordered by severity (errors first), keeping the engine's order
 * within one severity; flows, artifacts and exchanges keep theirs. Does not filter or truncate anything.
 */
export function toPanelView(state: TabState): PanelView {
  const analysis = state.analysis;
  const flowOf = new Map<string, string>();
  for (const flow of analysis?.flows ?? []) {
    for (const id of flow.artifacts) if (!flowOf.has(id)) flowOf.set(id, flow.id);
  }
  const findings = (analysis?.findings ?? [])
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => findingView(finding));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return {
    tabId: state.tabId,
    exchanges: state.exchanges.length,
    evicted: state.evicted,
    unsaved: state.unsaved ?? 0,
    bytes: state.bytes,
    paused: state.paused,
    preserve: state.preserve,
    analyzed: analysis !== undefined,
    counts,
    flows: (analysis?.flows ?? []).map(flowView),
    artifacts: (analysis?.artifacts ?? []).map((a) => artifactView(a, flowOf)),
    findings,
    exchangeRows: state.exchanges.map(exchangeView),
  };
}
