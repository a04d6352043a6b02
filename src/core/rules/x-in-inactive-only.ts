import { artifactsOf } from './flow-helpers.js';
import type { FlowRule } from './types.js';
import { member, show } from './util.js';

/**
 * x-in-inactive-only: an introspection answer with `active: false` has no other member (RFC 7662 §2.2;
 * seed 003). Names the extra members. Only the boolean `false` counts (in-basics judges other types).
 * Does not look at the HTTP status (in-basics does).
 */
export const xInInactiveOnly: FlowRule = {
  id: 'x-in-inactive-only',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const intro of artifactsOf(flow, ctx, 'introspection')) {
      const claims = intro.claims;
      if (!claims || typeof claims !== 'object' || member(claims, 'active') !== false) continue;
      const others = Object.keys(claims).filter((k) => k !== 'active');
      if (others.length === 0) continue;
      report({
        message: `introspection says active:false but also returns ${others.length === 1 ? 'the member' : `${others.length} members`} ${show(others)}; an inactive answer must contain only "active"`,
        claim: 'active',
        artifacts: [intro.id],
      });
    }
  },
};
