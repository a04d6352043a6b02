import type { ArtifactKind } from '../model.js';
import { BUILTIN_PROFILES } from './registry.js';
import { resolveProfile } from './resolve.js';
import type { ClaimDoc, Profile } from './types.js';

/** Kinds that are JWTs: a profile's `jwt` list (user profiles may have one) applies to each of them. */
const JWT_KINDS: ReadonlySet<ArtifactKind> = new Set(['id_token', 'access_token', 'refresh_token', 'jwt']);

const EMPTY: ReadonlyMap<string, ClaimDoc> = new Map();

/** Lookups run on every render of every token: profiles are data, so each answer is computed once per profile list. */
const cache = new WeakMap<readonly Profile[], Map<string, ReadonlyMap<string, ClaimDoc>>>();

/** The well-formed entries of a claim list from a profile (user profiles may hold anything). */
function docsOf(list: unknown): ClaimDoc[] {
  if (!Array.isArray(list)) return [];
  return list.filter((d): d is ClaimDoc => typeof d === 'object' && d !== null && typeof (d as ClaimDoc).name === 'string');
}

function compute(profileId: string, kind: ArtifactKind, profiles: readonly Profile[]): ReadonlyMap<string, ClaimDoc> {
  const all = [...profiles, ...BUILTIN_PROFILES];
  const found = all.find((p) => p?.id === profileId);
  if (!found) return EMPTY;
  // `jwt` is not a ProfileTarget, but a user profile may carry such a list: read the claims as plain data.
  const claims = (resolveProfile(found, all).claims ?? {}) as Record<string, unknown>;
  const lists = JWT_KINDS.has(kind) && kind !== 'jwt' ? [claims['jwt'], claims[kind]] : [claims[kind]];
  const out = new Map<string, ClaimDoc>();
  for (const list of lists) for (const doc of docsOf(list)) out.set(doc.name, doc);
  return out;
}

/**
 * The claims a provider profile documents for one artifact kind, by name, with the profile's `extends` chain
 * merged in (resolveProfile): for a JWT kind the profile's `jwt` list, if any, then the kind's own list (the
 * kind's entry wins for a name in both). Nested claims stay reachable through each doc's `members`; the map
 * holds the top-level names only. `profiles` is searched first, then the built-ins, as profile selection does.
 * An unknown profile id, or a kind no profile documents (opaque tokens, discovery, authorize requests), gives an
 * empty map. Does not select a profile from an issuer or host (see selectProfile) and does not check any value.
 * The maps are shared between calls: read them, do not change them.
 */
export function claimDocs(profileId: string, kind: ArtifactKind, profiles: readonly Profile[] = BUILTIN_PROFILES): ReadonlyMap<string, ClaimDoc> {
  let byKey = cache.get(profiles);
  if (!byKey) cache.set(profiles, (byKey = new Map()));
  const key = `${profileId}\u0000${kind}`;
  let docs = byKey.get(key);
  if (!docs) byKey.set(key, (docs = compute(profileId, kind, profiles)));
  return docs;
}
