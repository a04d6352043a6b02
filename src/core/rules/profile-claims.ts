import type { Artifact } from '../model.js';
import { isRequiredByStandard, isTypeCheckedByCatalogue } from '../profiles/catalogue-coverage.js';
import { jsonTypeOf, matchesType, TYPE_TEXT } from '../profiles/claim-type.js';
import { formatText, matchesFormat } from '../profiles/formats.js';
import { BUILTIN_PROFILES } from '../profiles/registry.js';
import { resolveProfile } from '../profiles/resolve.js';
import type { ClaimDoc, Profile, ProfileTarget } from '../profiles/types.js';
import { isJsonObject } from '../util/json-lenient.js';
import { grantTypeOf, parentsOf } from './flow-helpers.js';
import type { ArtifactRule, Reporter, RuleContext } from './types.js';
import { show } from './util.js';

const LABEL: Readonly<Record<ProfileTarget, string>> = {
  id_token: 'ID token',
  access_token: 'access token',
  refresh_token: 'refresh token',
  userinfo: 'userinfo',
  introspection: 'introspection response',
  token_response: 'token response',
};

// Elements of an array claim with `members` that are looked at; the rest are skipped (hostile input may be huge).
const MAX_ELEMENTS = 20;

interface Walk {
  target: ProfileTarget;
  profile: Profile;
  report: Reporter;
  /**
   * A service-account token (issued for a client_credentials grant): the profile documents user tokens, so its
   * required claims and formats (a user's UUID, a phone number) do not apply; types and expected values still do.
   */
  serviceAccount: boolean;
}

/** True for a token that a token response to a `client_credentials` grant issued. */
function isServiceAccountToken(a: Artifact, ctx: RuleContext): boolean {
  if (a.kind !== 'id_token' && a.kind !== 'access_token' && a.kind !== 'refresh_token') return false;
  return parentsOf(a, ctx).some((r) => r.kind === 'token_response' && grantTypeOf(r) === 'client_credentials');
}

const resolved = new WeakMap<Profile, Profile>();

/** The profile with its parents merged in; ctx.profileOf normally gives a resolved one already. */
function resolvedProfile(p: Profile): Profile {
  if (!p.extends) return p;
  let r = resolved.get(p);
  if (!r) {
    r = resolveProfile(p, BUILTIN_PROFILES);
    resolved.set(p, r);
  }
  return r;
}

function where(w: Walk, doc: ClaimDoc): string {
  return `${w.profile.name} profile, ${doc.source ?? 'no source given'}`;
}

/** Scope values are a set of space-delimited tokens: an expected "openid" is met by "openid email". */
function expectedMet(doc: ClaimDoc, value: unknown): boolean {
  const expected = doc.expected;
  if (Array.isArray(value) && doc.type === 'string-or-array') return value.includes(expected);
  if (doc.name === 'scope' && typeof value === 'string' && typeof expected === 'string') {
    const granted = new Set(value.split(' '));
    return expected.split(' ').every((s) => s === '' || granted.has(s));
  }
  return value === expected;
}

/** `an integer 42`, `a string "x"`; just `null` for null (not "null null"). */
function describeValue(value: unknown): string {
  return value === null ? 'null' : `${jsonTypeOf(value)} ${show(value)}`;
}

function describeWrongType(doc: ClaimDoc, value: unknown): string {
  if (doc.type === 'string-or-array' && Array.isArray(value)) return 'an array with entries that are not strings';
  return describeValue(value);
}

