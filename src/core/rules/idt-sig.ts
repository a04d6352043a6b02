import type { SignatureCheck } from '../model.js';
import { fromTokenEndpoint } from './flow-helpers.js';
import type { ArtifactRule } from './types.js';
import { show } from './util.js';

/** "with the key "k1" (RS256) from <source>", from whatever the verifier recorded. */
function keyText(sig: SignatureCheck): string {
  const parts: string[] = [];
  if (typeof sig.kid === 'string') parts.push(`the key ${show(sig.kid)}`);
  if (typeof sig.alg === 'string') parts.push(`(${sig.alg})`);
  if (typeof sig.keySource === 'string') parts.push(`from ${sig.keySource}`);
  return parts.length > 0 ? ` with ${parts.join(' ')}` : '';
}

/** Why no key was found, from the verifier's flags and reason. */
function noKeyReason(sig: SignatureCheck): string {
  const reasons: string[] = [];
  if (sig.ambiguous === true) reasons.push('the JWKS has several keys and the header no kid');
  if (sig.unknownKid === true) reasons.push(`the kid ${show(sig.kid)} is not in the JWKS, also after a refetch`);
  if (typeof sig.reason === 'string' && sig.reason !== '') reasons.push(sig.reason);
  return reasons.length > 0 ? `: ${reasons.join('; ')}` : '';
}

/** Words of a `no-key` reason that say the keys could not be fetched or fetching was refused (see key-store). */
const FETCH_FAILURE = /fetching |not fetched|failed/;

/**
 * True for a `no-key` that only says the keys could not be fetched (a network failure or a refused fetch), not
 * that the token names a key the issuer does not have: the signature could not be checked at all.
 */
function fetchFailed(sig: SignatureCheck): boolean {
  return sig.status === 'no-key' && sig.unknownKid !== true && sig.ambiguous !== true && typeof sig.reason === 'string' && FETCH_FAILURE.test(sig.reason);
}

/**
 * idt-sig: the ID token signature verifies with a key from the issuer's `jwks_uri` (Core §3.1.3.7 steps 6-7),
 * from the verification done before the rules run. A failure is an error, or an info when the ID token came
 * straight from the token endpoint, whose TLS the client may rely on instead (step 6). A missing key because the
 * JWKS could not be fetched (or fetching was refused) is a warning: the signature could not be checked. Does not verify anything
 * itself, and says nothing for valid, unverifiable (alg-confusion covers HS*) or unchecked signatures.
 */
export const idtSig: ArtifactRule = {
  id: 'idt-sig',
  scope: 'artifact',
  kinds: ['id_token'],
  check(a, _ctx, report) {
    const sig = a.signature;
    if (!sig || (sig.status !== 'invalid' && sig.status !== 'no-key')) return;
    const tls = fromTokenEndpoint(a);
    const note = tls ? '; the ID token came directly from the token endpoint, so the client may rely on TLS instead (Core §3.1.3.7 step 6)' : '';
    if (fetchFailed(sig)) {
      report({ message: `the signature could not be checked: no key was found${noKeyReason(sig)}${note}`, severity: tls ? 'info' : 'warning' });
      return;
    }
    const message =
      sig.status === 'invalid'
        ? `the signature does not verify${keyText(sig)}${typeof sig.reason === 'string' && sig.reason !== '' ? ` (${sig.reason})` : ''}${note}`
        : `no key was found to verify the signature${noKeyReason(sig)}${note}`;
    report({ message, ...(tls ? { severity: 'info' as const } : {}) });
  },
};
