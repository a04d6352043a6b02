import { oidcProfile } from './oidc.js';
import type { ClaimType, ProfileTarget } from './types.js';

/**
 * True when the generic OIDC profile marks the claim required for the target, i.e. a catalogue rule
 * (idt-required, at-9068, ui-sub, in-basics, tr-required) already reports it missing. Does not look at
 * provider profiles.
 */
export function isRequiredByStandard(target: ProfileTarget, name: string): boolean {
  return (oidcProfile.claims?.[target] ?? []).some((g) => g.name === name && g.required === true);
}

// The numericdate rule judges these names in every kind but token responses.
const NUMERIC_DATES = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at']);
// The claim-types rule judges these, with these types, in tokens and in userinfo and introspection answers.
const JWT_TYPES: Readonly<Record<string, ClaimType>> = { sub: 'string', aud: 'string-or-array', amr: 'array', scope: 'string' };
const JWT_TARGETS: readonly ProfileTarget[] = ['id_token', 'access_token', 'refresh_token', 'userinfo', 'introspection'];

/**
 * True when a catalogue rule (numericdate, claim-types, in-basics) already reports a wrong type of this claim as the
 * profile documents it, so profile-claims need not repeat it (a null userinfo `sub` is reported by ui-sub and
 * claim-types, not a third time). False when the profile documents another type
 * than the standard (e.g. BankID's string `amr`). Does not check values.
 */
export function isTypeCheckedByCatalogue(target: ProfileTarget, name: string, type: ClaimType): boolean {
  if (type === 'numericdate' && NUMERIC_DATES.has(name)) return target !== 'token_response';
  if (target === 'introspection' && name === 'active') return type === 'boolean';
  return JWT_TARGETS.includes(target) && JWT_TYPES[name] === type;
}
