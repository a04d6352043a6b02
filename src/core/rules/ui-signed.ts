import type { Artifact } from '../model.js';
import { artifactsOf } from './flow-helpers.js';
import type { ArtifactRule, Reporter, RuleContext } from './types.js';
import { audList, hasMember, mediaType, show } from './util.js';

/** The issuer a signed userinfo must name: the flow's ID token `iss`, else the flow's issuer, else the artifact's. */
function expectedIssuer(a: Artifact, ctx: RuleContext): string | undefined {
  const flow = ctx.flowOf(a);
  for (const idt of flow ? artifactsOf(flow, ctx, 'id_token') : []) {
    const iss = idt.claims?.iss;
    if (typeof iss === 'string') return iss;
  }
  const flowIssuer = flow?.issuer;
  if (typeof flowIssuer === 'string') return flowIssuer;
  return typeof a.issuer === 'string' ? a.issuer : undefined;
}

/** The content-type check: JWS/JWE bodies are application/jwt, JSON bodies application/json. */
function checkContentType(a: Artifact, report: Reporter): void {
  const raw = a.http?.responseHeaders?.['content-type'];
  const type = mediaType(raw);
  if (type === undefined) return;
  if (a.jwt !== undefined) {
    if (type !== 'application/jwt') {
      report({ severity: 'warning', message: `signed userinfo served as Content-Type ${show(raw)}; expected application/jwt (Core §5.3.2)` });
    }
  } else if (a.claims !== undefined && type !== 'application/json') {
    report({ severity: 'warning', message: `JSON userinfo served as Content-Type ${show(raw)}; expected application/json (Core §5.3.2)` });
  }
}

/** The checks of a signed userinfo's claims and signature (Core §5.3.2). */
function checkSigned(a: Artifact, claims: Record<string, unknown>, ctx: RuleContext, report: Reporter): void {
  const issuer = expectedIssuer(a, ctx);
  if (!hasMember(claims, 'iss')) {
    report({ severity: 'error', claim: 'iss', message: `signed userinfo has no iss; it must be the issuer${issuer ? ` ${show(issuer)}` : ''}` });
  } else if (issuer !== undefined && claims.iss !== issuer) {
    report({ severity: 'error', claim: 'iss', message: `signed userinfo iss ${show(claims.iss)} is not the issuer ${show(issuer)}` });
  }
  const clientId = ctx.clientIdFor(a);
  if (typeof clientId === 'string') {
    if (!hasMember(claims, 'aud')) {
      report({ severity: 'error', claim: 'aud', message: `signed userinfo has no aud; it must contain the client_id ${show(clientId)}` });
    } else if (!audList(claims.aud).includes(clientId)) {
      report({ severity: 'error', claim: 'aud', message: `signed userinfo aud ${show(claims.aud)} does not contain the client_id ${show(clientId)}` });
    }
  }
  const sig = a.signature;
  const why = typeof sig?.reason === 'string' ? `: ${sig.reason}` : '';
  if (sig?.status === 'invalid') {
    report({ severity: 'error', message: `signed userinfo signature does not verify${sig.alg ? ` (${sig.alg})` : ''}${why}; its values must not be used` });
  } else if (sig?.status === 'no-key') {
    report({ severity: 'warning', message: `signed userinfo signature could not be checked: no key found${sig.kid !== undefined ? ` for kid ${show(sig.kid)}` : ''}${why}` });
  }
}

/**
 * ui-signed: the userinfo Content-Type fits the body (`application/jwt` for a JWS, `application/json` for JSON;
 * parameters ignored; W), and a signed userinfo has `iss` = the issuer (E), an `aud` containing the client_id
 * (E, skipped when the client id is unknown) and a signature that verifies (invalid E, no key W), per Core §5.3.2.
 * Gives no content-type finding when no Content-Type was captured. Does not check `sub` (ui-sub, x-ui-sub),
 * the JWS structure (jws-parse) or `alg` (section A rules).
 */
export const uiSigned: ArtifactRule = {
  id: 'ui-signed',
  scope: 'artifact',
  kinds: ['userinfo'],
  check(a, ctx, report) {
    checkContentType(a, report);
    const claims = a.jwt?.format === 'jws' ? a.claims : undefined;
    if (claims && typeof claims === 'object') checkSigned(a, claims, ctx, report);
  },
};
