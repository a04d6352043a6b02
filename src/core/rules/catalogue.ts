import type { Severity } from '../model.js';

/** One entry of the rule catalogue (../shared/specs/RULES.md). The ids are public interface. */
export interface RuleInfo {
  id: string;
  /** The catalogue's default severity; rules whose catalogue entry reads "E/W" pick per case. */
  severity: Severity;
  /** What is checked, in one line. */
  title: string;
  /** The spec reference shown with every finding. */
  source: string;
  /** Not in RULES.md: a product extension (documented in the README). */
  extension?: boolean;
}

const E: Severity = 'error';
const W: Severity = 'warning';
const I: Severity = 'info';

const entries: RuleInfo[] = [
  // A. JWT/JWS structure and algorithms
  { id: 'jws-parse', severity: E, title: 'Compact JWS/JWE structure, base64url, JSON header and payload', source: 'RFC 7519 §7.2; RFC 7515 §2; RFC 8725 §3.7' },
  { id: 'jws-dup-names', severity: E, title: 'Duplicate header or claim names', source: 'RFC 7515 §4; RFC 7519 §4' },
  { id: 'alg-present', severity: E, title: '`alg` present, case-sensitive, known; no unknown `crit`', source: 'RFC 7515 §4.1.1, §4.1.11' },
  { id: 'alg-none', severity: E, title: '`alg` none or empty signature', source: 'RFC 8725 §2.1, §3.2; RFC 9068 §4' },
  { id: 'alg-allowlist', severity: E, title: '`alg` in the configured list or Discovery `id_token_signing_alg_values_supported`', source: 'RFC 8725 §3.1; Discovery §3' },
  { id: 'alg-confusion', severity: E, title: 'Key type fits the header `alg`; HS* from an RSA issuer is suspect', source: 'RFC 8725 §2.1, §3.1; Core §3.1.3.7 step 8, §10.1' },
  { id: 'key-kid', severity: E, title: '`kid` selects exactly one key of the JWKS', source: 'Core §10.1, §10.1.1' },
  { id: 'key-embedded', severity: W, title: '`jku`, `x5u`, `jwk` or `x5c` in the header: never fetched or trusted', source: 'Core §2; RFC 8725 §3.10' },
  { id: 'typ-explicit', severity: W, title: 'AT header `typ` is `at+jwt`; an ID token is never a bearer token', source: 'RFC 9068 §2.1, §4; RFC 8725 §3.11' },
  // B. Claims and time
  { id: 'numericdate', severity: E, title: 'Time claims are JSON numbers in seconds', source: 'RFC 7519 §2, §4.1.4-6; Core §2, §5.1' },
  { id: 'exp-passed', severity: E, title: 'Token expired (now >= exp + skew)', source: 'RFC 7519 §4.1.4; Core §3.1.3.7 step 9' },
  { id: 'nbf-future', severity: E, title: 'Token not yet valid (now < nbf - skew)', source: 'RFC 7519 §4.1.5' },
  { id: 'iat-future', severity: W, title: 'Issued in the future (iat > now + skew)', source: 'Core §3.1.3.7 step 10' },
  { id: 'time-order', severity: E, title: 'exp after iat, nbf before exp', source: 'RFC 7519 §4.1' },
  { id: 'auth-time', severity: E, title: '`auth_time` not after iat nor in the future; required with `max_age`', source: 'Core §2, §3.1.3.7 step 13' },
  { id: 'claim-types', severity: E, title: 'Types of `sub`, `aud`, `amr`, `scope`', source: 'Core §2; RFC 7519 §4.1.3; RFC 9068 §2.2.3' },
  // C. ID token, Discovery, JWKS
  { id: 'idt-required', severity: E, title: 'ID token has `iss`, `sub`, `aud`, `exp`, `iat`', source: 'Core §2' },
  { id: 'idt-iss', severity: E, title: '`iss` is https without query and matches Discovery; `jwks_uri` is https', source: 'Core §3.1.3.7 step 2; Discovery §3, §4.3' },
  { id: 'idt-aud', severity: E, title: '`aud` contains the client_id', source: 'Core §3.1.3.7 step 3' },
  { id: 'idt-azp', severity: W, title: '`azp`, if present, equals the client_id', source: 'Core §3.1.3.7 steps 4-5' },
  { id: 'idt-nonce', severity: E, title: '`nonce` equals the authorize request nonce', source: 'Core §3.1.3.7 step 11, §3.2.2.11' },
  { id: 'idt-hashes', severity: E, title: '`at_hash` / `c_hash` match the access token / code', source: 'Core §3.1.3.6, §3.2.2.9-10, §3.3.2.10-11' },
  { id: 'idt-acr', severity: W, title: '`acr` satisfies the requested value', source: 'Core §3.1.3.7 step 12' },
  { id: 'idt-sig', severity: E, title: 'Signature verifies with a key from `jwks_uri`', source: 'Core §3.1.3.7 steps 6-7' },
  // D. Other single artifacts
  { id: 'at-9068', severity: W, title: 'JWT access token has the RFC 9068 claims', source: 'RFC 9068 §2.2' },
  { id: 'at-aud', severity: W, title: 'Access token `aud` names the API being called', source: 'RFC 9068 §4' },
  { id: 'at-in-query', severity: W, title: 'Access token sent in a URL query', source: 'RFC 6750 §2.3; RFC 9700 §4.3.2' },
  { id: 'rt-opaque', severity: I, title: 'Keycloak refresh token keyed with a realm secret: unverifiable', source: 'Keycloak' },
  { id: 'tr-required', severity: E, title: 'Token response has `access_token`, `token_type`, `expires_in` (and `id_token` in OIDC code flow)', source: 'RFC 6749 §5.1; Core §3.1.3.3; seed 002' },
  { id: 'tr-token-type', severity: I, title: '`token_type` compared case-insensitively', source: 'RFC 6749 §5.1; seed 002' },
  { id: 'tr-cache', severity: W, title: 'Token response has `Cache-Control: no-store` and `Pragma: no-cache`', source: 'RFC 6749 §5.1; Core §3.1.3.3' },
  { id: 'ui-sub', severity: E, title: 'Userinfo contains `sub`', source: 'Core §5.3.2' },
  { id: 'ui-signed', severity: E, title: 'Userinfo content type; signed userinfo `iss`, `aud`, signature', source: 'Core §5.3.2, §5.3.4; seed 004' },
  { id: 'in-basics', severity: E, title: 'Introspection `active` is boolean; inactive answered with 200', source: 'RFC 7662 §2.1-2.3' },
  { id: 'pkce', severity: E, title: '`code_verifier` 43-128 unreserved characters; method S256', source: 'RFC 7636 §4.1-4.2; RFC 9700 §2.1.1' },
  // E. Across artifacts
  { id: 'x-ui-sub', severity: E, title: 'Userinfo `sub` equals the ID token `sub`', source: 'Core §5.3.2, §16.11; seed 004' },
  { id: 'x-at-sub', severity: W, title: 'Access and KC refresh token `sub` equal the ID token `sub`', source: 'RFC 9068 §2.2' },
  { id: 'x-iss-azp', severity: E, title: '`iss` and `azp` identical across the tokens of one response', source: 'RFC 8725 §3.8' },
  { id: 'x-session', severity: W, title: '`sid` / `session_state` equal across the tokens and the response', source: 'OIDC Front-Channel Logout §3' },
  { id: 'x-kc-code', severity: I, title: 'Keycloak code `uuid.userSessionId.clientUUID` matches `session_state`', source: 'Keycloak' },
  { id: 'x-expires-in', severity: W, title: '`expires_in` = access token exp - iat', source: 'RFC 6749 §5.1; seed 002' },
  { id: 'x-refresh-expires-in', severity: W, title: '`refresh_expires_in` = refresh token exp - iat', source: 'seed 002' },
  { id: 'x-hybrid-idt', severity: E, title: 'Both hybrid-flow ID tokens have the same `iss` and `sub`', source: 'Core §3.3.3.6' },
  { id: 'x-refresh-idt', severity: E, title: 'Refreshed ID token keeps `iss`, `sub`, `aud`, `auth_time`; new `iat`', source: 'Core §12.2' },
  { id: 'x-refresh-scope', severity: E, title: 'Refreshed scope is a subset of the original', source: 'RFC 6749 §6' },
  { id: 'x-in-inactive-only', severity: W, title: '`active:false` is the only member', source: 'RFC 7662 §2.2; seed 003' },
  { id: 'x-in-vs-jwt', severity: W, title: 'Introspection agrees with the observed JWT', source: 'RFC 7662 §2.2' },
  { id: 'x-client-sub', severity: W, title: '`sub` equals `client_id` where a user id is expected', source: 'RFC 9700 §4.15' },
  { id: 'x-kc-typ', severity: E, title: 'Keycloak payload `typ` matches the artifact role', source: 'Keycloak' },
  // Product extensions, not in RULES.md.
  { id: 'json-parse', severity: E, title: 'Response or file body is valid JSON', source: 'RFC 8259; RFC 6749 §5.1', extension: true },
  { id: 'profile-claims', severity: W, title: 'Claims match the provider profile (type, format, required, support status)', source: 'provider profile', extension: true },
  { id: 'profile-cross', severity: W, title: 'Provider-specific cross-checks between userinfo and tokens', source: 'provider profile', extension: true },
];

/** Every rule id of the catalogue, in catalogue order. */
export const RULE_IDS: readonly string[] = entries.map((e) => e.id);

const byId = new Map(entries.map((e) => [e.id, e]));

/** The catalogue entry of a rule id; `undefined` for an unknown id. Does not throw. */
export function ruleInfo(id: string): RuleInfo | undefined {
  return byId.get(id);
}

/** All catalogue entries, in catalogue order. */
export function allRules(): readonly RuleInfo[] {
  return entries;
}
