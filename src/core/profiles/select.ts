import { BUILTIN_PROFILES } from './registry.js';
import { resolveProfile } from './resolve.js';
import type { Profile } from './types.js';
import { parseUrl } from '../util/url.js';

/** What a profile is selected by: a token's `iss`, or the endpoint host of a non-JWT artifact. */
export interface ProfileSelector {
  issuer?: string;
  /** Host of the endpoint (a port is ignored). */
  host?: string;
}

/** Lower-cased host without a port; `undefined` when empty. */
function normalHost(host: string): string | undefined {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) h = h.slice(0, h.indexOf(']') + 1);
  else h = h.replace(/:\d*$/, '');
  return h === '' ? undefined : h;
}

/** The string entries of a list from a profile (user profiles may hold anything). */
function strings(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

function byIssuer(issuer: string, profiles: readonly Profile[]): Profile | undefined {
  const exact = profiles.find((p) => strings(p?.issuers).includes(issuer));
  if (exact) return exact;
  let best: { profile: Profile; length: number } | undefined;
  for (const p of profiles) {
    if (!p) continue;
    for (const prefix of strings(p.issuers)) {
      if (prefix.endsWith('/') && issuer.startsWith(prefix) && prefix.length > (best?.length ?? 0)) {
        best = { profile: p, length: prefix.length };
      }
    }
  }
  return best?.profile;
}

function byHost(host: string, profiles: readonly Profile[]): Profile | undefined {
  const wanted = normalHost(host);
  if (!wanted) return undefined;
  return profiles.find((p) => strings(p?.hosts).some((h) => normalHost(h) === wanted));
}

/** True when the issuer's path has a `/realms/` segment, as Keycloak issuers do. */
function looksLikeKeycloak(issuer: string): boolean {
  // Not a URL: look at the whole text.
  const path = parseUrl(issuer)?.pathname ?? issuer;
  return path.includes('/realms/');
}

/**
 * The profile for an artifact, resolved (its `extends` chain merged): the forced id when it names a known
 * profile; else the profile listing the exact issuer, or the longest listed issuer ending in "/" that the
 * issuer starts with; else the profile listing the host; else Keycloak when the issuer path contains
 * "/realms/"; else generic OIDC. `profiles` is searched first (put user profiles before the built-ins), then
 * the built-ins. Never throws; does not read the network or guess from token contents.
 */
export function selectProfile(selector: ProfileSelector, profiles: readonly Profile[], forcedId?: string): Profile {
  const all = [...(Array.isArray(profiles) ? profiles : []), ...BUILTIN_PROFILES];
  const issuer = typeof selector?.issuer === 'string' && selector.issuer !== '' ? selector.issuer : undefined;
  const host = typeof selector?.host === 'string' ? selector.host : undefined;
  const found =
    (typeof forcedId === 'string' ? all.find((p) => p?.id === forcedId) : undefined) ??
    (issuer ? byIssuer(issuer, all) : undefined) ??
    (host ? byHost(host, all) : undefined) ??
    (issuer && looksLikeKeycloak(issuer) ? all.find((p) => p?.id === 'keycloak') : undefined) ??
    all.find((p) => p?.id === 'oidc');
  // BUILTIN_PROFILES always holds oidc, so `found` is set; the fallback keeps the type honest.
  return resolvedOnce(found ?? { id: 'oidc', name: 'Generic OpenID Connect' }, all, profiles);
}

/**
 * Resolving merges whole claim lists, and selection runs once per artifact (100,000 times in a large capture):
 * profiles are data, so each is resolved once per set of user profiles and the result shared (read-only).
 */
const resolvedCache = new WeakMap<Profile, Map<string, Profile>>();

function resolvedOnce(found: Profile, all: readonly Profile[], user: readonly Profile[]): Profile {
  const key = Array.isArray(user) ? user.map((p) => p?.id).join('\u0000') : '';
  let byUsers = resolvedCache.get(found);
  if (!byUsers) resolvedCache.set(found, (byUsers = new Map()));
  let r = byUsers.get(key);
  if (!r) {
    r = resolveProfile(found, all);
    byUsers.set(key, r);
  }
  return r;
}
