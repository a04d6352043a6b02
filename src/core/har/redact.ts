/** Redaction of captured exchanges for an export that can be shared (issue 4 §3). */
import { leftHalfHash } from '../jwt/hashes.js';
import type { CaptureSource, Exchange, ExchangePart, Header } from '../model.js';
import { redactBody } from './redact-body.js';
import { checkSalt, HASH_PREFIX, hashText, saltedDigest } from './redact-hash.js';
import { redactHeaders } from './redact-headers.js';
import { redactJsonText } from './redact-json.js';
import { redactToken } from './redact-jwt.js';
import { redactForm, redactParamText, redactUrl } from './redact-params.js';
import { pseudonym } from './redact-pseudonym.js';
import { redactFreeText } from './redact-text.js';
import { KnownValues } from './redact-known.js';
import { MASK, type RedactionCounts, type Redactor } from './redact-types.js';
import { redactLoose, redactNamed } from './redact-value.js';

/** Options of {@link redactExchanges}. */
export interface RedactOptions {
  /** A random secret of at least 16 characters, new for every export and never written into it. */
  salt: string;
}

/** The redacted copies and what was done to them. */
export interface RedactedExchanges {
  exchanges: Exchange[];
  counts: RedactionCounts;
  /** What could not be parsed and was therefore redacted whole or left out (one line each). */
  unparsed: string[];
}

function memo<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let hit = map.get(key);
  if (!hit) {
    hit = make();
    map.set(key, hit);
  }
  return hit;
}

/**
 * What a first pass learns for the second: access tokens (for at_hash), client ids (not personal), and every value
 * replaced anywhere (so that the same value is replaced where it travels under a name that would keep it, or in
 * free text).
 */
export interface Learned {
  accessTokens: Set<string>;
  clientIds: Set<string>;
  known: KnownValues;
}

/** An empty {@link Learned}. */
export function newLearned(): Learned {
  return { accessTokens: new Set(), clientIds: new Set(), known: new KnownValues() };
}

/**
 * A {@link Redactor} bound to a salt (not checked here); `digests` may be shared between passes with the same salt,
 * `learned` is what a first pass found (and is added to). For the redaction of exchanges and of analyses alike.
 */
export function createRedactor(salt: string, learned: Learned, digests: Map<string, Promise<Uint8Array>> = new Map()): Redactor {
  const { accessTokens, clientIds, known } = learned;
  // A client id is kept wherever it is (see `personal`), also where a first pass replaced it before it knew.
  for (const id of clientIds) known.delete(id);
  const replaced = new Map<string, string>();
  const note = (original: string, replacement: string) => {
    if (original !== replacement) {
      replaced.set(original, replacement);
      known.add(original, replacement);
    }
    return replacement;
  };
  const seen: Record<keyof RedactionCounts, Set<string>> = {
    masked: new Set(), cookies: new Set(), personal: new Set(), tokens: new Set(), signatures: new Set(), encrypted: new Set(), bodiesLeftOut: new Set(),
  };
  const unparsed = new Set<string>();
  const tokens = new Map<string, Promise<string>>();
  const atHashes = new Map<string, Promise<string | undefined>>();
  const digest = (value: string) => memo(digests, value, () => saltedDigest(salt, value));
  const r: Redactor = {
    hashCore: async (value) => hashText(await digest(value)),
    async hash(value) {
      seen.tokens.add(value);
      const replacement = HASH_PREFIX + hashText(await digest(value));
      known.add(value, replacement);
      return replacement;
    },
    async personal(value) {
      if (clientIds.has(value)) return value;
      seen.personal.add(value);
      return note(value, pseudonym(value, await digest(value)));
    },
    mask(value, cookie) {
      seen[cookie ? 'cookies' : 'masked'].add(value);
      return note(value, MASK);
    },
    token: (raw) => memo(tokens, raw, () => redactToken(r, raw)),
    seenAccessToken: (raw) => void accessTokens.add(raw),
    seenClientId: (value) => void clientIds.add(value),
    async accessTokenFor(atHash, alg) {
      for (const at of accessTokens) {
        if ((await memo(atHashes, `${alg} ${at}`, () => leftHalfHash(at, alg))) === atHash) return at;
      }
      return undefined;
    },
    named: (name, value) => redactNamed(r, name, value),
    loose: (value) => redactLoose(r, value),
    json: (text, jwt) => redactJsonText(r, text, jwt),
    url: (url) => redactUrl(r, url),
    params: (text) => redactParamText(r, text),
    text: async (text, strict) => known.replaceIn(await redactFreeText(r, text, strict)),
    keptOrReplaced: (value) => known.get(value) ?? value,
    record: (kind, value) => void seen[kind].add(value),
    unparsed: (text) => void unparsed.add(text),
    unparsedNotes: () => [...unparsed],
    replacements: () => replaced,
    counts: () => ({
      masked: seen.masked.size, cookies: seen.cookies.size, personal: seen.personal.size, tokens: seen.tokens.size,
      signatures: seen.signatures.size, encrypted: seen.encrypted.size, bodiesLeftOut: seen.bodiesLeftOut.size,
    }),
  };
  return r;
}

