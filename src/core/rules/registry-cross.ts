import { profileCross } from './profile-cross.js';
import type { Rule } from './types.js';
import { xAtSub } from './x-at-sub.js';
import { xClientSub } from './x-client-sub.js';
import { xExpiresIn } from './x-expires-in.js';
import { xHybridIdt } from './x-hybrid-idt.js';
import { xInInactiveOnly } from './x-in-inactive-only.js';
import { xInVsJwt } from './x-in-vs-jwt.js';
import { xIssAzp } from './x-iss-azp.js';
import { xKcCode } from './x-kc-code.js';
import { xKcTyp } from './x-kc-typ.js';
import { xRefreshExpiresIn } from './x-refresh-expires-in.js';
import { xRefreshIdt } from './x-refresh-idt.js';
import { xRefreshScope } from './x-refresh-scope.js';
import { xSession } from './x-session.js';
import { xUiSub } from './x-ui-sub.js';

/** The rules of this group, in catalogue order: section E (across artifacts), then `profile-cross`. */
export const crossRules: Rule[] = [
  xUiSub,
  xAtSub,
  xIssAzp,
  xSession,
  xKcCode,
  xExpiresIn,
  xRefreshExpiresIn,
  xHybridIdt,
  xRefreshIdt,
  xRefreshScope,
  xInInactiveOnly,
  xInVsJwt,
  xClientSub,
  xKcTyp,
  profileCross,
];
