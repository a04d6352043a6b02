import type { Artifact, Severity } from '../model.js';
import { numberMember, sameJson, sameSet } from './claim-values.js';
import { artifactsOf, isRefreshResponse, issuedBy, lastIssuedBefore, parentOf, tokenOfResponse } from './flow-helpers.js';
import { skewOf } from './time-claims.js';
import type { FlowRule, Reporter } from './types.js';
import { audList, isNumber, member, show } from './util.js';

/** Same audiences, in any order and ignoring repeats. Values with no string entry are not compared. */
function sameAudiences(a: unknown, b: unknown): boolean {
  const la = audList(a);
  const lb = audList(b);
  return la.length === 0 || lb.length === 0 || sameSet(la, lb);
}

/**
 * Seconds between the refresh response and the response that issued the previous ID token (else that token's
 * own time); `undefined` when either time is unknown.
 */
function secondsApart(resp: Artifact, prev: Artifact, prevResp: Artifact | undefined): number | undefined {
  const before = prevResp?.at ?? prev.at;
  if (!isNumber(resp.at) || !isNumber(before) || resp.at <= 0 || before <= 0) return undefined;
  return Math.round(Math.abs(resp.at - before) / 1000);
}

function compare(fresh: Artifact, prev: Artifact, apart: number | undefined, skew: number, report: Reporter): void {
  const artifacts = [fresh.id, prev.id];
  const differs = (claim: string, severity: Severity | undefined, rule: string, equal: (a: unknown, b: unknown) => boolean) => {
    const now = member(fresh.claims, claim);
    const before = member(prev.claims, claim);
    if (now === undefined || before === undefined || equal(now, before)) return;
    report({
      ...(severity ? { severity } : {}),
      message: `the refreshed ID token's ${claim} ${show(now)} differs from the previous ID token's ${claim} ${show(before)}; ${rule}`,
      claim,
      artifacts,
    });
  };
  differs('iss', undefined, 'it must stay the same', sameJson);
  differs('sub', undefined, 'it must stay the same', sameJson);
  differs('aud', undefined, 'it must stay the same', sameAudiences);
  differs('auth_time', undefined, 'it must keep the time of the original authentication', sameJson);
  differs('nonce', 'info', 'a refreshed ID token should have no nonce, or the original one', sameJson);
  const iat = numberMember(fresh.claims, 'iat');
  const prevIat = numberMember(prev.claims, 'iat');
  if (iat === undefined || prevIat === undefined) return;
  if (iat < prevIat) {
    report({
      message: `the refreshed ID token's iat ${iat} is older than the previous ID token's iat ${prevIat}; it must be the time the new token was issued`,
      claim: 'iat',
      artifacts,
    });
  } else if (iat === prevIat && apart !== undefined && apart > skew) {
    report({
      message: `the refreshed ID token's iat ${iat} is not newer than the previous ID token's iat ${prevIat}, though the two responses are ${apart} s apart (more than the ${skew} s skew); it must be the time the new token was issued`,
      claim: 'iat',
      artifacts,
    });
  }
}

/**
 * x-refresh-idt: an ID token from a `refresh_token` grant keeps the previous ID token's `iss`, `sub`, `aud`
 * (compared as sets) and `auth_time`, and has a newer `iat` (Core §12.2); one error per claim. An older `iat`
 * is an error; an equal one only when the two responses are more than the skew apart. A `nonce` in both that
 * differs is an info. The previous ID token is the one of the flow issued last before the refresh response.
 * An ID token the refresh response only repeated (the same artifact) is not compared with itself. A claim
 * missing on either side is not compared (idt-required reports missing ones).
 * Does not look at `azp` (idt-azp) nor at refresh responses without an ID token.
 */
export const xRefreshIdt: FlowRule = {
  id: 'x-refresh-idt',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const resp of artifactsOf(flow, ctx, 'token_response')) {
      if (!isRefreshResponse(resp)) continue;
      const fresh = issuedBy(resp, tokenOfResponse(resp, ctx, 'id_token'));
      const prev = fresh && lastIssuedBefore(flow, ctx, 'id_token', flow.artifacts.indexOf(resp.id), fresh);
      if (!fresh || !prev || !fresh.claims || !prev.claims) continue;
      compare(fresh, prev, secondsApart(resp, prev, parentOf(prev, ctx)), skewOf(ctx), report);
    }
  },
};
