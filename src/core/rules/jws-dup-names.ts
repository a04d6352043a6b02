import { JWS_KINDS, kindLabel } from './jws-subject.js';
import type { ArtifactRule } from './types.js';

/**
 * jws-dup-names: no header or claim name occurs twice in the same object (RFC 7515 §4; RFC 7519 §4).
 * Reports each `jws-dup-names` problem the decoder recorded, with `claim` = the (dotted) name. Does not scan
 * the token itself, and does not say which of the duplicated values a parser would keep.
 */
export const jwsDupNames: ArtifactRule = {
  id: 'jws-dup-names',
  scope: 'artifact',
  kinds: JWS_KINDS,
  check(a, _ctx, report) {
    const problems = a.jwt && Array.isArray(a.jwt.problems) ? a.jwt.problems : [];
    for (const p of problems) {
      if (p.rule !== 'jws-dup-names') continue;
      const name = p.name;
      const message = `${kindLabel(a)}: ${p.message}; JSON parsers disagree on which value wins, so the name must be unique`;
      report(name === undefined ? { message } : { message, claim: name });
    }
  },
};
