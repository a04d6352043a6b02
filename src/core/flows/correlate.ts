import type { Artifact, CaptureSource, CodeExchangeGap, Exchange, Flow, FlowStep, FlowType } from '../model.js';
import { exchangeSources, urlParts } from '../classify/http.js';
import { codeExchangeGap, type CaptureCoverage } from './code-exchange.js';
import { flowSteps } from './steps.js';

/** What correlation may use besides the artifacts. */
export interface CorrelateContext {
  /** The exchanges the artifacts came from, to find the request that delivered a code. */
  exchanges?: readonly Exchange[];
  /** What a live capture could see; absent for files. */
  coverage?: CaptureCoverage;
  /** `code_verifier` values of token requests mapped to their S256 `code_challenge` (hashing is async). */
  pkce?: ReadonlyMap<string, string>;
}

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

/** The base (origin + path) of a URL, or undefined. */
function baseOf(url: string | undefined): string | undefined {
  return url ? url.split(/[?#]/)[0] : undefined;
}

/** The latest of `requests` that started no later than `at`. */
function latestBefore(requests: readonly Artifact[] | undefined, at: number): Artifact | undefined {
  return requests?.filter((r) => r.at <= at).at(-1);
}

/** Whether the ID token's audience names the client (`aud` a string or an array, or `azp`). */
function audienceNames(idToken: Artifact, client: string | undefined): boolean {
  if (client === undefined) return true;
  const aud = idToken.claims?.aud;
  return aud === client || (Array.isArray(aud) && aud.includes(client)) || idToken.claims?.azp === client;
}

/** Strong links: what travelled together, or answers what. */
function linkStrong(members: Artifact[], byId: Map<string, Artifact>, link: (a: Artifact | undefined, b: Artifact | undefined) => void, pkce: ReadonlyMap<string, string>): void {
  const exchangeOf = new Map<string, Artifact>();
  const codes = new Map<string, Artifact>();
  const requestsByState = new Map<string, Artifact[]>();
  const requestsByNonce = new Map<string, Artifact[]>();
  const requestsByChallenge = new Map<string, Artifact[]>();
  for (const a of members) {
    if (a.parent) link(a, byId.get(a.parent));
    // A token issued again, byte for byte, by a later response (an ID token of the same second, without a
    // nonce, from a silent renew) is no link between the two logins: it stays with the response that issued it first.
    for (const child of a.children ?? []) if (byId.get(child)?.parent === undefined || byId.get(child)?.parent === a.id) link(a, byId.get(child));
    const firstIssue = a.occurrences.find((o) => o.parent !== undefined);
    for (const o of a.occurrences) {
      if (!o.exchangeId || (o.parent !== undefined && o !== firstIssue)) continue;
      // Everything seen in one exchange belongs together (a bearer token and the userinfo it fetched;
      // an introspected token and the answer; an authorize request and its redirect).
      const other = exchangeOf.get(o.exchangeId);
      if (other) link(other, a);
      else exchangeOf.set(o.exchangeId, a);
    }
    const code = a.kind === 'authorize_response' ? str(a.claims?.code) : a.kind === 'token_response' ? str(a.http?.requestForm?.code) : undefined;
    if (code) {
      const first = codes.get(code);
      if (first) link(first, a);
      else codes.set(code, a);
    }
    if (a.kind === 'authorize_request') {
      const state = str(a.claims?.state);
      if (state) requestsByState.set(state, [...(requestsByState.get(state) ?? []), a]);
      const nonce = str(a.claims?.nonce);
      if (nonce) requestsByNonce.set(nonce, [...(requestsByNonce.get(nonce) ?? []), a]);
      const challenge = str(a.claims?.code_challenge);
      if (challenge) requestsByChallenge.set(challenge, [...(requestsByChallenge.get(challenge) ?? []), a]);
    }
  }
  for (const a of members) {
    if (a.kind === 'authorize_response') {
      // The same state at two clients or two redirect URIs is two logins: match the redirect URI when known.
      const state = str(a.claims?.state);
      const arrived = new Set(a.occurrences.map((o) => baseOf(o.url)));
      const candidates = (state ? requestsByState.get(state) ?? [] : []).filter((r) => r.at <= a.at);
      const matching = candidates.filter((r) => {
        const redirect = baseOf(str(r.claims?.redirect_uri));
        return redirect === undefined || arrived.has(redirect);
      });
      link(matching[matching.length - 1], a);
    }
    // A refreshed ID token may repeat the login's nonce (Core §12.2) long after another login sent the same one;
    // its refresh token ties it to its login already.
    const refreshed = a.parent !== undefined && byId.get(a.parent)?.http?.requestForm?.grant_type === 'refresh_token';
    if (a.kind === 'id_token' && !refreshed) {
      // The nonce ties an ID token to the request that asked for it (Core §3.1.2.1), whatever carried the code;
      // a nonce that several requests sent (a fixed one) ties nothing.
      const nonce = str(a.claims?.nonce);
      const requests = nonce ? requestsByNonce.get(nonce)?.filter((r) => audienceNames(a, str(r.claims?.client_id))) : undefined;
      if (requests?.length === 1) link(latestBefore(requests, a.at), a);
    }
    if (a.kind === 'token_response') {
      // PKCE (RFC 7636 §4.6): the verifier a token request sends hashes to the challenge of its authorization
      // request. That links a code exchange to its login when the code itself never showed (a web message, a
      // popup, a redirect not captured).
      const verifier = str(a.http?.requestForm?.code_verifier);
      if (verifier) {
        const s256 = pkce.get(verifier);
        const requests = [...(s256 ? requestsByChallenge.get(s256) ?? [] : []), ...(requestsByChallenge.get(verifier) ?? [])].filter((r) =>
          r.claims?.code_challenge === s256 ? r.claims?.code_challenge_method === 'S256' : r.claims?.code_challenge_method !== 'S256',
        );
        // A challenge several requests sent (a fixed example value) ties nothing.
        if (requests.length === 1) link(latestBefore(requests, a.at), a);
      }
    }
  }
}

/** A component that started a login of its own: an authorize request, or a code or credentials grant. */
function isAnchor(group: Artifact[]): boolean {
  return group.some((a) => a.kind === 'authorize_request' || (a.kind === 'token_response' && a.http?.requestForm?.grant_type !== undefined && a.http.requestForm.grant_type !== 'refresh_token'));
}

function clientOf(group: Artifact[]): string | undefined {
  for (const a of group) {
    const c = a.kind === 'authorize_request' ? str(a.claims?.client_id) : str(a.claims?.azp);
    if (c) return c;
  }
  return undefined;
}

/**
 * Groups artifacts into login flows. Strong links: a token response and its tokens; everything seen in one
 * exchange; an authorization response and its request by `state` (and redirect URI when known); a response and
 * the token request by `code`; an ID token and a state-less request by `nonce`. Then a session id (`sid`, or
 * Keycloak's `session_state`) attaches loose parts (a userinfo call, a bearer token, a refresh) to the login of
 * that session, but never merges two logins (two clients in one SSO session stay two flows).
 * Every artifact but discovery and JWKS ends in exactly one flow. Sets `issuer` and `clientId` of artifacts
 * from their flow when they had none. Never throws. Does not run rules.
 */
export function correlate(artifacts: Artifact[], context: CorrelateContext = {}): Flow[] {
  const members = artifacts.filter((a) => a.kind !== 'discovery' && a.kind !== 'jwks');
  const index = new Map(members.map((a, i) => [a.id, i]));
  const uf = unionFind(members.length);
  const link = (a: Artifact | undefined, b: Artifact | undefined) => {
    const ia = a && index.get(a.id);
    const ib = b && index.get(b.id);
    if (ia !== undefined && ib !== undefined) uf.union(ia, ib);
  };
  const byId = new Map(artifacts.map((a) => [a.id, a]));
  linkStrong(members, byId, link, context.pkce ?? new Map());

  const components = () => {
    const groups = new Map<number, Artifact[]>();
    for (const a of members) {
      const root = uf.find(index.get(a.id)!);
      let g = groups.get(root);
      if (!g) groups.set(root, (g = []));
      g.push(a);
    }
    return [...groups.values()];
  };
  // Session ids: attach loose components to the login of their session.
  const bySession = new Map<string, Artifact[][]>();
  for (const group of components()) {
    const keys = new Set(group.map((a) => (sessionIdOf(a) ? `${a.issuer ?? ''}:${sessionIdOf(a)}` : undefined)).filter(Boolean) as string[]);
    for (const key of keys) bySession.set(key, [...(bySession.get(key) ?? []), group]);
  }
  for (const groups of bySession.values()) {
    const anchors = groups.filter(isAnchor).sort((x, y) => x[0]!.at - y[0]!.at);
    const loose = groups.filter((g) => !isAnchor(g));
    for (const g of loose) {
      const start = Math.min(...g.map((a) => a.at));
      const client = clientOf(g);
      const target =
        anchors.find((x) => client !== undefined && clientOf(x) === client) ??
        [...anchors].reverse().find((x) => Math.min(...x.map((a) => a.at)) <= start) ??
        anchors[0] ??
        loose[0];
      link(target?.[0], g[0]);
    }
  }

  const exchanges = new Map((context.exchanges ?? []).map((ex) => [ex.id, ex]));
  const hosts = new Set((context.exchanges ?? []).flatMap((ex) => [ex.url, ex.redirectUrl ?? ''].map((url) => urlParts(url)?.host ?? '')));
  const gapOf = (response: Artifact, group: Artifact[]) => codeExchangeGap(response, group, artifacts, (id) => exchanges.get(id), context.coverage, (host) => hosts.has(host));
  const sourcesOf = (id: string): CaptureSource[] => {
    const ex = exchanges.get(id);
    return ex ? exchangeSources(ex) : [];
  };
  const flows: Flow[] = [];
  for (const group of components()) {
    group.sort((x, y) => x.at - y.at || Number(x.id.slice(1)) - Number(y.id.slice(1)));
    flows.push(buildFlow(`f${flows.length + 1}`, group, gapOf, sourcesOf));
  }
  flows.sort((x, y) => x.startedAt - y.startedAt);
  flows.forEach((f, i) => (f.id = `f${i + 1}`));
  return flows;
}

function buildFlow(id: string, group: Artifact[], gapOf: (response: Artifact, group: Artifact[]) => CodeExchangeGap | undefined, sourcesOf: (exchangeId: string) => CaptureSource[]): Flow {
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
  // A code exchange the capture holds, even for another code (a retried login), says the browser redeems codes.
  const exchanged = group.some((a) => a.kind === 'token_response' && a.http?.requestForm?.grant_type === 'authorization_code');
  const gaps = new Map<string, CodeExchangeGap>();
  if (!exchanged) {
    for (const a of group) {
      const gap = a.kind === 'authorize_response' ? gapOf(a, group) : undefined;
      if (gap) gaps.set(a.id, gap);
    }
  }
  const codeExchange = [...gaps.values()].find((g) => g.status === 'server-side') ?? [...gaps.values()][0];
  const serverSideExchange = codeExchange?.status === 'server-side';
  const notes: string[] = [];
  if (codeExchange) notes.push(codeExchange.reason);
  if (group.some((a) => a.kind === 'userinfo' && a.http && !a.http.requestHeaders.authorization && !a.http.requestForm?.access_token)) {
    notes.push('A userinfo request without an Authorization header: its access token is not in the capture, so it can\'t be linked to its login. Chrome\'s default "Export HAR (sanitized)" removes Authorization headers; export "with sensitive data" to keep them.');
  }
  const steps: FlowStep[] = flowSteps(group, gaps, sourcesOf);
  const flow: Flow = { id, profile, type, startedAt: group[0]!.at, steps, artifacts: group.map((a) => a.id), serverSideExchange, notes };
  if (codeExchange) flow.codeExchange = codeExchange;
  if (issuer) flow.issuer = issuer;
  if (clientId) flow.clientId = clientId;
  if (sessionId) flow.sessionId = sessionId;
  if (subject) flow.subject = subject;
  return flow;
}

