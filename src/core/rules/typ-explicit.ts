import type { Artifact } from '../model.js';
import type { ArtifactRule, Reporter, RuleContext } from './types.js';
import { isKeycloak, show, urlForMessage } from './util.js';

/** The media types RFC 9068 §2.1 allows for a JWT access token's `typ`, lower-cased. */
const AT_TYPES: readonly string[] = ['at+jwt', 'application/at+jwt'];

function isAtType(typ: unknown): boolean {
  return typeof typ === 'string' && AT_TYPES.includes(typ.toLowerCase());
}

function checkAccessToken(a: Artifact, ctx: RuleContext, report: Reporter): void {
  const header = a.jwt?.header;
  if (a.jwt?.format !== 'jws' || !header || typeof header !== 'object') return;
  const typ = header.typ;
  if (isAtType(typ)) return;
  const keycloak = isKeycloak(ctx, a);
  const written = Object.hasOwn(header, 'typ') ? `header typ is ${show(typ)}` : 'header has no typ';
  const note = keycloak ? " (Keycloak's default is \"JWT\")" : '';
  const message = `access token ${written}, expected "at+jwt" or "application/at+jwt"${note}`;
  report(keycloak ? { severity: 'info', message } : { message });
}

function checkIdToken(a: Artifact, report: Reporter): void {
  const typ = a.jwt?.header?.typ;
  if (isAtType(typ)) {
    report({ severity: 'error', message: `ID token header typ is ${show(typ)}, the type of an access token` });
  }
  const targets = new Set<string>();
  for (const o of a.occurrences) {
    if (!o.location.startsWith('request.header.authorization')) continue;
    targets.add(typeof o.url === 'string' && o.url !== '' ? `a request to ${urlForMessage(o.url)}` : 'a request whose URL was not captured');
  }
  for (const target of targets) {
    report({ severity: 'error', message: `ID token used as a bearer token in the Authorization header of ${target}; ID tokens are not access tokens` });
  }
}

/**
 * typ-explicit: a JWT access token's header `typ` is `at+jwt` (case-insensitive; info under Keycloak, whose
 * default is "JWT"), and an ID token is never sent as a bearer token or typed as an access token
 * (RFC 9068 §2.1, §4; RFC 8725 §3.11). URLs are shown without query or fragment. Does not check the payload `typ` (x-kc-typ) or opaque tokens.
 */
export const typExplicit: ArtifactRule = {
  id: 'typ-explicit',
  scope: 'artifact',
  kinds: ['access_token', 'id_token'],
  check(a, ctx, report) {
    if (a.kind === 'access_token') checkAccessToken(a, ctx, report);
    else checkIdToken(a, report);
  },
};
