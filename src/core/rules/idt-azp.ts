import type { ArtifactRule } from './types.js';
import { audList, show } from './util.js';

/**
 * idt-azp: an `azp`, when present, is a string equal to the client_id (Core §3.1.3.7 step 5), and an ID token
 * with several audiences has an `azp` (step 4 SHOULD). Does not check that `aud` contains the client id (idt-aud).
 */
export const idtAzp: ArtifactRule = {
  id: 'idt-azp',
  scope: 'artifact',
  kinds: ['id_token'],
  check(a, ctx, report) {
    const claims = a.claims;
    if (!claims) return;
    const clientId = ctx.clientIdFor(a);
    const known = typeof clientId === 'string' && clientId !== '';
    if (Object.hasOwn(claims, 'azp')) {
      const azp = claims.azp;
      if (typeof azp !== 'string') {
        const expected = known ? `the client_id ${show(clientId)}` : 'the client_id';
        report({ message: `azp ${show(azp)} is not a string; expected ${expected}`, claim: 'azp' });
      } else if (known && azp !== clientId) {
        report({ message: `azp ${show(azp)} is not the client_id ${show(clientId)}`, claim: 'azp' });
      }
      return;
    }
    const audiences = new Set(audList(claims.aud));
    if (audiences.size > 1) {
      report({ message: `aud ${show(claims.aud)} names ${audiences.size} audiences but there is no azp; Core §3.1.3.7 step 4 expects one`, claim: 'azp' });
    }
  },
};
