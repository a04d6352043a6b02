/**
 * The plain, serializable data model shared by the worker, the panel and the CLI.
 * Everything here must survive `structuredClone` and `JSON.stringify`: no classes, no functions, no Maps.
 */

export type Severity = 'error' | 'warning' | 'info';

/** Who saw (part of) an exchange. */
export type CaptureSource =
  | 'webRequest'
  | 'page-hook'
  | 'devtools'
  | 'debugger'
  | 'filterResponseData'
  | 'har'
  | 'file';

/** The parts of an exchange a capture source can see; used in {@link Exchange.seenBy}. */
export type ExchangePart =
  | 'request'
  | 'requestHeaders'
  | 'requestBody'
  | 'status'
  | 'responseHeaders'
  | 'responseBody';

export interface Header {
  name: string;
  value: string;
}

/** A request or response body as captured. */
export interface Body {
  /** The captured text; base64 of the raw bytes when `encoding` is `'base64'`. */
  text: string;
  encoding?: 'base64';
  mimeType?: string;
  /** The source says the body was cut short (or only partly captured). */
  truncated?: boolean;
}

/** One HTTP request and its response, merged from every source that saw it. */
export interface Exchange {
  id: string;
  method: string;
  url: string;
  requestHeaders: Header[];
  /** The raw request body. */
  requestBody?: Body;
  /** The parsed `application/x-www-form-urlencoded` request body (webRequest's `formData`, HAR `postData.params`). */
  requestForm?: Record<string, string[]>;
  /** Absent when no response was seen. */
  status?: number;
  statusText?: string;
  responseHeaders: Header[];
  /** Absent when the body was not captured (which is not the same as an empty body). */
  responseBody?: Body;
  /** The `Location` of a redirect. */
  redirectUrl?: string;
  /** Milliseconds since the epoch. */
  startedAt: number;
  endedAt?: number;
  /** Which capture source saw which part. */
  seenBy: Partial<Record<ExchangePart, CaptureSource[]>>;
  /** What the importer or capture could not get (e.g. "response body not captured"). */
  notes?: string[];
  /** Source-specific request ids merged into this exchange (see `Observation.key`); live capture only. */
  keys?: string[];
}

export type TokenKind = 'id_token' | 'access_token' | 'refresh_token' | 'jwt' | 'opaque_token';

export type ArtifactKind =
  | TokenKind
  | 'token_response'
  | 'userinfo'
  | 'introspection'
  | 'authorize_request'
  | 'authorize_response'
  | 'discovery'
  | 'jwks';

export const TOKEN_KINDS: readonly TokenKind[] = ['id_token', 'access_token', 'refresh_token', 'jwt', 'opaque_token'];

/** One place where an artifact was seen. */
export interface Occurrence {
  exchangeId?: string;
  /** The URL of the request it travelled in (or to, for a redirect). */
  url?: string;
  /**
   * Where the value travelled, as `<part>.<carrier>.<name>`, e.g. `response.json.id_token`,
   * `request.header.authorization`, `request.form.refresh_token`, `url.fragment.id_token`,
   * `url.query.access_token`, `response.body`, `file`.
   */
  location: string;
  /** Milliseconds since the epoch. */
  at: number;
  /** The artifact that carried it (a token response, an authorize response). */
  parent?: string;
}

/** A problem found while decoding a token; reported by the `jws-parse` and `jws-dup-names` rules. */
export interface TokenProblem {
  rule: 'jws-parse' | 'jws-dup-names';
  part: 'token' | 'header' | 'payload' | 'signature';
  message: string;
  /** For jws-dup-names: the duplicated name, dotted for nested objects (`address.country`). */
  name?: string;
}

/** A decoded compact JWS or JWE. Decoding never fails: what went wrong is in `problems`. */
export interface DecodedJwt {
  format: 'jws' | 'jwe' | 'malformed';
  /** The protected header, when it decoded to a JSON object. */
  header?: Record<string, unknown>;
  /** The JWS payload, when it decoded to a JSON object (never for JWE). */
  payload?: Record<string, unknown>;
  /** The compact serialization's segments, as received. */
  segments: string[];
  problems: TokenProblem[];
}

export type SignatureStatus =
  | 'valid'
  | 'invalid'
  /** HS* keyed with a client secret, or a KC refresh token keyed with a realm secret: can't be checked here. */
  | 'unverifiable'
  /** No key found (no JWKS known, unknown kid after a refetch, ambiguous keys). */
  | 'no-key'
  /** Verification was not attempted (no key source configured, or not a JWS). */
  | 'not-checked';

export interface SignatureCheck {
  status: SignatureStatus;
  alg?: string;
  kid?: string;
  /** Where the key came from: `jwks_uri` of the issuer, a JWKS file, an observed JWKS response. */
  keySource?: string;
  /** The JWK `kty` of the key used (RSA, EC, OKP, oct), for alg-confusion. */
  keyType?: string;
  /** The JWKS had several keys and the header no kid. */
  ambiguous?: boolean;
  /** The kid was unknown, also after one refetch. */
  unknownKid?: boolean;
  /** The JWKS for the issuer holds RSA or EC keys (an HS* token from such an issuer is suspect). */
  issuerHasAsymmetricKeys?: boolean;
  reason?: string;
}

