/**
 * Redacting an analysis for the reports (JSON report, Markdown summary) as the HAR export is redacted, so a shared
 * report carries no token, secret or personal value, and its findings read the same with pseudonyms.
 */
import type { AnalysisResult } from '../analyze.js';
import { createRedactor, newLearned, type Learned, type RedactOptions } from '../har/redact.js';
import { checkSalt } from '../har/redact-hash.js';
import { redactHeaderValue } from '../har/redact-headers.js';
import { nameClass } from '../har/redact-names.js';
import { redactJwtsIn } from '../har/redact-text.js';
import type { Redactor } from '../har/redact-types.js';
import { leftHalfHash } from '../jwt/hashes.js';
import { decodeJwt, looksLikeJwt } from '../jwt/decode.js';
import type { Artifact, ExpiryTimeline, HashCheck, HttpContext, Lifetime } from '../model.js';

/** Shorter replaced values are not searched for in free text: they would match by chance. */
const MIN_SCRUBBED = 4;

/**
 * Replaces, in free text (messages, notes, labels), every personal value and secret replaced elsewhere where it
 * stands as a word of its own (not inside a longer word or number), then any JWT.
 */
function scrubber(r: Redactor): (text: string) => Promise<string> {
  const map = r.replacements();
  const originals = [...map.keys()].filter((k) => k.length >= MIN_SCRUBBED).sort((a, b) => b.length - a.length);
  const re = originals.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${originals.map((o) => o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : undefined;
  return (text) => redactJwtsIn(r, re ? text.replace(re, (m) => map.get(m) ?? m) : text);
}

async function redactRecord(r: Redactor, record: Readonly<Record<string, string>>, each: (name: string, value: string) => Promise<string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) {
    Object.defineProperty(out, name, { value: await each(name, value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

async function redactHttp(r: Redactor, http: HttpContext): Promise<HttpContext> {
  const out: HttpContext = {
    ...http,
    url: await r.url(http.url),
    requestHeaders: await redactRecord(r, http.requestHeaders, (n, v) => redactHeaderValue(r, n, v)),
    responseHeaders: await redactRecord(r, http.responseHeaders, (n, v) => redactHeaderValue(r, n, v)),
  };
  if (http.requestForm) {
    out.requestForm = await redactRecord(r, http.requestForm, (n, v) => r.named(n, v));
  }
  if (http.sources) out.sources = [...http.sources];
  return out;
}

/** A body or parameter text of an artifact, redacted by its shape. */
function redactRaw(r: Redactor, raw: string): Promise<string> {
  const trimmed = raw.trim();
  if (looksLikeJwt(trimmed)) return r.token(trimmed);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return r.json(raw);
  return r.text(raw);
}

/**
 * The artifact with its claims, URLs, headers and forms redacted, and without its raw text and token segments (a
 * report needs neither). A JWS's claims are those of the redacted token, as in a redacted HAR export.
 */
async function redactArtifact(r: Redactor, a: Artifact, rawById: ReadonlyMap<string, string>): Promise<Artifact> {
  const { raw, ...rest } = a;
  const out: Artifact = { ...rest, occurrences: await Promise.all(a.occurrences.map(async (o) => ({ ...o, ...(o.url !== undefined ? { url: await r.url(o.url) } : {}) }))) };
  const redactedRaw = raw === undefined ? undefined : a.jwt ? await r.token(raw) : await redactRaw(r, raw);
  if (a.jwt) {
    const decoded = decodeJwt(redactedRaw ?? '');
    out.jwt = { ...a.jwt, segments: [], problems: a.jwt.problems.map((p) => ({ ...p })) };
    if (a.jwt.header) out.jwt.header = { ...a.jwt.header };
    if (a.jwt.payload) out.jwt.payload = decoded.payload ?? {};
  }
  if (a.claims) {
    const alg = typeof a.jwt?.header?.alg === 'string' ? a.jwt.header.alg : undefined;
    out.claims = a.jwt?.format === 'jws' && out.jwt?.payload ? out.jwt.payload : (JSON.parse(await r.json(JSON.stringify(a.claims), alg ? { alg } : undefined)) as Record<string, unknown>);
  }
  if (a.http) out.http = await redactHttp(r, a.http);
  if (a.signature) out.signature = { ...a.signature };
  if (a.hashes) out.hashes = await Promise.all(a.hashes.map((h) => redactHash(h, out, rawById)));
  if (a.children) out.children = [...a.children];
  return out;
}

/** A hash check as it reads after redaction: `actual` the redacted claim, `expected` over the redacted access token. */
async function redactHash(h: HashCheck, idToken: Artifact, redactedRaw: ReadonlyMap<string, string>): Promise<HashCheck> {
  const out: HashCheck = { ...h, actual: idToken.claims?.[h.claim] };
  const alg = idToken.jwt?.header?.alg;
  const against = h.claim === 'at_hash' ? redactedRaw.get(h.against) : undefined;
  if (against !== undefined && typeof alg === 'string') out.expected = (await leftHalfHash(against, alg)) ?? h.expected;
  return out;
}

/**
 * Every string in a JSON value scrubbed, but for values of known-safe protocol names (a `scope` of "openid profile"
 * keeps its words though a role "profile" was pseudonymised elsewhere; their carriers were redacted by name
 * already); deeper than the engine's JSON cap (64 levels) is left as it is.
 */
async function scrubDeep(value: unknown, scrub: (text: string) => Promise<string>, depth = 0, safe = false): Promise<unknown> {
  if (typeof value === 'string') return safe ? value : scrub(value);
  if (value === null || typeof value !== 'object' || depth > 70) return value;
  if (Array.isArray(value)) return Promise.all(value.map((v) => scrubDeep(v, scrub, depth + 1, safe)));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const kept = safe || nameClass(k) === 'safe' || nameClass(k) === 'keep';
    Object.defineProperty(out, k, { value: await scrubDeep(v, scrub, depth + 1, kept), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The artifact's free text and every string of its claims, URLs, headers and forms scrubbed of replaced values. */
async function scrubArtifact(a: Artifact, scrub: (text: string) => Promise<string>): Promise<void> {
  if (a.claims) a.claims = (await scrubDeep(a.claims, scrub)) as Record<string, unknown>;
  if (a.jwt?.payload) a.jwt.payload = a.claims ?? ((await scrubDeep(a.jwt.payload, scrub)) as Record<string, unknown>);
  if (a.http) a.http = (await scrubDeep(a.http, scrub)) as HttpContext;
  for (const o of a.occurrences) if (o.url !== undefined) o.url = await scrub(o.url);
  if (a.jsonError) a.jsonError = await scrub(a.jsonError);
  if (a.signature?.reason) a.signature.reason = await scrub(a.signature.reason);
  if (a.jwt) for (const p of a.jwt.problems) p.message = await scrub(p.message);
}

/** A timeline with its labels scrubbed; `firstExpiry` and `sessionEnd` stay the lifetimes they were (by value, also after a structured clone). */
async function redactTimeline(t: ExpiryTimeline, scrub: (text: string) => Promise<string>): Promise<ExpiryTimeline> {
  const lifetimes = await Promise.all(t.lifetimes.map(async (l) => ({ ...l, label: await scrub(l.label) })));
  const same = async (l: Lifetime): Promise<Lifetime> => {
    const i = t.lifetimes.findIndex((x) => x === l || (x.artifact === l.artifact && x.source === l.source && x.kind === l.kind && x.expiresAt === l.expiresAt));
    return i >= 0 ? lifetimes[i]! : { ...l, label: await scrub(l.label) };
  };
  const out: ExpiryTimeline = { ...t, lifetimes };
  if (t.firstExpiry) out.firstExpiry = await same(t.firstExpiry);
  if (t.sessionEnd) out.sessionEnd = await same(t.sessionEnd);
  return out;
}

/**
 * A copy of `result` for a shared report, redacted as `redactExchanges` redacts a capture, with one salt: claims,
 * URLs, headers and forms of the artifacts and flow subjects redacted by name (a JWS's claims are those of its
 * redacted token, so equal values stay equal and a sub mismatch still reads as one); raw texts and token segments
 * left out; then, in every string (claims, URLs, messages, notes, labels), each personal value or secret that was
 * replaced anywhere (values under 4 characters are not searched for) replaced the same way, and every JWT redacted. Hash checks are
 * restated over the redacted tokens. Rejects with `RedactSaltError` for a short salt. Does not re-run the analysis,
 * does not mutate `result`, and can't redact a personal value that no claim, parameter or header names as such.
 */
export async function redactAnalysis(result: AnalysisResult, options: RedactOptions): Promise<AnalysisResult> {
  checkSalt(options?.salt);
  const learned: Learned = newLearned();
  for (const a of result.artifacts) {
    if (a.kind === 'access_token' && a.raw) learned.accessTokens.add(a.raw);
    if (a.clientId) learned.clientIds.add(a.clientId);
  }
  for (const f of result.flows) if (f.clientId) learned.clientIds.add(f.clientId);
  // A first pass learns the access tokens and client ids named in claims and forms, as for exchanges.
  const digests = new Map<string, Promise<Uint8Array>>();
  const first = createRedactor(options.salt, learned, digests);
  await Promise.all(result.artifacts.map((a) => redactArtifact(first, a, new Map())));
  const r = createRedactor(options.salt, learned, digests);
  const tokens = await Promise.all(result.artifacts.map(async (a) => [a.id, a.raw !== undefined && a.jwt ? await r.token(a.raw) : a.raw] as const));
  const rawById = new Map(tokens.filter((t): t is readonly [string, string] => t[1] !== undefined));
  const artifacts = await Promise.all(result.artifacts.map((a) => redactArtifact(r, a, rawById)));
  const flows = await Promise.all(result.flows.map(async (f) => ({ ...f, ...(f.subject !== undefined ? { subject: await r.personal(f.subject) } : {}), steps: f.steps.map((s) => ({ ...s })), artifacts: [...f.artifacts] })));
  const scrub = scrubber(r);
  for (const a of artifacts) await scrubArtifact(a, scrub);
  for (const f of flows) {
    f.notes = await Promise.all(f.notes.map(scrub));
    for (const s of f.steps) if (s.note) s.note = await scrub(s.note);
  }
  return {
    artifacts,
    flows,
    timelines: await Promise.all(result.timelines.map((t) => redactTimeline(t, scrub))),
    findings: await Promise.all(result.findings.map(async (f) => ({ ...f, artifacts: [...f.artifacts], message: await scrub(f.message) }))),
    now: result.now,
    unreadable: await Promise.all(result.unreadable.map(async (u) => ({ name: await scrub(u.name), error: await scrub(u.error) }))),
    problems: await Promise.all(result.problems.map(scrub)),
  };
}