function checkValue(w: Walk, doc: ClaimDoc, value: unknown, path: string, depth: number, topLevel: boolean): void {
  const label = LABEL[w.target];
  if (doc.support === 'not-supported') {
    w.report({ severity: 'info', claim: path, message: `${label} ${path} is present, but documented as not supported by ${w.profile.name} (${doc.source ?? 'no source given'})` });
    return;
  }
  const typeKnownElsewhere = topLevel && isTypeCheckedByCatalogue(w.target, doc.name, doc.type);
  if (!matchesType(value, doc.type)) {
    if (!typeKnownElsewhere) {
      w.report({ claim: path, message: `${label} ${path} is ${describeWrongType(doc, value)}, expected ${TYPE_TEXT[doc.type] ?? doc.type} (${where(w, doc)})` });
    }
    return;
  }
  if (doc.format && !w.serviceAccount && !matchesFormat(value, doc.format)) {
    w.report({ claim: path, message: `${label} ${path} ${show(value)} is not ${formatText(doc.format, value)}; documented as "${doc.description}" (${where(w, doc)})` });
  }
  if (doc.expected !== undefined && !expectedMet(doc, value)) {
    const how = doc.name === 'scope' || Array.isArray(value) ? 'does not contain' : 'is not';
    w.report({ claim: path, message: `${label} ${path} ${show(value)} ${how} the expected ${show(doc.expected)} (${where(w, doc)})` });
  }
  if (!doc.members?.length || depth > 8) return;
  if (isJsonObject(value)) {
    walk(w, doc.members, value, `${path}.`, depth + 1);
  } else if (Array.isArray(value)) {
    value.slice(0, MAX_ELEMENTS).forEach((element, i) => {
      const at = `${path}[${i}]`;
      if (isJsonObject(element)) walk(w, doc.members ?? [], element, `${at}.`, depth + 1);
      else w.report({ claim: at, message: `${label} ${at} is ${describeValue(element)}, expected an object (${where(w, doc)})` });
    });
  }
}

function walk(w: Walk, docs: readonly ClaimDoc[], claims: Record<string, unknown>, prefix: string, depth: number): void {
  const topLevel = prefix === '';
  for (const doc of docs) {
    if (!doc || typeof doc.name !== 'string') continue;
    const path = `${prefix}${doc.name}`;
    if (!Object.hasOwn(claims, doc.name) || claims[doc.name] === undefined) {
      const covered = topLevel && isRequiredByStandard(w.target, doc.name);
      const expectedToBeThere = doc.required === true && (doc.support === undefined || doc.support === 'supported');
      if (expectedToBeThere && !covered && !w.serviceAccount) {
        w.report({ claim: path, message: `${LABEL[w.target]} has no ${path}, which the ${w.profile.name} profile requires: "${doc.description}" (${doc.source ?? 'no source given'})` });
      }
      continue;
    }
    checkValue(w, doc, claims[doc.name], path, depth, topLevel);
  }
}

/**
 * profile-claims (product extension): the artifact's claims against the claim list its provider profile
 * documents for its kind: a required claim missing (W; not for claims a catalogue rule already requires, nor
 * for claims marked must-be-added or under review), a wrong type (W; not where numericdate or claim-types
 * judges the same type), a wrong format (W), a value other than the `expected` one (W), a claim documented as
 * not supported present (I); members of object claims and of the objects in array claims likewise. Every
 * message names the profile and the ClaimDoc source. Tokens issued for a client_credentials grant (service
 * accounts) are not held to the required claims and formats, which describe user tokens. Does not report
 * claims the profile does not document, nor token responses with an `error`, nor anything when the claims
 * could not be decoded.
 */
export const profileClaims: ArtifactRule = {
  id: 'profile-claims',
  scope: 'artifact',
  kinds: ['id_token', 'access_token', 'refresh_token', 'userinfo', 'introspection', 'token_response'],
  check(a: Artifact, ctx, report) {
    const claims = a.claims;
    if (!isJsonObject(claims)) return;
    const target = a.kind as ProfileTarget;
    if (!Object.hasOwn(LABEL, target)) return;
    if (target === 'token_response' && Object.hasOwn(claims, 'error')) return;
    const profile = resolvedProfile(ctx.profileOf(a));
    const docs = profile.claims?.[target];
    if (!Array.isArray(docs) || docs.length === 0) return;
    walk({ target, profile, report, serviceAccount: isServiceAccountToken(a, ctx) }, docs, claims, '', 0);
  },
};
