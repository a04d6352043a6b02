import { headerOf, JWS_KINDS, kindLabel } from './jws-subject.js';
import type { ArtifactRule } from './types.js';

/** Header parameters that carry or point at a key. */
const KEY_CARRIERS: readonly string[] = ['jku', 'x5u', 'jwk', 'x5c'];

/**
 * key-embedded: the header carries or points at a key (`jku`, `x5u`, `jwk`, `x5c`), which the inspector never
 * fetches or trusts (Core §2; RFC 8725 §3.10). One finding naming all of them. Does not look at the values
 * and does not judge whether the key would have verified the token.
 */
export const keyEmbedded: ArtifactRule = {
  id: 'key-embedded',
  scope: 'artifact',
  kinds: JWS_KINDS,
  check(a, _ctx, report) {
    const header = headerOf(a);
    if (!header || typeof header !== 'object') return;
    const present = KEY_CARRIERS.filter((name) => Object.hasOwn(header, name));
    if (present.length === 0) return;
    const names = present.map((n) => `"${n}"`).join(', ');
    report({ message: `${kindLabel(a)} header has ${names}: not fetched or trusted; keys come only from the issuer's jwks_uri` });
  },
};
