import type { ArtifactRule } from './types.js';
import { show } from './util.js';

/**
 * idt-azp: an `azp`, when present, is a string equal to the client_id (Core §3.1.3.7 step 5). A missing `azp`
 * is never reported, not even with several audiences (OIDC Core errata set 2 dropped that expectation from
 * steps 4-5). Does not check that `aud` contains the client id (idt-aud).
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
    }
  },
};
