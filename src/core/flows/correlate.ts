import type { Artifact, Flow, FlowStep, FlowType } from '../model.js';
import { flowSteps } from './steps.js';

/** Union-find over artifact indexes. */
function unionFind(n: number) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  return {
    find,
    union: (a: number, b: number) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    },
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** The session id of an artifact: `sid`, else Keycloak's `session_state`. */
export function sessionIdOf(a: Artifact): string | undefined {
  return str(a.claims?.sid) ?? str(a.claims?.session_state);
}

function flowType(members: Artifact[]): FlowType {
  const request = members.find((a) => a.kind === 'authorize_request');
  const rt = str(request?.claims?.response_type);
  if (rt) {
    const parts = rt.split(' ');
    const code = parts.includes('code');
    const direct = parts.includes('id_token') || parts.includes('token');
    if (code && direct) return 'hybrid';
    if (code) return 'authorization_code';
    if (direct) return 'implicit';
  }
  const grants = members.filter((a) => a.kind === 'token_response').map((a) => a.http?.requestForm?.grant_type);
  const grant = grants.find((g) => g && g !== 'refresh_token') ?? grants[0];
  if (grant === 'authorization_code' || grant === 'client_credentials' || grant === 'refresh_token' || grant === 'password') return grant;
  if (members.some((a) => a.kind === 'authorize_response' && a.claims?.code)) return 'authorization_code';
  if (members.some((a) => a.kind === 'authorize_response' && (a.claims?.id_token || a.claims?.access_token))) return 'implicit';
  return 'unknown';
}

/**
 * Groups artifacts into login flows. Links: authorize request and response by `state` (and by the redirect of
 * the same exchange); response and token response by `code`; a token response and its tokens; a refresh by the
 * refresh token it sent; userinfo and introspection by the token they carried; tokens of one issuer by session
 * id. Every artifact but discovery and JWKS ends in exactly one flow. Sets `issuer`, `clientId` and `profile`
 * of response artifacts from their flow when they had none. Never throws. Does not run rules.
 */
export function correlate(artifacts: Artifact[]): Flow[] {
  const members = artifacts.filter((a) => a.kind !== 'discovery' && a.kind !== 'jwks');
  const index = new Map(members.map((a, i) => [a.id, i]));
  const uf = unionFind(members.length);
  const link = (a: Artifact | undefined, b: Artifact | undefined) => {
    const ia = a && index.get(a.id);
    const ib = b && index.get(b.id);
    if (ia !== undefined && ib !== undefined) uf.union(ia, ib);
  };
  const byKey = new Map<string, Artifact>();
  const keyed = (key: string | undefined, a: Artifact) => {
    if (!key) return;
    const first = byKey.get(key);
    if (first) link(first, a);
    else byKey.set(key, a);
  };
  const exchangeOf = new Map<string, Artifact>();
  const byId = new Map(artifacts.map((a) => [a.id, a]));
  for (const a of members) {
    if (a.parent) link(a, byId.get(a.parent));
    for (const child of a.children ?? []) link(a, byId.get(child));
    for (const o of a.occurrences) {
      if (!o.exchangeId) continue;
      // Everything seen in one exchange belongs together (a bearer token and the userinfo it fetched;
      // an introspected token and the answer; an authorize request and its redirect).
      const other = exchangeOf.get(o.exchangeId);
      if (other) link(other, a);
      else exchangeOf.set(o.exchangeId, a);
    }
    if (a.kind === 'authorize_request' || a.kind === 'authorize_response') keyed(str(a.claims?.state) && `state:${a.claims?.state}`, a);
    if (a.kind === 'authorize_response') keyed(str(a.claims?.code) && `code:${a.claims?.code}`, a);
    if (a.kind === 'token_response') keyed(str(a.http?.requestForm?.code) && `code:${a.http?.requestForm?.code}`, a);
    const sid = sessionIdOf(a);
    if (sid) keyed(`sid:${a.issuer ?? ''}:${sid}`, a);
  }
  const groups = new Map<number, Artifact[]>();
  for (const a of members) {
    const root = uf.find(index.get(a.id)!);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(a);
  }
  const flows: Flow[] = [];
  for (const group of groups.values()) {
    group.sort((x, y) => x.at - y.at || Number(x.id.slice(1)) - Number(y.id.slice(1)));
    flows.push(buildFlow(`f${flows.length + 1}`, group));
  }
  flows.sort((x, y) => x.startedAt - y.startedAt);
  flows.forEach((f, i) => (f.id = `f${i + 1}`));
  return flows;
}

function buildFlow(id: string, group: Artifact[]): Flow {
  const idToken = group.find((a) => a.kind === 'id_token' && a.claims);
  const anyToken = group.find((a) => (a.kind === 'access_token' || a.kind === 'refresh_token') && a.claims);
  const issuer = idToken?.issuer ?? group.find((a) => a.issuer)?.issuer;
  const request = group.find((a) => a.kind === 'authorize_request');
  const clientId =
    str(request?.claims?.client_id) ?? group.find((a) => a.kind === 'token_response' && a.clientId)?.clientId ?? str(idToken?.claims?.azp) ?? str(anyToken?.claims?.azp) ?? str(anyToken?.claims?.client_id);
  const sessionId = group.map(sessionIdOf).find(Boolean);
  const subject = str(idToken?.claims?.sub) ?? str(anyToken?.claims?.sub);
  const profile = (idToken ?? group.find((a) => a.issuer) ?? group[0]!).profile;
  for (const a of group) {
    if (!a.issuer && issuer) a.issuer = issuer;
    if (!a.clientId && clientId) a.clientId = clientId;
  }
  const type = flowType(group);
  const codes = group.filter((a) => a.kind === 'authorize_response' && str(a.claims?.code));
  const redeemed = new Set(group.filter((a) => a.kind === 'token_response').map((a) => a.http?.requestForm?.code));
  const serverSideExchange = codes.length > 0 && codes.some((a) => !redeemed.has(a.claims?.code as string)) && !group.some((a) => a.kind === 'token_response' && a.http?.requestForm?.grant_type === 'authorization_code');
  const notes: string[] = [];
  if (serverSideExchange) {
    notes.push('The authorization code went to the client\'s server, which exchanged it for tokens there: the token response is not observable in the browser.');
  }
  const steps: FlowStep[] = flowSteps(group, serverSideExchange);
  const flow: Flow = { id, profile, type, startedAt: group[0]!.at, steps, artifacts: group.map((a) => a.id), serverSideExchange, notes };
  if (issuer) flow.issuer = issuer;
  if (clientId) flow.clientId = clientId;
  if (sessionId) flow.sessionId = sessionId;
  if (subject) flow.subject = subject;
  return flow;
}

