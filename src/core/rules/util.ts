import type { Artifact } from '../model.js';

/** Claim or member names as the catalogue writes them. */
export type Claims = Record<string, unknown>;

/** The claims of an artifact, or an empty object. */
export function claimsOf(a: Artifact): Claims {
  return a.claims ?? {};
}

/** True for a finite JSON number. */
export function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** `aud` as a list: a string becomes one entry; anything else gives the string entries it has. */
export function audList(aud: unknown): string[] {
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud)) return aud.filter((x): x is string => typeof x === 'string');
  return [];
}

/** A claim value for a message: JSON, cut to 80 characters. Never throws. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** True when the artifact travelled in a place matching the prefix, e.g. `request.header.authorization`. */
export function travelledIn(a: Artifact, locationPrefix: string): boolean {
  return a.occurrences.some((o) => o.location.startsWith(locationPrefix));
}
