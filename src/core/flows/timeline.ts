import type { Artifact, ExpiryTimeline, Flow, Lifetime } from '../model.js';
import { numericDateSeconds } from '../util/numeric-date.js';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** Whole seconds of a NumericDate (milliseconds, BankID's style, read as such). */
const seconds = (v: unknown): number | undefined => {
  const n = numericDateSeconds(v);
  return n === undefined ? undefined : n === v ? n : Math.floor(n);
};

const LABELS: Record<Lifetime['kind'], string> = {
  id_token: 'ID token',
  access_token: 'access token',
  refresh_token: 'refresh token',
  introspection: 'introspection',
};

function lifetime(a: Artifact, kind: Lifetime['kind'], source: Lifetime['source'], expiresAt: number, issuedAt: number | undefined, now: number): Lifetime {
  const l: Lifetime = { artifact: a.id, kind, source, label: `${LABELS[kind]} (${source})`, expiresAt, remaining: expiresAt - now };
  if (issuedAt !== undefined) l.issuedAt = issuedAt;
  return l;
}

function fromClaims(a: Artifact, kind: Lifetime['kind'], now: number): Lifetime | undefined {
  const exp = seconds(a.claims?.exp);
  return exp === undefined || exp === 0 ? undefined : lifetime(a, kind, 'exp', exp, seconds(a.claims?.iat), now);
}

/**
 * When a token response arrived, in seconds. A response read from a file has no arrival time: its access
 * token's `iat` stands in, else it is unknown (and `expires_in` can't be placed in time).
 */
function receivedAt(a: Artifact, byId: ReadonlyMap<string, Artifact>): number | undefined {
  if (!a.occurrences.every((o) => o.location === 'file')) return Math.floor(a.at / 1000);
  for (const id of a.children ?? []) {
    const child = byId.get(id);
    const iat = child?.kind === 'access_token' ? seconds(child.claims?.iat) : undefined;
    if (iat !== undefined) return iat;
  }
  return undefined;
}

/**
 * Every known lifetime in a flow at `now` (unix seconds): ID, access and refresh token `exp`, the token
 * response's (or, implicit and hybrid, the redirect's) `expires_in` and `refresh_expires_in` (counted from when
 * the response arrived), introspection
 * `exp`. `sessionEnd` is the refresh token's expiry of the latest token response when it has one (access tokens
 * are renewed until then; `refresh_expires_in: 0` is an offline token and never ends it), else the earliest
 * expiry of that response's tokens; a refresh the server refused ends the session at that moment. Error responses
 * carry no lifetimes. Does not judge anything (exp-passed does).
 */
export function expiryTimeline(flow: Flow, byId: ReadonlyMap<string, Artifact>, now: number): ExpiryTimeline {
  const lifetimes: Lifetime[] = [];
  const members = flow.artifacts.map((id) => byId.get(id)).filter((a): a is Artifact => a !== undefined);
  for (const a of members) {
    if (a.kind === 'id_token' || a.kind === 'access_token' || a.kind === 'refresh_token') {
      const l = fromClaims(a, a.kind, now);
      if (l) lifetimes.push(l);
    } else if (a.kind === 'introspection' && a.claims?.active === true) {
      const l = fromClaims(a, 'introspection', now);
      if (l) lifetimes.push(l);
    } else if (a.kind === 'authorize_response' && typeof a.claims?.expires_in === 'string' && /^\d+$/.test(a.claims.expires_in)) {
      // Implicit and hybrid flows deliver the access token's lifetime in the redirect.
      const issued = Math.floor(a.at / 1000);
      const expiresIn = Number(a.claims.expires_in);
      if (expiresIn > 0) lifetimes.push(lifetime(a, 'access_token', 'expires_in', issued + expiresIn, issued, now));
    } else if (a.kind === 'token_response' && a.claims && !('error' in a.claims)) {
      const issued = receivedAt(a, byId);
      if (issued === undefined) continue;
      const expiresIn = num(a.claims.expires_in);
      if (expiresIn !== undefined && expiresIn > 0) lifetimes.push(lifetime(a, 'access_token', 'expires_in', issued + expiresIn, issued, now));
      const refreshIn = num(a.claims.refresh_expires_in);
      if (refreshIn !== undefined && refreshIn > 0) lifetimes.push(lifetime(a, 'refresh_token', 'refresh_expires_in', issued + refreshIn, issued, now));
    }
  }
  const timeline: ExpiryTimeline = { flow: flow.id, now, lifetimes };
  const earliest = (ls: Lifetime[]) => ls.reduce((m, l) => (l.expiresAt < m.expiresAt ? l : m));
  if (lifetimes.length > 0) timeline.firstExpiry = earliest(lifetimes);
  const responses = members.filter((a) => a.kind === 'token_response' && a.claims);
  const last = responses[responses.length - 1];
  // A refresh the server refused ends the session there, whatever the tokens said.
  if (last && 'error' in last.claims! && last.http?.requestForm?.grant_type === 'refresh_token') {
    const at = Math.floor(last.at / 1000);
    timeline.sessionEnd = { artifact: last.id, kind: 'refresh_token', source: 'refresh_error', label: `refresh refused (${String(last.claims!.error)})`, expiresAt: at, remaining: at - now };
    return timeline;
  }
  if (lifetimes.length === 0) return timeline;
  // The newest successful response decides the access token; the newest one that issued a refresh token decides
  // the refresh token (RFC 6749 §6: without a new one the client keeps the old).
  const ok = responses.filter((a) => !('error' in a.claims!));
  const latest = ok[ok.length - 1];
  const of = (r: Artifact | undefined) => (r ? lifetimes.filter((l) => l.artifact === r.id || r.children?.includes(l.artifact)) : []);
  const issuedRefresh = [...ok].reverse().find((r) => 'refresh_token' in r.claims! || 'refresh_expires_in' in r.claims!);
  const refresh = of(issuedRefresh).filter((l) => l.kind === 'refresh_token');
  const offline = issuedRefresh?.claims?.refresh_expires_in === 0 && refresh.length === 0;
  const current = latest ? of(latest) : lifetimes;
  const pool = current.length > 0 ? current : lifetimes;
  if (refresh.length > 0) timeline.sessionEnd = earliest(refresh);
  else if (!offline) timeline.sessionEnd = earliest(pool);
  return timeline;
}
