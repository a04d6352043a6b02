import type { Artifact, HashCheck } from '../model.js';
import { isJsonObject } from '../util/json-lenient.js';
import { authorizeRequestFor, fromAuthorizationEndpoint, parentsOf } from './flow-helpers.js';
import type { ArtifactRule, RuleContext } from './types.js';
import { show, spaceSeparated } from './util.js';

const WHAT: Record<HashCheck['claim'], string> = { at_hash: 'the access token', c_hash: 'the authorization code' };

/**
 * Which hash claims an authorization-endpoint ID token must carry: from the authorize request's
 * `response_type` (Core §3.2.2.10, §3.3.2.11), else from what the authorize response delivered beside it.
 */
function requiredHashes(a: Artifact, ctx: RuleContext): { claim: HashCheck['claim']; why: string }[] {
  const responseType = authorizeRequestFor(a, ctx)?.claims?.response_type;
  const types = spaceSeparated(responseType);
  const out: { claim: HashCheck['claim']; why: string }[] = [];
  if (types.length > 0) {
    if (types.includes('token')) out.push({ claim: 'at_hash', why: `response_type ${show(responseType)}` });
    if (types.includes('code') && types.includes('id_token')) out.push({ claim: 'c_hash', why: `response_type ${show(responseType)}` });
    return out;
  }
  // The authorize response that delivered the ID token, if one was captured.
  const response = parentsOf(a, ctx).find((p) => p.kind === 'authorize_response')?.claims;
  if (typeof response?.access_token === 'string') out.push({ claim: 'at_hash', why: 'an access token issued with it' });
  if (typeof response?.code === 'string') out.push({ claim: 'c_hash', why: 'a code issued with it' });
  return out;
}

/**
 * idt-hashes: `at_hash` / `c_hash` match the access token / code they were computed over (the comparison is
 * done before the rules run, in `a.hashes`), and an ID token from the authorization endpoint carries the hashes
 * its response type requires (Core §3.1.3.6, §3.2.2.9-10, §3.3.2.10-11). Does not hash anything itself and
 * requires nothing of token-endpoint ID tokens.
 */
export const idtHashes: ArtifactRule = {
  id: 'idt-hashes',
  scope: 'artifact',
  kinds: ['id_token'],
  check(a, ctx, report) {
    if (Array.isArray(a.hashes)) {
      for (const h of a.hashes) {
        if (!isJsonObject(h) || h.ok !== false || (h.claim !== 'at_hash' && h.claim !== 'c_hash')) continue;
        // A missing claim is a matter of required-ness, not a mismatch.
        if (h.actual === undefined) continue;
        report({ message: `${h.claim} ${show(h.actual)} does not match ${WHAT[h.claim]} (expected ${show(h.expected)})`, claim: h.claim });
      }
    }
    const claims = a.claims;
    if (!claims || !fromAuthorizationEndpoint(a)) return;
    for (const { claim, why } of requiredHashes(a, ctx)) {
      if (!Object.hasOwn(claims, claim)) {
        report({ message: `the ID token from the authorization endpoint has no ${claim}; it is required with ${why}`, claim });
      }
    }
  },
};
