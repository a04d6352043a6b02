import type { ArtifactRule } from './types.js';

/** The claims Core §2 makes REQUIRED in every ID token. */
const REQUIRED: readonly string[] = ['iss', 'sub', 'aud', 'exp', 'iat'];

/**
 * idt-required: the ID token has `iss`, `sub`, `aud`, `exp` and `iat` (Core §2), one finding per missing claim.
 * Does not judge the values' types (claim-types, numericdate do), and reports nothing when the payload could
 * not be decoded (jws-parse does).
 */
export const idtRequired: ArtifactRule = {
  id: 'idt-required',
  scope: 'artifact',
  kinds: ['id_token'],
  check(a, _ctx, report) {
    const claims = a.claims;
    if (!claims) return;
    for (const name of REQUIRED) {
      if (!Object.hasOwn(claims, name)) {
        report({ message: `the ID token has no ${name} claim; Core §2 requires iss, sub, aud, exp and iat`, claim: name });
      }
    }
  },
};
