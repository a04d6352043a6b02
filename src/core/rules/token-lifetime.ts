/**
 * The lifetime a token response announces for a token it issued (`expires_in`, `refresh_expires_in`), and its
 * comparison with the token's own `exp - iat`, for x-expires-in and x-refresh-expires-in.
 */
import type { Artifact, TokenKind } from '../model.js';
import { numberMember, secondsMember } from './claim-values.js';
import { issuedBy, kindLabel, tokenOfResponse } from './flow-helpers.js';
import type { RuleContext } from './types.js';
import { show } from './util.js';

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
  const iat = numberMember(token.claims, 'iat');
  return iat === undefined ? { name, expiresIn, token, exp } : { name, expiresIn, token, exp, iat };
}

/**
 * The message when the announced lifetime differs from the token's own lifetime `exp - iat` by more than
 * `skew` seconds; `undefined` when they agree within it or the token has no `iat`.
 * Does not judge the lifetime itself nor whether the token has expired.
 */
export function lifetimeMismatch(l: AnnouncedLifetime, skew: number): string | undefined {
  if (l.iat === undefined) return undefined;
  const lifetime = l.exp - l.iat;
  const diff = Math.abs(l.expiresIn - lifetime);
  if (diff <= skew) return undefined;
  return `${l.name} ${show(l.expiresIn)} but the ${kindLabel(l.token)} lives ${lifetime} s (exp ${l.exp} - iat ${l.iat}); they differ by ${diff} s, more than the ${skew} s skew`;
}
