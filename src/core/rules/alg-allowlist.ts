import type { Artifact } from '../model.js';
import { algOf, JWS_KINDS, kindLabel } from './jws-subject.js';
import type { ArtifactRule, RuleContext } from './types.js';
import { isKeycloakRefreshToken, show } from './util.js';

/** Where the allowed algorithms came from, and the list. */
interface Allowed {
  from: string;
  algs: readonly string[];
}

/** The issuer to look Discovery up for: the artifact's, else the token's own `iss`. */
function issuerOf(a: Artifact): string | undefined {
  if (typeof a.issuer === 'string' && a.issuer !== '') return a.issuer;
  const iss = a.claims?.iss;
  return typeof iss === 'string' && iss !== '' ? iss : undefined;
}

/** The Discovery member that lists the algorithms allowed for this artifact, if any applies. */
function discoveryMember(a: Artifact): string | undefined {
  if (a.kind === 'id_token') return 'id_token_signing_alg_values_supported';
  if (a.kind === 'userinfo') return 'userinfo_signing_alg_values_supported';
  return undefined;
}

/**
 * True for a JWT the OP signs for the client to verify: ID and access tokens, signed userinfo, logout tokens, and
 * refresh tokens except Keycloak's (keyed with a realm secret). Client-signed JWTs (`client_assertion`,
 * `request`, `subject_token`, `actor_token`, `assertion`) and other JWTs are not.
 */
function opSigned(a: Artifact, ctx: RuleContext): boolean {
  switch (a.kind) {
    case 'id_token':
    case 'access_token':
    case 'userinfo':
      return true;
    case 'refresh_token':
      return !isKeycloakRefreshToken(a, ctx);
    case 'jwt':
      return a.role === 'logout_token';
    default:
      return false;
  }
}

function allowedFor(a: Artifact, ctx: RuleContext): Allowed | undefined {
  if (Array.isArray(ctx.algAllowlist) && ctx.algAllowlist.length > 0) {
    return opSigned(a, ctx) ? { from: 'the configured allowlist', algs: ctx.algAllowlist } : undefined;
  }
  const member = discoveryMember(a);
  const iss = issuerOf(a);
  if (!member || !iss) return undefined;
  const listed = ctx.discovery(iss)?.[member];
  if (!Array.isArray(listed)) return undefined;
  const algs = listed.filter((x): x is string => typeof x === 'string');
  // An empty list says nothing usable about what the issuer signs with.
  return algs.length > 0 ? { from: `the issuer's Discovery ${member}`, algs } : undefined;
}

/**
 * alg-allowlist: the JWS `alg` of a JWT the OP signed (ID and access tokens, signed userinfo, logout tokens,
 * refresh tokens other than Keycloak's) is in the user's allowlist, or else, for ID tokens and signed userinfo,
 * in the issuer's Discovery `id_token_signing_alg_values_supported` / `userinfo_signing_alg_values_supported`
 * (RFC 8725 §3.1; Discovery §3). No list known: no finding. Client-signed JWTs (client_assertion, request
 * objects, token-exchange tokens) are never checked against the user's list. Does not check JWE algorithms, does not judge a
 * missing or non-string `alg` (alg-present), and does not verify the signature.
 */
export const algAllowlist: ArtifactRule = {
  id: 'alg-allowlist',
  scope: 'artifact',
  kinds: JWS_KINDS,
  check(a, ctx, report) {
    if (a.jwt?.format !== 'jws') return;
    const alg = algOf(a);
    if (alg === undefined) return;
    const allowed = allowedFor(a, ctx);
    if (!allowed || allowed.algs.includes(alg)) return;
    report({ message: `${kindLabel(a)} alg ${show(alg)} is not in ${allowed.from} ${show(allowed.algs)}` });
  },
};
