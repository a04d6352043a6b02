/** Names of request and response parameters the classifier reads, shared by the extractor and its helpers. */

/** Form fields and query parameters that carry a JWT (a hint, an assertion, a request object, a logout token). */
export const JWT_FIELDS: readonly string[] = ['id_token_hint', 'client_assertion', 'logout_token', 'request', 'subject_token', 'actor_token', 'assertion'];

/** The parameters of an authorization response (RFC 6749 §4.1.2, §4.2.2; OIDC Core §3.2.2.5; RFC 9207 `iss`). */
export const AUTHZ_RESPONSE_PARAMS: readonly string[] = ['code', 'state', 'id_token', 'access_token', 'token_type', 'expires_in', 'error', 'error_description', 'session_state', 'iss', 'scope'];
