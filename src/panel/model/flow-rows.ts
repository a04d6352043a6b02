/**
 * What the Flows table shows of each login flow (issue 4, section 2, "Flows"). Pure: no DOM, no clock (`now` is
 * passed in). Everything that does not depend on `now` is computed once per {@link AnalysisIndex} and cached, so
 * the per-second tick of a 3,000-flow import only re-derives each row's state.
 */
import type { Artifact, ExpiryTimeline, Finding, Flow, FlowType, Severity } from '../../core/model.js';
import { BUILTIN_PROFILES } from '../../core/profiles/registry.js';
import type { AnalysisIndex } from './analysis-index.js';

/** A flow's state at `now`; see {@link flowState} for the rule. */
export type FlowState = 'active' | 'expired' | 'refreshed';

/** The two subjects an `x-ui-sub` finding compares, as text (claim values: render as text only). */
export interface SubMismatch {
  /** The ID token's `sub` (a string as is, anything else as JSON), or empty when the artifact is missing. */
  idTokenSub: string;
  /** The userinfo response's `sub`, same form. */
  userinfoSub: string;
  /** Artifact ids the finding names, in its order. */
  artifacts: readonly string[];
  /** The finding's message and severity. */
  message: string;
  severity: Severity;
}

/** One row of the Flows table. Strings are empty, never undefined, when the flow lacks the value. */
export interface FlowRow {
  id: string;
  issuer: string;
  /** Profile id (`birid`, `oidc`, a user profile's id). */
  profile: string;
  /** The built-in profile's name, else the id. */
  profileName: string;
  client: string;
  subject: string;
  type: FlowType;
  /** The authorization code was exchanged on a server (not observable in the browser). */
  serverSide: boolean;
  /** Milliseconds since the epoch. */
  startedAt: number;
  state: FlowState;
  /** The unix seconds `state` was computed at (the table shows start times relative to it). */
  now: number;
  /** Unix seconds at which the session ends (the timeline's `sessionEnd`), when the engine names one. */
  endsAt: number | undefined;
  /** A refresh of this flow succeeded. */
  refreshed: boolean;
  errors: number;
  warnings: number;
  infos: number;
  /** Present when the flow has an `x-ui-sub` finding (the first one). */
  subMismatch: SubMismatch | undefined;
}

type StaticRow = Omit<FlowRow, 'state' | 'now'>;

const PROFILE_NAMES: ReadonlyMap<string, string> = new Map(BUILTIN_PROFILES.map((p) => [p.id, p.name]));

/** The display name of a profile id: the built-in profile's name, else the id itself. */
export function profileName(id: string): string {
  return PROFILE_NAMES.get(id) ?? id;
}

/** A claim value as text: strings as they are, anything else as JSON. Never throws. */
export function claimText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function subOf(artifacts: readonly string[], index: AnalysisIndex, kind: Artifact['kind']): string {
  for (const id of artifacts) {
    const a = index.byId.get(id);
    if (a?.kind === kind) return claimText(a.claims?.['sub']);
  }
  return '';
}

function subMismatchOf(findings: readonly Finding[], index: AnalysisIndex): SubMismatch | undefined {
  const f = findings.find((x) => x.rule === 'x-ui-sub');
  if (!f) return undefined;
  return {
    idTokenSub: subOf(f.artifacts, index, 'id_token'),
    userinfoSub: subOf(f.artifacts, index, 'userinfo'),
    artifacts: f.artifacts,
    message: f.message,
    severity: f.severity,
  };
}

/** A refresh succeeded: a refresh step with a 2xx status (or none known) whose response carries no `error`. */
function refreshSucceeded(flow: Flow, index: AnalysisIndex): boolean {
  return flow.steps.some((step) => {
    if (step.kind !== 'refresh') return false;
    if (step.status !== undefined && (step.status < 200 || step.status > 299)) return false;
    const claims = step.artifact === undefined ? undefined : index.byId.get(step.artifact)?.claims;
    return claims === undefined ? step.status !== undefined : !('error' in claims);
  });
}

/**
 * When the session of `timeline` ends (unix seconds): its `sessionEnd`, else undefined. Never `firstExpiry`: the
 * engine leaves `sessionEnd` out only when no expiry ends the session (an offline refresh token, which renews the
 * access tokens for good), and the first access token's expiry does not end it then.
 */
export function sessionEndsAt(timeline: ExpiryTimeline | undefined): number | undefined {
  return timeline?.sessionEnd?.expiresAt;
}

/**
 * The state of a flow at `now` (unix seconds): `expired` once its session end ({@link sessionEndsAt}) is at or
 * before `now`; otherwise `refreshed` when a refresh succeeded; otherwise `active` (also when no session end is
 * known, so a flow without any expiry, or with an offline refresh token, never shows as expired).
 */
export function flowState(endsAt: number | undefined, refreshed: boolean, now: number): FlowState {
  if (endsAt !== undefined && endsAt <= now) return 'expired';
  return refreshed ? 'refreshed' : 'active';
}

function staticRow(flow: Flow, index: AnalysisIndex): StaticRow {
  const findings = index.findingsByFlow.get(flow.id) ?? [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors += 1;
    else if (f.severity === 'warning') warnings += 1;
    else infos += 1;
  }
  return {
    id: flow.id,
    issuer: flow.issuer ?? '',
    profile: flow.profile,
    profileName: profileName(flow.profile),
    client: flow.clientId ?? '',
    subject: flow.subject ?? '',
    type: flow.type,
    serverSide: flow.serverSideExchange,
    startedAt: flow.startedAt,
    endsAt: sessionEndsAt(index.timelineOf.get(flow.id)),
    refreshed: refreshSucceeded(flow, index),
    errors,
    warnings,
    infos,
    subMismatch: subMismatchOf(findings, index),
  };
}

// An explicit literal, not a spread: this runs for every flow on every tick, and is several times faster.
function atNow(r: StaticRow, now: number): FlowRow {
  return {
    id: r.id,
    issuer: r.issuer,
    profile: r.profile,
    profileName: r.profileName,
    client: r.client,
    subject: r.subject,
    type: r.type,
    serverSide: r.serverSide,
    startedAt: r.startedAt,
    state: flowState(r.endsAt, r.refreshed, now),
    now,
    endsAt: r.endsAt,
    refreshed: r.refreshed,
    errors: r.errors,
    warnings: r.warnings,
    infos: r.infos,
    subMismatch: r.subMismatch,
  };
}

const cache = new WeakMap<AnalysisIndex, readonly StaticRow[]>();

/**
 * One row per flow of `index`, in the engine's order, with each flow's state at `now` (unix seconds). The parts
 * that do not depend on `now` are cached per index. Does not sort, filter or format times.
 */
export function flowRows(index: AnalysisIndex, now: number): FlowRow[] {
  let rows = cache.get(index);
  if (!rows) {
    rows = index.result.flows.map((flow) => staticRow(flow, index));
    cache.set(index, rows);
  }
  return rows.map((row) => atNow(row, now));
}
