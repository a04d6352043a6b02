import type { ArtifactKind, Severity } from '../model.js';

/** The seed document's support status of a claim (001: tick, warning, error). */
export type SupportStatus = 'supported' | 'must-be-added' | 'under-review' | 'not-supported';

export type ClaimType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'numericdate' | 'string-or-array';

/** Value formats a profile can ask of a string claim. */
export type ClaimFormat = 'uuid' | 'url' | 'https-url' | 'date' | 'digits' | 'no-pid' | 'email' | 'phone';

/** The documentation and expectations of one claim under a profile. */
export interface ClaimDoc {
  name: string;
  type: ClaimType;
  format?: ClaimFormat;
  required?: boolean;
  support?: SupportStatus;
  /** One line for the panel and the CLI. */
  description: string;
  /** An exact expected value, e.g. `typ: "Bearer"`. */
  expected?: string | number | boolean;
  /** Where the profile took this from, e.g. "001 Userinfo claims, row nickname". */
  source?: string;
  /** Members of an object claim. */
  members?: ClaimDoc[];
}

/** Which artifacts a claim list applies to. `jwt` lists apply to every JWT of the issuer. */
export type ProfileTarget = Extract<ArtifactKind, 'id_token' | 'access_token' | 'refresh_token' | 'userinfo' | 'introspection' | 'token_response'>;

/** A provider profile: data, never code. Users can load their own as JSON (schema in the README). */
export interface Profile {
  id: string;
  name: string;
  /** Profile this one extends (`oidc` or `keycloak`); its claims and settings apply unless overridden. */
  extends?: string;
  /** Selected when the `iss` equals one of these, or starts with one ending in `/`. */
  issuers?: string[];
  /** Selected for non-JWT artifacts when the endpoint host is one of these. */
  hosts?: string[];
  /** The issuer is a Keycloak server (payload `typ`, `session_state`, realm secrets for refresh tokens). */
  keycloak?: boolean;
  /** Severity changes per rule id. A profile may raise or lower a severity, never remove a rule. */
  severity?: Record<string, Severity>;
  /** Documented claims per artifact kind. */
  claims?: Partial<Record<ProfileTarget, ClaimDoc[]>>;
  /**
   * Provider-specific equalities between a userinfo member and a token claim of the same flow, reported by
   * the `profile-cross` rule (e.g. BirID: userinfo `id` equals the access token `sub`).
   */
  crossChecks?: ProfileCrossCheck[];
  /** Free-form notes about the seed documents (contradictions, defects). */
  notes?: string[];
}

/** One provider-specific equality between userinfo and a token of the same flow. */
export interface ProfileCrossCheck {
  /** Member of the userinfo response. */
  userinfo: string;
  token: 'access_token' | 'id_token';
  /** Claim of that token. */
  claim: string;
  severity?: Severity;
  /** Where the profile took this from. */
  source?: string;
}
