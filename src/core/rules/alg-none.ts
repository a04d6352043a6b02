import type { Artifact } from '../model.js';
import { artifactsOf, fromTokenEndpoint } from './flow-helpers.js';
import { JWS_KINDS, kindLabel } from './jws-subject.js';
import type { ArtifactRule, RuleContext } from './types.js';
import { audList, show } from './util.js';

/**
 * What the Discovery document of the OP a request object was sent to says of unsigned request objects, by its
 * `request_object_signing_alg_values_supported`: `accepted` when it lists "none", `refused` when it is a list
 * without "none", `unknown` when no such list is known. The OP is the flow's issuer, else the object's `aud`.
 */
function unsignedRequestPolicy(a: Artifact, ctx: RuleContext): 'accepted' | 'refused' | 'unknown' {
  let policy: 'accepted' | 'refused' | 'unknown' = 'unknown';
  for (const iss of [ctx.flowOf(a)?.issuer, ...audList(a.claims?.aud)]) {
    if (typeof iss !== 'string' || iss === '') continue;
    const listed = ctx.discovery(iss)?.request_object_signing_alg_values_supported;
    if (!Array.isArray(listed)) continue;
    if (listed.includes('none')) return 'accepted';
    policy = 'refused';
  }
  return policy;
}

/**
 * True when Core §2 permits an unsigned ID token: it came from the token endpoint, and the flow's response
 * type returns no ID token from the authorization endpoint (code flow, its refreshes, or a hybrid flow
 * without `id_token` in `response_type`).
 */
function unsignedIdTokenMayBeAccepted(a: Artifact, ctx: RuleContext): boolean {
  if (a.kind !== 'id_token') return false;
  if (!fromTokenEndpoint(a)) return false;
  const flow = ctx.flowOf(a);
  if (!flow) return false;
  if (flow.type === 'authorization_code' || flow.type === 'refresh_token') return true;
  if (flow.type !== 'hybrid') return false;
  // The flow's first authorize request, not the one before the token (authorizeRequestFor).
  const responseType = artifactsOf(flow, ctx, 'authorize_request')[0]?.claims?.response_type;
  return typeof responseType === 'string' && !responseType.split(' ').includes('id_token');
}

/**
 * alg-none: the token is unsigned (`alg` "none", or an empty signature segment) (RFC 8725 §2.1, §3.2;
 * RFC 9068 §4). An unsigned ID token from the token endpoint of a code flow is a warning (acceptable only
 * when the client registered `none`); an unsigned request object (a `jwt` with role `request`) is a warning
 * (Core §6.1 allows it; FAPI and RFC 9101 deployments require signing), an info when the OP's Discovery lists
 * "none" in `request_object_signing_alg_values_supported`; everything else, access tokens included, is an error. Does not verify
 * signatures and does not check whether `alg` is registered (alg-present).
 */
export const algNone: ArtifactRule = {
  id: 'alg-none',
  scope: 'artifact',
  kinds: JWS_KINDS,
  check(a, ctx, report) {
    const jwt = a.jwt;
    if (!jwt || jwt.format !== 'jws' || !Array.isArray(jwt.segments)) return;
    const alg = jwt.header?.alg;
    const signature = jwt.segments[2] ?? '';
    const what = kindLabel(a);
    if (alg === 'none' && signature === '') {
      if (a.kind === 'jwt' && a.role === 'request') {
        const policy = unsignedRequestPolicy(a, ctx);
        const refused = policy === 'refused' ? `; the OP's Discovery does not list "none" in request_object_signing_alg_values_supported` : '';
        report({
          severity: policy === 'accepted' ? 'info' : 'warning',
          message: policy === 'accepted'
            ? `request object is unsigned (alg "none"); Core §6.1 allows it and the OP's Discovery lists "none" in request_object_signing_alg_values_supported, but FAPI and RFC 9101 deployments require signed request objects`
            : `request object is unsigned (alg "none"); Core §6.1 allows unsecured request objects, but FAPI and RFC 9101 deployments require them signed${refused}`,
        });
      } else if (unsignedIdTokenMayBeAccepted(a, ctx)) {
        report({ severity: 'warning', message: `${what} from the token endpoint is unsigned (alg "none"): only acceptable if the client registered id_token_signed_response_alg none` });
      } else {
        report({ message: `${what} is unsigned (alg "none"): it must be signed and must be rejected` });
      }
      return;
    }
    if (alg === 'none') {
      report({ message: `${what} has alg "none" but a non-empty signature segment: an unsecured JWS has an empty signature, and nothing here is verified` });
      return;
    }
    if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
      const empty = signature === '' ? ' (and its signature segment is empty)' : '';
      report({ message: `${what} has alg ${show(alg)}, a case variant of "none" that some libraries treat as unsigned${empty}` });
      return;
    }
    if (signature === '') {
      const written = alg === undefined ? 'no alg' : `alg ${show(alg)}`;
      report({ message: `${what} has ${written} but an empty signature segment (a stripped signature)` });
    }
  },
};
