/**
 * What the panel must show after one client library's login, as a list of failures (empty: it shows it all):
 * one flow per login (the interactive one and the silent renew), the interactive login's flow with its
 * authorize request and response, token, userinfo and refresh steps; the ID, access and refresh tokens and the
 * userinfo response in that flow; every JWT signature `valid`; no finding of severity error. Pure: reads a
 * snapshot of the panel, never the page. Does not wait.
 */
import type { PanelArtifact, PanelFinding, PanelFlow, PanelPage } from '../panel.js';
import { isRefreshToken } from '../panel.js';

/** What the panel shows, read once. */
export interface PanelSnapshot {
  flows: PanelFlow[];
  artifacts: PanelArtifact[];
  findings: PanelFinding[];
}

/** What the test knows about the login it made. */
export interface ExpectedCapture {
  issuer: string;
  subject: string;
  /** Logins the app made: the interactive one, plus one when it renewed silently. */
  logins: number;
}

/** Steps the interactive login's flow must have. */
export const LOGIN_FLOW_STEPS = ['authorize_request', 'authorize_response', 'token', 'userinfo', 'refresh'] as const;
/** Steps a silent renew's flow must have. */
export const SILENT_FLOW_STEPS = ['authorize_request', 'authorize_response', 'token'] as const;

/** Reads the panel (each reader switches its view, so one after the other). */
export async function snapshot(panel: PanelPage): Promise<PanelSnapshot> {
  const flows = await panel.flows();
  const artifacts = await panel.artifacts();
  const findings = await panel.findings();
  return { flows, artifacts, findings };
}

const stepsOf = (flow: PanelFlow) => flow.steps.map((s) => s.kind);
const missingSteps = (flow: PanelFlow, wanted: readonly string[]) => wanted.filter((k) => !stepsOf(flow).includes(k));
const describeFlow = (flow: PanelFlow) => `${flow.id} [${stepsOf(flow).join(' ')}]`;

/** The interactive login's flow: the first (the engine numbers flows by start), as the login comes before all else. */
function loginFlow(shown: PanelSnapshot): PanelFlow | undefined {
  return [...shown.flows].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))[0];
}

function flowFailures(shown: PanelSnapshot, expected: ExpectedCapture, login: PanelFlow): string[] {
  const out: string[] = [];
  if (shown.flows.length !== expected.logins) out.push(`${expected.logins} flow(s), one per login, expected; the panel shows ${shown.flows.length}: ${shown.flows.map(describeFlow).join(', ')}`);
  const missing = missingSteps(login, LOGIN_FLOW_STEPS);
  if (missing.length > 0) out.push(`the login's flow ${describeFlow(login)} lacks the step(s) ${missing.join(', ')}`);
  if (login.issuer !== expected.issuer || login.subject !== expected.subject) out.push(`the login's flow is for issuer ${login.issuer || '(none)'} and subject ${login.subject || '(none)'}, not ${expected.issuer} and ${expected.subject}`);
  for (const flow of shown.flows.filter((f) => f !== login)) {
    const lacking = missingSteps(flow, SILENT_FLOW_STEPS);
    if (lacking.length > 0) out.push(`flow ${describeFlow(flow)}, not the login's, so the silent renew's, lacks the step(s) ${lacking.join(', ')}`);
  }
  return out;
}

function artifactFailures(shown: PanelSnapshot, expected: ExpectedCapture, login: PanelFlow): string[] {
  const out: string[] = [];
  const inLogin = shown.artifacts.filter((a) => a.flowId === login.id);
  const wanted: { what: string; find: (a: PanelArtifact) => boolean }[] = [
    { what: `ID token for ${expected.subject}`, find: (a) => a.kind === 'id_token' && a.claims['sub'] === expected.subject },
    { what: 'JWT access token (kind access_token)', find: (a) => a.kind === 'access_token' },
    { what: 'refresh token (kind refresh_token, or opaque_token with role refresh_token)', find: isRefreshToken },
    { what: `userinfo response for ${expected.subject}`, find: (a) => a.kind === 'userinfo' && a.claims['sub'] === expected.subject },
  ];
  for (const w of wanted) if (!inLogin.some(w.find)) out.push(`no ${w.what} in the login's flow ${login.id}`);
  const jwts = shown.artifacts.filter((a) => a.signature !== '' || a.kind === 'id_token' || a.kind === 'access_token' || a.kind === 'refresh_token');
  for (const a of jwts) if (a.signature !== 'valid') out.push(`${a.kind} ${a.id} (flow ${a.flowId || 'none'}) has signature "${a.signature}", not "valid"`);
  return out;
}

/** Every way the panel falls short of the expected capture; empty when it shows all of it. */
export function captureFailures(shown: PanelSnapshot, expected: ExpectedCapture): string[] {
  const login = loginFlow(shown);
  const out = login ? [...flowFailures(shown, expected, login), ...artifactFailures(shown, expected, login)] : ['the panel shows no flow'];
  for (const f of shown.findings.filter((x) => x.severity === 'error')) out.push(`error finding ${f.rule}: ${f.message}`);
  return out;
}
