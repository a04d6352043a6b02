import type { Artifact, Flow } from '../model.js';
import type { Profile, ProfileCrossCheck } from '../profiles/types.js';
import { sameJson } from './claim-values.js';
import { artifactsOf, idTokenFor, kindLabel, latestBefore } from './flow-helpers.js';
import type { FlowRule, RuleContext } from './types.js';
import { member, show } from './util.js';

/**
 * The token a userinfo answer is compared with: for an access token, the one sent as bearer in the same
 * exchange, else the one issued last before the userinfo, else any; for an ID token, see {@link idTokenFor}.
 */
function tokenFor(flow: Flow, ctx: RuleContext, ui: Artifact, kind: ProfileCrossCheck['token']): Artifact | undefined {
  if (kind === 'id_token') return idTokenFor(flow, ctx, ui);
  const exchanges = new Set(ui.occurrences.map((o) => o.exchangeId).filter((id): id is string => typeof id === 'string'));
  const bearer = artifactsOf(flow, ctx, 'access_token').filter((a) =>
    a.occurrences.some((o) => o.location === 'request.header.authorization' && typeof o.exchangeId === 'string' && exchanges.has(o.exchangeId)),
  );
  return bearer[bearer.length - 1] ?? latestBefore(flow, ctx, 'access_token', ui);
}

/** The valid cross-check entries of the profiles, each once; profiles loaded from user JSON may hold anything. */
function crossChecksOf(profiles: readonly Profile[]): ProfileCrossCheck[] {
  const out: ProfileCrossCheck[] = [];
  const seen = new Set<string>();
  for (const p of profiles) {
    if (!Array.isArray(p.crossChecks)) continue;
    for (const c of p.crossChecks as unknown[]) {
      if (typeof c !== 'object' || c === null) continue;
      const e = c as ProfileCrossCheck;
      if (typeof e.userinfo !== 'string' || typeof e.claim !== 'string' || (e.token !== 'access_token' && e.token !== 'id_token')) continue;
      const key = JSON.stringify([e.userinfo, e.token, e.claim]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}

/**
 * profile-cross: the provider-specific equalities of the applicable profile's `crossChecks` between a
 * userinfo member and a claim of the flow's access or ID token (e.g. BirID: userinfo `id` equals the
 * access token `sub`). Each userinfo of the flow is checked against the profiles of the userinfo and of the
 * flow's tokens; a member or claim missing on either side gives no finding. Severity: the entry's, else
 * warning. Does not check types or formats (profile-claims does).
 */
export const profileCross: FlowRule = {
  id: 'profile-cross',
  scope: 'flow',
  check(flow, ctx, report) {
    const tokens = artifactsOf(flow, ctx, 'access_token', 'id_token');
    for (const ui of artifactsOf(flow, ctx, 'userinfo')) {
      const byId = new Map<string, Profile>();
      for (const a of [ui, ...tokens]) {
        const p = ctx.profileOf(a);
        if (!byId.has(p.id)) byId.set(p.id, p);
      }
      for (const entry of crossChecksOf([...byId.values()])) {
        const said = member(ui.claims, entry.userinfo);
        const token = tokenFor(flow, ctx, ui, entry.token);
        const seen = member(token?.claims, entry.claim);
        if (!token || said === undefined || seen === undefined || sameJson(said, seen)) continue;
        const source = typeof entry.source === 'string' && entry.source ? ` (${entry.source})` : '';
        report({
          severity: entry.severity === 'error' || entry.severity === 'info' ? entry.severity : 'warning',
          message: `userinfo ${entry.userinfo} ${show(said)} differs from the ${kindLabel(token)} ${entry.claim} ${show(seen)}; the provider profile expects them equal${source}`,
          claim: entry.userinfo,
          artifacts: [ui.id, token.id],
        });
      }
    }
  },
};