/** Result of an at_hash / c_hash comparison, computed before the rules run (hashing is async). */
export interface HashCheck {
  claim: 'at_hash' | 'c_hash';
  /** The artifact (access token) or code value the hash was computed over. */
  against: string;
  expected: string;
  actual: unknown;
  ok: boolean;
}

/** The HTTP context of an artifact that came from a request or response. */
export interface HttpContext {
  method: string;
  url: string;
  status?: number;
  /** Lower-cased header names; repeated headers joined with ", ". */
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  /** The parsed form body of the request, first value of each name. */
  requestForm?: Record<string, string>;
  /** Every capture source that saw a part of the exchange, sorted. */
  sources?: CaptureSource[];
}

/** Something found in the traffic: a token, an endpoint response, an authorization request or response. */
export interface Artifact {
  id: string;
  kind: ArtifactKind;
  /** For kind `jwt`: the name it travelled under (`logout_token`, `client_assertion`, `id_token_hint`, ...). */
  role?: string;
  /** Milliseconds since the epoch of the first occurrence. */
  at: number;
  occurrences: Occurrence[];
  issuer?: string;
  clientId?: string;
  /** Id of the provider profile that applies. */
  profile: string;
  /** The raw token, or the response body text. */
  raw?: string;
  jwt?: DecodedJwt;
  /**
   * The JWT payload, the JSON members of a response, or the parameters of an authorize request or response.
   * Absent when nothing could be decoded.
   */
  claims?: Record<string, unknown>;
  /** Why the body or token could not be read as JSON, when it could not (the text was then repaired if it could be). */
  jsonError?: string;
  /** The capture cut the body short: a JSON error is then the capture's doing, not the server's. */
  truncated?: boolean;
  http?: HttpContext;
  signature?: SignatureCheck;
  hashes?: HashCheck[];
  /** Artifacts this one carried (a token response's tokens). */
  children?: string[];
  parent?: string;
}

/** Kinds of steps on a flow timeline. */
export type FlowStepKind =
  | 'authorize_request'
  | 'authorize_response'
  | 'token'
  | 'refresh'
  | 'userinfo'
  | 'introspection'
  | 'discovery'
  | 'jwks'
  | 'other';

export interface FlowStep {
  kind: FlowStepKind;
  artifact?: string;
  exchangeId?: string;
  at: number;
  status?: number;
  /** False for a step known to have happened server-side (the code exchange of a confidential client). */
  observable: boolean;
  /** Set on a step the engine added because the capture lacks it: it happened on a server, or was not captured. */
  missing?: CodeExchangeGap['status'];
  sources?: CaptureSource[];
  note?: string;
}

export type FlowType =
  | 'authorization_code'
  | 'implicit'
  | 'hybrid'
  | 'refresh_token'
  | 'client_credentials'
  | 'password'
  | 'unknown';

/**
 * Why an authorization code has no token request in the capture: `server-side` when the capture shows the
 * client's server redeemed it (a confidential client), `not-captured` when the browser may well have redeemed it
 * unseen. `reason` says why in words; `configure` names hosts whose configuration would have captured it.
 */
export interface CodeExchangeGap {
  status: 'server-side' | 'not-captured';
  reason: string;
  configure?: string[];
}

/** A login flow: the artifacts of one issuer, client and session in time order. */
export interface Flow {
  id: string;
  issuer?: string;
  clientId?: string;
  sessionId?: string;
  subject?: string;
  profile: string;
  type: FlowType;
  startedAt: number;
  steps: FlowStep[];
  /** Every artifact of the flow, in time order. */
  artifacts: string[];
  /** An authorization code was seen, no token request redeemed it, and the capture shows a server did. */
  serverSideExchange: boolean;
  /** Why a code of this flow has no token request in the capture; absent when every code was redeemed there. */
  codeExchange?: CodeExchangeGap;
  notes: string[];
}

/** One known lifetime in a flow, at a given `now`. All times in seconds since the epoch. */
export interface Lifetime {
  artifact: string;
  kind: 'id_token' | 'access_token' | 'refresh_token' | 'introspection';
  /** What the expiry was read from. */
  source: 'exp' | 'expires_in' | 'refresh_expires_in' | 'refresh_error';
  label: string;
  issuedAt?: number;
  expiresAt: number;
  /** Seconds left at `now`; negative once expired. */
  remaining: number;
}

export interface ExpiryTimeline {
  flow: string;
  now: number;
  lifetimes: Lifetime[];
  /** The expiry that comes first of all. */
  firstExpiry?: Lifetime;
  /**
   * The expiry that ends the session: the refresh token's when there is one (access tokens are renewed
   * until then), else the earliest access or ID token expiry.
   */
  sessionEnd?: Lifetime;
}

/** A finding of a rule. `source` is the spec reference from the rule catalogue. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  artifacts: string[];
  claim?: string;
  source: string;
  flow?: string;
}

/** Everything the engine concluded from one set of inputs. */
export interface Analysis {
  artifacts: Artifact[];
  flows: Flow[];
  timelines: ExpiryTimeline[];
  findings: Finding[];
  /** Unix seconds the analysis was run at. */
  now: number;
}
