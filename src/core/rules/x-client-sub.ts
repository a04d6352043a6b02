import type { Artifact } from '../model.js';
import { stringMember } from './claim-values.js';
import { artifactsOf, grantTypeOf, kindLabel, parentOf } from './flow-helpers.js';
import type { FlowRule, RuleContext } from './types.js';
import { show } from './util.js';

/** The client ids an artifact names or applies to, each with where it came from. */
function clientIds(a: Artifact, ctx: RuleContext): [string, string][] {
  const out: [string, string][] = [];
  for (const name of ['client_id', 'azp']) {
    const v = stringMember(a.claims, name);
    if (v !== undefined) out.push([name, v]);
  }
  const applicable = ctx.clientIdFor(a);
  if (typeof applicable === 'string') out.push(['the client id of the flow', applicable]);
  return out;
}

/** Issued to a client_credentials grant, whatever the flow's type says. */
function fromClientCredentials(a: Artifact, ctx: RuleContext): boolean {
  const parent = parentOf(a, ctx);
  return parent !== undefined && grantTypeOf(parent) === 'client_credentials';
}

/**
 * x-client-sub: outside client_credentials flows, the `sub` of an access token, an ID token or an
 * introspection answer is a user id, so it must not equal the client id (the token's `client_id` or `azp`,
 * or the flow's client id) (RFC 9700 §4.15): a client-credentials token may be standing in for a user's.
 * One warning per artifact. Does not look at opaque tokens, and does not check the form of `sub`.
 */
export const xClientSub: FlowRule = {
  id: 'x-client-sub',
  scope: 'flow',
  check(flow, ctx, report) {
    if (flow.type === 'client_credentials') return;
    for (const a of artifactsOf(flow, ctx, 'access_token', 'id_token', 'introspection')) {
      if (fromClientCredentials(a, ctx)) continue;
      const sub = stringMember(a.claims, 'sub');
      if (!sub) continue;
      const match = clientIds(a, ctx).find(([, id]) => id === sub);
      if (!match) continue;
      report({
        message: `${kindLabel(a)} sub ${show(sub)} equals ${match[0] === 'client_id' || match[0] === 'azp' ? `its ${match[0]}` : match[0]} where a user id is expected; a token issued to the client itself may be standing in for a user's`,
        claim: 'sub',
        artifacts: [a.id],
      });
    }
  },
};
