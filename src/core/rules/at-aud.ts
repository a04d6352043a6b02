import { parseUrl, type ParsedUrl } from '../util/url.js';
import type { ArtifactRule } from './types.js';
import { audList, hasMember, show, urlForMessage } from './util.js';

/** The audience Keycloak puts in access tokens by default (its account console), not the API's. */
const KEYCLOAK_DEFAULT_AUD = 'account';

/** The parsed URL when `value` is an absolute http(s) URL; `undefined` otherwise. Never throws. */
function httpUrl(value: string): ParsedUrl | undefined {
  const u = parseUrl(value);
  return u && (u.protocol === 'https:' || u.protocol === 'http:') ? u : undefined;
}

/**
 * True when the audience URL names the called URL: the same origin, and the audience's path a prefix of the
 * called path on a segment boundary (`https://api.example/v1` names `https://api.example/v1/data`, not
 * `https://api.example/v1x`; `https://api.example` names `https://api.example/x`, not
 * `https://api.example.evil.io/x`). Query and fragment are ignored.
 */
function audienceMatches(aud: string, called: string): boolean {
  const a = httpUrl(aud);
  const c = httpUrl(called);
  if (a === undefined || c === undefined || a.origin !== c.origin) return false;
  const prefix = a.pathname.replace(/\/+$/, '');
  return prefix === '' || c.pathname === prefix || c.pathname.startsWith(`${prefix}/`);
}

/**
 * at-aud: a JWT access token has an `aud` that names the API it is meant for (RFC 9068 §4). Warns when `aud`
 * is missing, when it is only Keycloak's default `account`, and when the token was sent as a bearer token to a
 * URL that none of its audiences names (same origin and a path prefix on a segment boundary), provided every
 * audience is an absolute http(s) URL. Audiences that are
 * plain names (e.g. `tinfo`) or URNs cannot be compared with a URL and give no finding. Does not check the
 * type of `aud` (claim-types) and ignores opaque access tokens.
 */
export const atAud: ArtifactRule = {
  id: 'at-aud',
  scope: 'artifact',
  kinds: ['access_token'],
  check(a, _ctx, report) {
    const payload = a.jwt?.format === 'jws' ? a.jwt.payload : undefined;
    if (!payload || typeof payload !== 'object') return;
    if (!hasMember(payload, 'aud')) {
      report({ message: 'JWT access token has no aud; RFC 9068 §4 expects it to name the API (resource server) the token is for', claim: 'aud' });
      return;
    }
    const auds = audList(payload.aud);
    if (auds.length === 0) return;
    if (auds.length === 1 && auds[0] === KEYCLOAK_DEFAULT_AUD) {
      report({ message: `aud ${show(payload.aud)} is Keycloak's default 'account', not the API the token is used for; configure an audience mapper for the API`, claim: 'aud' });
      return;
    }
    if (!auds.every((aud) => httpUrl(aud) !== undefined)) return;
    const missed = new Set<string>();
    for (const o of a.occurrences) {
      if (!o.location.startsWith('request.header.authorization') || typeof o.url !== 'string') continue;
      if (!auds.some((aud) => audienceMatches(aud, o.url as string))) missed.add(urlForMessage(o.url));
    }
    if (missed.size === 0) return;
    const urls = [...missed];
    report({
      message: `aud ${show(payload.aud)} does not name the API the token was sent to: ${urls.slice(0, 3).join(', ')}${urls.length > 3 ? ` and ${urls.length - 3} more` : ''}`,
      claim: 'aud',
    });
  },
};
