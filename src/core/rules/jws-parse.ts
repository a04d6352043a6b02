import { JWS_KINDS, kindLabel } from './jws-subject.js';
import type { ArtifactRule } from './types.js';
import { show } from './util.js';

/**
 * jws-parse: the compact serialization is well formed (RFC 7519 §7.2; RFC 7515 §2; RFC 8725 §3.7).
 * Reports each `jws-parse` problem the decoder recorded, one finding each. A JWE gets one info finding
 * (its payload is not readable here), never an error. Does not decode anything itself, does not judge
 * `alg` or claims, and says nothing about opaque tokens (they have no `jwt`).
 */
export const jwsParse: ArtifactRule = {
  id: 'jws-parse',
  scope: 'artifact',
  kinds: JWS_KINDS,
  check(a, _ctx, report) {
    const jwt = a.jwt;
    if (!jwt) return;
    const problems = Array.isArray(jwt.problems) ? jwt.problems.filter((p) => p.rule === 'jws-parse') : [];
    if (jwt.format === 'jwe') {
      const header = jwt.header;
      const algEnc = header ? ` (alg ${show(header.alg)}, enc ${show(header.enc)})` : ' (its header could not be decoded)';
      const extra = problems.length > 0 ? `; also: ${problems.map((p) => p.message).join('; ')}` : '';
      report({ severity: 'info', message: `${kindLabel(a)} is encrypted (JWE): header shown, payload not readable here${algEnc}${extra}` });
      return;
    }
    for (const p of problems) {
      report({ message: `malformed ${kindLabel(a)} (${p.part}): ${p.message}` });
    }
  },
};
