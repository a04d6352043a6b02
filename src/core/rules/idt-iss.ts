import { httpsUrlProblem } from './idt-url.js';
import type { ArtifactRule } from './types.js';
import { show } from './util.js';

/**
 * idt-iss: `iss` is an https URL without query or fragment (http on a loopback host: info); when the issuer's
 * Discovery document is known, its `issuer` equals `iss` exactly and its `jwks_uri` is https
 * (Core §3.1.3.7 step 2; Discovery §3, §4.3). Does not fetch Discovery, does not report a missing `iss`
 * (idt-required does) and says nothing about Discovery when none is known.
 */
export const idtIss: ArtifactRule = {
  id: 'idt-iss',
  scope: 'artifact',
  kinds: ['id_token'],
  check(a, ctx, report) {
    const claims = a.claims;
    if (!claims || !Object.hasOwn(claims, 'iss')) return;
    const iss = claims.iss;
    const problem = httpsUrlProblem(iss, 'iss');
    if (problem) report({ message: problem.message, claim: 'iss', ...(problem.info ? { severity: 'info' as const } : {}) });
    if (typeof iss !== 'string') return;

    const discovery = ctx.discovery(iss);
    if (!discovery) return;
    if (discovery.issuer !== iss) {
      const has = Object.hasOwn(discovery, 'issuer') ? `has issuer ${show(discovery.issuer)}` : 'has no issuer';
      report({ message: `the Discovery document of ${show(iss)} ${has}; it must equal the ID token iss ${show(iss)} exactly`, claim: 'iss' });
    }
    if (!Object.hasOwn(discovery, 'jwks_uri')) {
      report({ message: `the Discovery document of ${show(iss)} has no jwks_uri; Discovery §3 requires an https jwks_uri`, claim: 'iss' });
      return;
    }
    const jwksProblem = httpsUrlProblem(discovery.jwks_uri, 'the Discovery jwks_uri', { schemeOnly: true });
    if (jwksProblem) report({ message: jwksProblem.message, claim: 'iss', ...(jwksProblem.info ? { severity: 'info' as const } : {}) });
  },
};
