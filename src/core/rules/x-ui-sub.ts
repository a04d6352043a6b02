import { sameJson } from './claim-values.js';
import { artifactsOf, idTokenFor } from './flow-helpers.js';
import type { FlowRule } from './types.js';
import { member, show } from './util.js';

/**
 * x-ui-sub: each userinfo `sub` of the flow equals the `sub` of the flow's ID token exactly (Core §5.3.2,
 * §16.11; seed 004). The ID token is the one issued last before the userinfo, else any of the flow.
 * A userinfo without `sub`, or a flow without an ID token `sub`, gives no finding (ui-sub and idt-required
 * report those). Does not compare any other userinfo member.
 */
export const xUiSub: FlowRule = {
  id: 'x-ui-sub',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const ui of artifactsOf(flow, ctx, 'userinfo')) {
      const uiSub = member(ui.claims, 'sub');
      if (uiSub === undefined) continue;
      const idt = idTokenFor(flow, ctx, ui);
      const idSub = member(idt?.claims, 'sub');
      if (!idt || idSub === undefined || sameJson(uiSub, idSub)) continue;
      report({
        message: `userinfo sub ${show(uiSub)} differs from the ID token sub ${show(idSub)}: the userinfo values must not be used (token substitution)`,
        claim: 'sub',
        artifacts: [ui.id, idt.id],
      });
    }
  },
};
