import { ruleInfo } from '../rules/catalogue.js';
import type { Severity } from '../model.js';
import { isJsonObject, parseJsonLenient } from '../util/json-lenient.js';
import type { ClaimDoc, Profile, ProfileCrossCheck, ProfileTarget } from './types.js';
import { validateClaimDocs } from './validate-claim-doc.js';
import { Problems, enumAt, gotType, objectAt, rejectUnknown, stringAt, stringListAt } from './validate-helpers.js';
import { PROFILE_TARGETS, SEVERITIES } from './vocabulary.js';

const PROFILE_KEYS = ['$schema', 'id', 'name', 'extends', 'issuers', 'hosts', 'keycloak', 'severity', 'claims', 'crossChecks', 'notes'] as const;
const CROSS_KEYS = ['userinfo', 'token', 'claim', 'severity', 'source'] as const;
const CROSS_TOKENS = ['access_token', 'id_token'] as const;

/** Profile ids: 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit. */
export const PROFILE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function checkHost(host: string): string | undefined {
  return /^[A-Za-z0-9.-]+(:\d+)?$/.test(host) || /^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host)
    ? undefined
    : `expected a host name such as id.example.com (no scheme, no path), got ${JSON.stringify(host)}`;
}

function checkIssuer(issuer: string): string | undefined {
  return /^https?:\/\/\S+$/.test(issuer) ? undefined : `expected an http(s) URL, got ${JSON.stringify(issuer)}`;
}

function validateSeverity(obj: Record<string, unknown>, problems: Problems): Record<string, Severity> | undefined {
  const map = objectAt(obj, 'severity', '', problems);
  if (!map) return undefined;
  const out: Record<string, Severity> = {};
  for (const id of Object.keys(map)) {
    if (!ruleInfo(id)) {
      problems.add(`severity.${id}`, 'unknown rule id (see the rule catalogue)');
      continue;
    }
    const s = enumAt(map, id, SEVERITIES, 'severity', problems);
    if (s) out[id] = s;
  }
  return out;
}

function validateClaims(obj: Record<string, unknown>, problems: Problems): Profile['claims'] {
  const map = objectAt(obj, 'claims', '', problems);
  if (!map) return undefined;
  const out: Partial<Record<ProfileTarget, ClaimDoc[]>> = {};
  for (const key of Object.keys(map)) {
    if (!(PROFILE_TARGETS as readonly string[]).includes(key)) {
      problems.add(`claims.${key}`, `unknown artifact kind; expected one of ${PROFILE_TARGETS.join(', ')}`);
      continue;
    }
    const docs = validateClaimDocs(map[key], `claims.${key}`, problems);
    if (docs) out[key as ProfileTarget] = docs;
  }
  return out;
}

function validateCross(obj: Record<string, unknown>, problems: Problems): ProfileCrossCheck[] | undefined {
  if (!Object.hasOwn(obj, 'crossChecks')) return undefined;
  const list = obj.crossChecks;
  if (!Array.isArray(list)) {
    problems.add('crossChecks', `expected an array, got ${gotType(list)}`);
    return undefined;
  }
  const out: ProfileCrossCheck[] = [];
  list.forEach((entry, i) => {
    const path = `crossChecks[${i}]`;
    if (!isJsonObject(entry)) {
      problems.add(path, `expected an object { userinfo, token, claim }, got ${gotType(entry)}`);
      return;
    }
    rejectUnknown(entry, CROSS_KEYS, path, problems);
    const userinfo = stringAt(entry, 'userinfo', path, problems, true);
    const token = enumAt(entry, 'token', CROSS_TOKENS, path, problems, true);
    const claim = stringAt(entry, 'claim', path, problems, true);
    const severity = enumAt(entry, 'severity', SEVERITIES, path, problems);
    const source = stringAt(entry, 'source', path, problems);
    if (userinfo === undefined || token === undefined || claim === undefined) return;
    const c: ProfileCrossCheck = { userinfo, token, claim };
    if (severity) c.severity = severity;
    if (source !== undefined) c.source = source;
    out.push(c);
  });
  return out;
}

function validateProfile(value: unknown, problems: Problems): Profile | undefined {
  if (!isJsonObject(value)) {
    problems.add('', `a profile must be a JSON object, got ${gotType(value)}`);
    return undefined;
  }
  rejectUnknown(value, PROFILE_KEYS, '', problems);
  const id = stringAt(value, 'id', '', problems, true);
  if (id !== undefined && !PROFILE_ID_PATTERN.test(id)) {
    problems.add('id', `expected 1-64 letters, digits, ".", "_" or "-" starting with a letter or digit, got ${JSON.stringify(id)}`);
  }
  const name = stringAt(value, 'name', '', problems);
  const parent = stringAt(value, 'extends', '', problems);
  if (parent !== undefined && id !== undefined && parent === id) problems.add('extends', 'a profile cannot extend itself');
  const issuers = stringListAt(value, 'issuers', '', problems, checkIssuer);
  const hosts = stringListAt(value, 'hosts', '', problems, checkHost);
  let keycloak: boolean | undefined;
  if (Object.hasOwn(value, 'keycloak')) {
    if (typeof value.keycloak === 'boolean') keycloak = value.keycloak;
    else problems.add('keycloak', `expected true or false, got ${gotType(value.keycloak)}`);
  }
  const severity = validateSeverity(value, problems);
  const claims = validateClaims(value, problems);
  const crossChecks = validateCross(value, problems);
  const notes = stringListAt(value, 'notes', '', problems);
  if (id === undefined || problems.list.length > 0) return undefined;
  const profile: Profile = { id, name: name !== undefined && name !== '' ? name : id };
  if (parent !== undefined) profile.extends = parent;
  if (issuers) profile.issuers = issuers;
  if (hosts) profile.hosts = hosts;
  if (keycloak !== undefined) profile.keycloak = keycloak;
  if (severity) profile.severity = severity;
  if (claims) profile.claims = claims;
  if (crossChecks) profile.crossChecks = crossChecks;
  if (notes) profile.notes = notes;
  return profile;
}

/**
 * Parses and validates a user-supplied profile (JSON text, schema in docs/profile.schema.json) by hand:
 * returns the clean profile, or every problem found with its path, e.g.
 * `claims.userinfo[2].type: expected one of string, number, ...`. Unknown properties, unknown rule ids and
 * unknown artifact kinds are errors (typos would otherwise be ignored). `name` defaults to the id. Never
 * throws. Does not resolve `extends` (see resolveProfile) nor check that the parent exists.
 */
export function parseUserProfile(text: string): { profile: Profile } | { errors: string[] } {
  if (typeof text !== 'string') return { errors: [`expected JSON text, got ${gotType(text)}`] };
  const parsed = parseJsonLenient(text);
  if (parsed.error !== undefined) return { errors: [`not valid JSON: ${parsed.error}`] };
  const problems = new Problems();
  const profile = validateProfile(parsed.value, problems);
  if (!profile) return { errors: problems.list.length ? problems.list : ['not a valid profile'] };
  return { profile };
}
