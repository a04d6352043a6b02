import type { TokenKind } from '../model.js';
import { artifactsOf, kindLabel } from './flow-helpers.js';
import type { FlowRule } from './types.js';
import { isKeycloak, member, show } from './util.js';

/** The payload `typ` values Keycloak writes per token role. */
const EXPECTED: Partial<Record<TokenKind, readonly string[]>> = {
  id_token: ['ID'],
  access_token: ['Bearer', 'DPoP'],
  refresh_token: ['Refresh', 'Offline'],
};

/**
 * x-kc-typ (Keycloak profiles only): the payload `typ` of an ID, access or refresh token fits the role it was
 * issued in: `ID`, `Bearer` or `DPoP` (a DPoP-bound access token), `Refresh` or `Offline` (case-sensitive). A missing `typ` gives no finding; any
 * other value, of any JSON type, is an error. Does not look at the header `typ` (typ-explicit does) nor at
 * other JWTs.
 */
export const xKcTyp: FlowRule = {
  id: 'x-kc-typ',
  scope: 'flow',
  check(flow, ctx, report) {
    for (const t of artifactsOf(flow, ctx, 'id_token', 'access_token', 'refresh_token')) {
      const expected = EXPECTED[t.kind as TokenKind];
      const typ = member(t.claims, 'typ');
      if (!expected || typ === undefined || !isKeycloak(ctx, t)) continue;
      if (typeof typ === 'string' && expected.includes(typ)) continue;
      report({
        message: `the ${kindLabel(t)}'s Keycloak payload typ ${show(typ)} does not fit its role: expected ${expected.map((e) => show(e)).join(' or ')}`,
        claim: 'typ',
        artifacts: [t.id],
      });
    }
  },
};
