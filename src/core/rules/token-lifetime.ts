/**
 * The lifetime a token response announces for a token it issued (`expires_in`, `refresh_expires_in`), and its
 * comparison with the token's own `exp - iat` and with `exp` minus the response's arrival, for x-expires-in
 * and x-refresh-expires-in.
 */
import type { Artifact, TokenKind } from '../model.js';
import { numberMember, secondsMember } from './claim-values.js';
import { issuedBy, kindLabel, tokenOfResponse } from './flow-helpers.js';
import type { RuleContext } from './types.js';
import { isNumber, show } from './util.js';

/** A lifetime member of a token response, with the token it describes and that token's times. */
export interface AnnouncedLifetime {
  /** The member, e.g. `expires_in`. */
  name: string;
  /** The member's value in seconds. */
  expiresIn: number;
  token: Artifact;
  exp: number;
  /** Absent when the token has no numeric `iat`. */
  iat?: number;
  /** Unix seconds the response arrived (its `at`, rounded); absent when unknown. */
  arrivedAt?: number;
}

/**
 * The lifetime member `name` of a token response (a number, or a string of digits) with the token of `kind`
 * the response issued (not one it only repeated, see `issuedBy`) and that token's numeric `exp` and `iat`.
 * `undefined` when the member, the token or its `exp` is missing or not numeric. Does not compare anything.
 */
export function announcedLifetime(resp: Artifact, ctx: RuleContext, name: string, kind: TokenKind): AnnouncedLifetime | undefined {
  const expiresIn = secondsMember(resp.claims, name);
  const token = issuedBy(resp, tokenOfResponse(resp, ctx, kind));
  const exp = numberMember(token?.claims, 'exp');
  if (!token || expiresIn === undefined || exp === undefined) return undefined;
  const out: AnnouncedLifetime = { name, expiresIn, token, exp };
  const iat = numberMember(token.claims, 'iat');
  if (iat !== undefined) out.iat = iat;
  if (isNumber(resp.at) && resp.at > 0) out.arrivedAt = Math.round(resp.at / 1000);
  return out;
}

/**
 * The message when the announced lifetime differs by more than `skew` seconds both from the token's own
 * lifetime `exp - iat` and from the time left between the response's arrival and `exp` (some servers backdate
 * `iat`: Entra ID by 5 minutes); `undefined` when either agrees within `skew`, or the token has no `iat`.
 * Does not judge the lifetime itself nor whether the token has expired.
 */
export function lifetimeMismatch(l: AnnouncedLifetime, skew: number): string | undefined {
  if (l.iat === undefined) return undefined;
  const lifetime = l.exp - l.iat;
  const diff = Math.abs(l.expiresIn - lifetime);
  if (diff <= skew) return undefined;
  const left = l.arrivedAt === undefined ? undefined : l.exp - l.arrivedAt;
  const leftDiff = left === undefined ? undefined : Math.abs(l.expiresIn - left);
  if (leftDiff !== undefined && leftDiff <= skew) return undefined;
  const fromArrival = left === undefined || left === lifetime ? '' : `, nor ${left} s from the response's arrival to exp (off by ${leftDiff} s)`;
  return `${l.name} ${show(l.expiresIn)} but the ${kindLabel(l.token)} lives ${lifetime} s (exp ${l.exp} - iat ${l.iat}); they differ by ${diff} s, more than the ${skew} s skew${fromArrival}`;
}
