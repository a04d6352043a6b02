import type { ArtifactRule } from './types.js';
import { audList, show } from './util.js';

/**
 * idt-aud: the ID token `aud` contains the client_id (Core §3.1.3.7 step 3). An `aud` of the wrong type
 * contains no client id and fires too. Does not check `azp` (idt-azp), does not report a missing `aud`
 * (idt-required) and says nothing when the client id is unknown.
 */
export const idtAud: ArtifactRule = {
  id: 'idt-aud',
  scope: 'artifact',
  kinds: ['id_token'],
  check(a, ctx, report) {
    const clientId = ctx.clientIdFor(a);
    const claims = a.claims;
    if (typeof clientId !== 'string' || clientId === '' || !claims || !Object.hasOwn(claims, 'aud')) return;
    if (!audList(claims.aud).includes(clientId)) {
      report({ message: `aud ${show(claims.aud)} does not contain the client_id ${show(clientId)}`, claim: 'aud' });
    }
  },
};
