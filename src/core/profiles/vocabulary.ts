import type { Severity } from '../model.js';
import type { ClaimFormat, ClaimType, ProfileTarget, SupportStatus } from './types.js';

// Records keyed by the union types: the compiler fails when a member is added to a type and not here.
const claimTypes: Record<ClaimType, true> = {
  string: true,
  number: true,
  integer: true,
  boolean: true,
  object: true,
  array: true,
  numericdate: true,
  'string-or-array': true,
};
const claimFormats: Record<ClaimFormat, true> = {
  uuid: true,
  url: true,
  'https-url': true,
  date: true,
  digits: true,
  'no-pid': true,
  email: true,
  phone: true,
};
const supportStatuses: Record<SupportStatus, true> = {
  supported: true,
  'must-be-added': true,
  'under-review': true,
  'not-supported': true,
};
const profileTargets: Record<ProfileTarget, true> = {
  id_token: true,
  access_token: true,
  refresh_token: true,
  userinfo: true,
  introspection: true,
  token_response: true,
};
const severities: Record<Severity, true> = { error: true, warning: true, info: true };

/** Every {@link ClaimType}, for validation and the JSON schema. Does not describe what each means (see docs/profiles.md). */
export const CLAIM_TYPES = Object.keys(claimTypes) as readonly ClaimType[];

/** Every {@link ClaimFormat}. Does not check values (see formats.ts). */
export const CLAIM_FORMATS = Object.keys(claimFormats) as readonly ClaimFormat[];

/** Every {@link SupportStatus}. */
export const SUPPORT_STATUSES = Object.keys(supportStatuses) as readonly SupportStatus[];

/** Every {@link ProfileTarget}: the artifact kinds a profile documents claims for. */
export const PROFILE_TARGETS = Object.keys(profileTargets) as readonly ProfileTarget[];

/** Every {@link Severity}. */
export const SEVERITIES = Object.keys(severities) as readonly Severity[];