/** Exchanges redacted at once: enough to overlap the hashing, few enough that a large capture's garbage stays small. */
const BATCH = 256;

async function inBatches<T, U>(items: readonly T[], each: (item: T) => Promise<U>): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(...(await Promise.all(items.slice(i, i + BATCH).map(each))));
  return out;
}

const contentType = (headers: readonly Header[]) => headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;

function copySeenBy(seenBy: Exchange['seenBy']): Exchange['seenBy'] {
  const out: Partial<Record<ExchangePart, CaptureSource[]>> = {};
  for (const [part, sources] of Object.entries(seenBy) as [ExchangePart, CaptureSource[] | undefined][]) if (sources) out[part] = [...sources];
  return out;
}

async function redactExchange(r: Redactor, ex: Exchange): Promise<Exchange> {
  const notes = ex.notes ? await Promise.all(ex.notes.map((n) => r.text(n))) : [];
  const out: Exchange = {
    id: ex.id,
    method: ex.method,
    url: await r.url(ex.url),
    requestHeaders: await redactHeaders(r, ex.requestHeaders),
    responseHeaders: [],
    startedAt: ex.startedAt,
    seenBy: copySeenBy(ex.seenBy),
  };
  if (ex.requestBody) {
    const b = await redactBody(r, ex.requestBody, contentType(ex.requestHeaders), 'request', ex.id);
    if (b.body) out.requestBody = b.body;
    if (b.note) notes.push(b.note);
  }
  if (ex.requestForm) out.requestForm = await redactForm(r, ex.requestForm);
  if (ex.status !== undefined) out.status = ex.status;
  if (ex.statusText !== undefined) out.statusText = ex.statusText;
  out.responseHeaders = await redactHeaders(r, ex.responseHeaders);
  if (ex.responseBody) {
    const b = await redactBody(r, ex.responseBody, contentType(ex.responseHeaders), 'response', ex.id);
    if (b.body) out.responseBody = b.body;
    if (b.note) notes.push(b.note);
  }
  if (ex.redirectUrl !== undefined) out.redirectUrl = await r.url(ex.redirectUrl);
  if (ex.endedAt !== undefined) out.endedAt = ex.endedAt;
  if (notes.length > 0) out.notes = notes;
  if (ex.keys) out.keys = [...ex.keys];
  return out;
}

/**
 * Deep copies of the exchanges, redacted for sharing (the input is never mutated):
 * - `Authorization` and `Proxy-Authorization` keep the scheme (`Bearer <token redacted>`, `Basic <masked>`),
 *   `Cookie` and `Set-Cookie` values, `client_secret`, `password` and credential headers are masked;
 * - every JWS anywhere (bodies, forms, URL queries and fragments incl. `redirectUrl` and `Location`, headers) loses
 *   its signature (`header.payload.`) and has its personal claims hashed; a JWE is masked but for its header;
 * - opaque tokens (`access_token`, `refresh_token`, `id_token_hint`, ...) become salted hashes so rotations and
 *   reuse still compare; `code` and `code_verifier` are kept (single-use; PKCE and c_hash checks need them);
 * - personal values (sub, names, phone numbers, pin, idCardNumber, birth dates, addresses, emails and the
 *   providers' ids, in JWT payloads and JSON bodies alike) are replaced by value from a salted SHA-256, so equal
 *   values stay equal everywhere (a sub mismatch between ID token and userinfo still shows): `redacted:<hash>`, or
 *   a value of the same format for UUIDs, dates, digits, e-mail addresses and URLs, which the profiles check;
 * - the URL, form and body copies of a value are redacted the same way (`requestForm` matches the body);
 * - base64 bodies are decoded when they are text, else left out with a note.
 * A true at_hash is recomputed over the redacted access token, and a personal-looking value that is a client id
 * (a client's `sub`) is kept (two passes: the first finds the access tokens and client ids).
 * Rejects with `RedactSaltError` for a salt shorter than 16 characters. Does not write the salt anywhere, does not
 * keep or redact what it can't recognise as sensitive (free-form values under other names are kept).
 */
export async function redactExchanges(exchanges: readonly Exchange[], options: RedactOptions): Promise<RedactedExchanges> {
  checkSalt(options?.salt);
  const digests = new Map<string, Promise<Uint8Array>>();
  const learned = newLearned();
  const first = createRedactor(options.salt, learned, digests);
  await inBatches(exchanges, (ex) => redactExchange(first, ex));
  const r = createRedactor(options.salt, learned, digests);
  const out = await inBatches(exchanges, (ex) => redactExchange(r, ex));
  return { exchanges: out, counts: r.counts(), unparsed: r.unparsedNotes() };
}
