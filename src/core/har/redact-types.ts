/** The pieces of redaction call each other through this interface (built in redact.ts), so no module imports another's cycle. */

/** What replaces a secret: passwords, client secrets, cookie values, credentials that are not tokens. */
export const MASK = '<masked>';

/** How many distinct values redaction replaced, by what it did to them. */
export interface RedactionCounts {
  /** Secrets masked: passwords, client secrets, credentials that are not tokens (cookie values are counted apart). */
  masked: number;
  /** Cookie values masked (`Cookie`, `Set-Cookie`). */
  cookies: number;
  /** Personal values (sub, names, phone numbers, ids, birth dates, addresses, emails) replaced by salted hashes. */
  personal: number;
  /** Opaque tokens replaced by salted hashes. */
  tokens: number;
  /** JWS whose signature was stripped (and personal claims hashed). */
  signatures: number;
  /** JWE masked (all but the protected header). */
  encrypted: number;
  /** Bodies left out because they were not text. */
  bodiesLeftOut: number;
}

/** What a JWS payload's redaction needs to keep a true `at_hash` true. */
export interface JwtContext {
  /** The JWS `alg`, which names the at_hash digest. */
  alg?: string;
}

/** The redaction operations, bound to one salt and one set of counts. Every method resolves to the replacement text. */
export interface Redactor {
  /** `redacted:<hash>` of an opaque token (or of anything else that has no better replacement), counted as a token. */
  hash(value: string): Promise<string>;
  /** The bare hash (base64url characters only), for places that must stay base64url; counts nothing. */
  hashCore(value: string): Promise<string>;
  /**
   * The format-keeping replacement of a personal value (see `pseudonym`), counted as personal. A value that is a
   * client id seen in the capture is kept: a `sub` equal to the client id is a client's token, not a person.
   */
  personal(value: string): Promise<string>;
  /**
   * `value` itself, or what replaced the same value elsewhere in the capture (a mask, a hash, a pseudonym), for
   * values kept by their name or place. Values under 8 characters are returned as they are.
   */
  keptOrReplaced(value: string): string;
  /** Remembers a client id (`client_id`, `azp`, the user of Basic client authentication). */
  seenClientId(value: string): void;
  /** {@link MASK}, counting the value (as a cookie when `cookie` is set). */
  mask(value: string, cookie?: boolean): string;
  /** A token: a JWS stripped of its signature with personal claims hashed, a JWE masked, else hashed. Memoised. */
  token(raw: string): Promise<string>;
  /** Remembers an access token, so that an ID token's at_hash over it can be recomputed after redaction. */
  seenAccessToken(raw: string): void;
  /** The remembered access token whose at_hash under `alg` is `atHash`, if any. */
  accessTokenFor(atHash: string, alg: string): Promise<string | undefined>;
  /** A value by the name it travels under (parameter, member, claim). */
  named(name: string, value: string): Promise<string>;
  /** A value whose name says nothing: JWTs in it are redacted, URLs have their parameters redacted. */
  loose(value: string): Promise<string>;
  /** JSON text, redacted in place; `jwt` when it is a JWS payload. */
  json(text: string, jwt?: JwtContext): Promise<string>;
  /** An absolute or relative URL: query and fragment parameters, JWTs in the path. */
  url(url: string): Promise<string>;
  /** `application/x-www-form-urlencoded` text (a form body, a query, a fragment). */
  params(text: string): Promise<string>;
  /**
   * Text of unknown shape (HTML, scripts, plain text): JWTs, URLs, e-mail addresses, credentials, form inputs, and
   * `name=value`, `name: value` and JSON member pairs; `strict` (plain-text bodies) pseudonymises pairs of unknown names.
   */
  text(text: string, strict?: boolean): Promise<string>;
  /**
   * The personal values and secrets replaced so far, and what replaced them; not tokens (free text is searched for
   * those by their shape, and there may be thousands).
   */
  replacements(): ReadonlyMap<string, string>;
  /** Counts `value` (once, however often it is recorded) under `kind`. */
  record(kind: keyof RedactionCounts, value: string): void;
  /** Notes that a carrier could not be parsed (a broken multipart body, a base64 text that is not text), once per note. */
  unparsed(note: string): void;
  /** The notes of {@link Redactor.unparsed}, in the order first made. */
  unparsedNotes(): string[];
  /** The counts so far. */
  counts(): RedactionCounts;
}
