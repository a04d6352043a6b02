import type { ClaimDoc, Profile, ProfileCrossCheck, ProfileTarget } from './types.js';

function listOf<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

/** Parent claims with the child's claims of the same name replaced (whole ClaimDoc), new ones appended. */
function mergeClaims(parent: Profile['claims'], child: Profile['claims']): Profile['claims'] {
  if (typeof parent !== 'object' || parent === null) return child;
  if (typeof child !== 'object' || child === null) return parent;
  const out: Partial<Record<ProfileTarget, ClaimDoc[]>> = {};
  const targets = new Set([...Object.keys(parent), ...Object.keys(child)] as ProfileTarget[]);
  for (const target of targets) {
    const own = listOf(child[target]);
    const names = new Set(own.map((d) => d?.name));
    out[target] = [...listOf(parent[target]).filter((d) => !names.has(d?.name)), ...own];
  }
  return out;
}

function crossKey(c: ProfileCrossCheck): string {
  if (typeof c !== 'object' || c === null) return String(c);
  return `${c.userinfo}\u0000${c.token}\u0000${c.claim}`;
}

function mergeCross(parent: ProfileCrossCheck[] | undefined, child: ProfileCrossCheck[] | undefined): ProfileCrossCheck[] | undefined {
  if (!Array.isArray(parent) || !parent.length) return child;
  if (!Array.isArray(child) || !child.length) return parent;
  const own = new Set(child.map(crossKey));
  return [...parent.filter((c) => !own.has(crossKey(c))), ...child];
}

function mergeNotes(parent: string[] | undefined, child: string[] | undefined): string[] | undefined {
  if (!Array.isArray(parent) || !parent.length) return child;
  if (!Array.isArray(child) || !child.length) return parent;
  return [...new Set([...parent, ...child])];
}

/** The profile and its ancestors, child first; stops at an unknown parent or a cycle and says why. */
function chainOf(profile: Profile, all: readonly Profile[]): { chain: Profile[]; problems: string[] } {
  const chain: Profile[] = [profile];
  const seen = new Set([profile.id]);
  const problems: string[] = [];
  let current = profile;
  while (typeof current.extends === 'string' && current.extends !== '') {
    const parentId = current.extends;
    if (seen.has(parentId)) {
      problems.push(`profile "${current.id}" extends "${parentId}", which closes a cycle; the chain stops there`);
      break;
    }
    const parent = all.find((p) => p?.id === parentId);
    if (!parent) {
      problems.push(`profile "${current.id}" extends "${parentId}", which is not a known profile; resolved without it`);
      break;
    }
    chain.push(parent);
    seen.add(parentId);
    current = parent;
  }
  return { chain, problems };
}

/**
 * The profile with its `extends` chain merged in: parent claims per target with the child's claims of the
 * same name replacing them, severity maps merged (child wins), `keycloak` inherited, cross-checks and notes
 * added up. `id`, `name`, `extends`, `issuers` and `hosts` stay the child's own. An unknown parent or a cycle
 * ends the chain and adds a note. Never throws; does not change its inputs. Resolving twice gives the same profile.
 */
export function resolveProfile(profile: Profile, all: readonly Profile[]): Profile {
  const { chain, problems } = chainOf(profile, all);
  let keycloak: boolean | undefined;
  let severity: Profile['severity'];
  let claims: Profile['claims'];
  let crossChecks: Profile['crossChecks'];
  let notes: Profile['notes'];
  for (const p of [...chain].reverse()) {
    keycloak = p.keycloak ?? keycloak;
    if (typeof p.severity === 'object' && p.severity !== null) severity = { ...severity, ...p.severity };
    claims = mergeClaims(claims, p.claims);
    crossChecks = mergeCross(crossChecks, p.crossChecks);
    notes = mergeNotes(notes, p.notes);
  }
  if (problems.length) notes = mergeNotes(notes, problems);
  const out: Profile = { id: profile.id, name: profile.name };
  if (profile.extends !== undefined) out.extends = profile.extends;
  if (profile.issuers) out.issuers = profile.issuers;
  if (profile.hosts) out.hosts = profile.hosts;
  if (keycloak !== undefined) out.keycloak = keycloak;
  if (severity) out.severity = severity;
  if (claims) out.claims = claims;
  if (crossChecks) out.crossChecks = crossChecks;
  if (notes) out.notes = notes;
  return out;
}
