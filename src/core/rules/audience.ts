/**
 * Whether a token is aimed at the client (or its issuer) or at another resource, judged by its `aud`; for the
 * cross-token rules that should not hold a token for another resource server to the client's expectations.
 */
import type { Artifact } from '../model.js';
import type { RuleContext } from './types.js';
import { audList, member } from './util.js';

/**
 * The string audiences of `token` when none of them is the client id (`ctx.clientIdFor` of the token and of
 * each of `related`) nor one of `issuers`: the token is for another resource (RFC 6749 §1.4). `undefined` when
 * an audience names the client or an issuer, or when the token has no string `aud` to judge by. Does not
 * compare URLs loosely (exact strings only).
 */
export function foreignAudience(token: Artifact, ctx: RuleContext, issuers: readonly unknown[], related: readonly Artifact[] = []): string[] | undefined {
  const aud = audList(member(token.claims, 'aud'));
  if (aud.length === 0) return undefined;
  const ours = new Set<unknown>([ctx.clientIdFor(token), ...related.map((a) => ctx.clientIdFor(a)), ...issuers]);
  ours.delete(undefined);
  return aud.some((x) => ours.has(x)) ? undefined : aud;
}
