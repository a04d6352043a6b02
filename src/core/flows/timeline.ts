import type { Artifact, ExpiryTimeline, Flow, Lifetime } from '../model.js';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** Seconds; a value that looks like milliseconds (BankID's style) is read as such. */
const seconds = (v: unknown): number | undefined => {
  const n = num(v);
  return n === undefined ? undefined : n > 1e11 ? Math.floor(n / 1000) : n;
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
 * Every known lifetime in a flow at `now` (unix seconds): ID, access and refresh token `exp`, the token
 * response's `expires_in` and `refresh_expires_in` (counted from when the response arrived), introspection
 * `exp`. `sessionEnd` is the refresh token's expiry of the latest token response when it has one (access tokens
 * are renewed until then; `refresh_expires_in: 0` is an offline token and never ends it), else the earliest
 * expiry of that response's tokens. Does not judge anything (exp-passed does).
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
    } else if (a.kind === 'token_response' && a.claims) {
      const issued = Math.floor(a.at / 1000);
      const expiresIn = num(a.claims.expires_in);
      if (expiresIn !== undefined && expiresIn > 0) lifetimes.push(lifetime(a, 'access_token', 'expires_in', issued + expiresIn, issued, now));
      const refreshIn = num(a.claims.refresh_expires_in);
      if (refreshIn !== undefined && refreshIn > 0) lifetimes.push(lifetime(a, 'refresh_token', 'refresh_expires_in', issued + refreshIn, issued, now));
    }
  }
  const timeline: ExpiryTimeline = { flow: flow.id, now, lifetimes };
  if (lifetimes.length === 0) return timeline;
  const earliest = (ls: Lifetime[]) => ls.reduce((m, l) => (l.expiresAt < m.expiresAt ? l : m));
  timeline.firstExpiry = earliest(lifetimes);
  // The latest token response (and its tokens) decides how the session ends.
  const latest = [...members].reverse().find((a) => a.kind === 'token_response');
  const current = latest ? lifetimes.filter((l) => l.artifact === latest.id || latest.children?.includes(l.artifact)) : lifetimes;
  const pool = current.length > 0 ? current : lifetimes;
  const refresh = pool.filter((l) => l.kind === 'refresh_token');
  const offline = latest?.claims?.refresh_expires_in === 0;
  timeline.sessionEnd = refresh.length > 0 ? earliest(refresh) : offline ? undefined : earliest(pool);
  if (timeline.sessionEnd === undefined) delete timeline.sessionEnd;
  return timeline;
}
