import type { Artifact } from '../model.js';
import { isJsonObject } from '../util/json-lenient.js';
import { authorizeRequestFor } from './flow-helpers.js';
import type { ArtifactRule } from './types.js';
import { show, spaceSeparated } from './util.js';

/** What the authorize request asked of `acr`. */
interface AcrRequest {
  values: string[];
  essential: boolean;
}

/** The `id_token.acr` member of the `claims` request parameter (Core §5.5, §5.5.1.1), if it asks for acr. */
function acrFromClaimsParam(param: unknown): AcrRequest | undefined {
  let parsed: unknown = param;
  if (typeof param === 'string') {
    try {
      parsed = JSON.parse(param);
    } catch {
      // An unreadable claims parameter asks for nothing we can check against.
      return undefined;
    }
  }
  if (!isJsonObject(parsed) || !isJsonObject(parsed.id_token) || !Object.hasOwn(parsed.id_token, 'acr')) return undefined;
  const acr = parsed.id_token.acr;
  // `"acr": null` requests the claim with default behaviour.
  if (!isJsonObject(acr)) return { values: [], essential: false };
  const values: string[] = [];
  if (typeof acr.value === 'string') values.push(acr.value);
  if (Array.isArray(acr.values)) values.push(...acr.values.filter((v): v is string => typeof v === 'string'));
  return { values, essential: acr.essential === true };
}

/** The acr the authorize request asked for, from `acr_values` and the `claims` parameter; `undefined` if none. */
function requestedAcr(request: Artifact | undefined): AcrRequest | undefined {
  const params = request?.claims;
  if (!params) return undefined;
  const fromValues = spaceSeparated(params.acr_values);
  const fromClaims = acrFromClaimsParam(params.claims);
  if (fromValues.length === 0 && !fromClaims) return undefined;
  return { values: [...new Set([...fromValues, ...(fromClaims?.values ?? [])])], essential: fromClaims?.essential ?? false };
}

/**
 * idt-acr: when the authorize request asked for an `acr` (`acr_values`, or `id_token.acr` in the `claims`
 * parameter), the ID token has one and it is among the requested values (Core §3.1.3.7 step 12). Does not rank
 * acr values (a higher level than requested still warns) and says nothing when no acr was requested.
 */
export const idtAcr: ArtifactRule = {
  id: 'idt-acr',
  scope: 'artifact',
  kinds: ['id_token'],
  check(a, ctx, report) {
    const claims = a.claims;
    if (!claims) return;
    const requested = requestedAcr(authorizeRequestFor(a, ctx));
    if (!requested) return;
    const how = `${requested.essential ? 'as essential ' : ''}${requested.values.length > 0 ? show(requested.values) : '(any value)'}`;
    if (!Object.hasOwn(claims, 'acr')) {
      report({ message: `the ID token has no acr, but the authorize request asked for acr ${how}`, claim: 'acr' });
      return;
    }
    const acr = claims.acr;
    if (typeof acr !== 'string') {
      report({ message: `acr ${show(acr)} is not a string; the authorize request asked for ${how}`, claim: 'acr' });
      return;
    }
    if (requested.values.length > 0 && !requested.values.includes(acr)) {
      report({ message: `acr ${show(acr)} is not among the requested values ${show(requested.values)}`, claim: 'acr' });
    }
  },
};
