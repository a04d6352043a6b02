import { createArtifactBuilder } from './classify/builder.js';
import { readDocument, type Document } from './classify/documents.js';
import { extractArtifacts } from './classify/extract.js';
import { urlParts } from './classify/http.js';
import type { CaptureCoverage } from './flows/code-exchange.js';
import { correlate } from './flows/correlate.js';
import { expiryTimeline } from './flows/timeline.js';
import { leftHalfHash, pkceS256 } from './jwt/hashes.js';
import { browserSeenIssuers } from './jwt/fetch-scope.js';
import { createKeyStore, type FetchJson, type KeyStore } from './jwt/key-store.js';
import { verifySignature } from './jwt/verify.js';
import type { Analysis, Artifact, Exchange, Flow, HashCheck } from './model.js';
import { BUILTIN_PROFILES } from './profiles/registry.js';
import { selectProfile } from './profiles/select.js';
import type { Profile } from './profiles/types.js';
import { ALL_RULES } from './rules/registry.js';
import { runRules } from './rules/run.js';
import type { RuleContext } from './rules/types.js';

export interface AnalyzeInput {
  /** Captured or imported HTTP exchanges. */
  exchanges?: readonly Exchange[];
  /** Files or pasted text that are not HAR: raw tokens and single endpoint responses. */
  documents?: readonly Document[];
}

export interface AnalyzeOptions {
  /** Unix seconds. The engine never reads the clock. */
  now: number;
  /** Allowed clock skew in seconds; default 60, clamped to 0..300. */
  skew?: number;
  /** Client ids that apply to every issuer. */
  clientIds?: readonly string[];
  /** Force one profile by id for every artifact. */
  profile?: string;
  /** Extra (user) profiles, selectable like the built-in ones. */
  profiles?: readonly Profile[];
  /** Allowed JWS algorithms; empty: Discovery's list where known. */
  algAllowlist?: readonly string[];
  /** Keys given directly (JWKS values). */
  jwks?: readonly unknown[];
  /** Only with this does the engine ask for discovery and JWKS of observed issuers (never other URLs). */
  fetchJson?: FetchJson;
  /**
   * Which issuers `fetchJson` is asked about. `input` (the default): every issuer of an ID, access, refresh,
   * userinfo or logout token in the input, which the user chose. `browser`, for a live capture, where a page may
   * have forged what the page hook reported (issue 10 §3): only issuers of such tokens that a server's answer
   * brought the browser (jwt/fetch-scope.ts), and a `jwks_uri` only from a discovery document fetched here, on
   * the issuer's origin.
   */
  fetchScope?: 'input' | 'browser';
  /** What a live capture could see (configured domains, pauses), to say why a step is missing; absent for files. */
  capture?: CaptureCoverage;
}

/** Result of {@link analyze}, plus the inputs that could not be read. */
export interface AnalysisResult extends Analysis {
  /** Documents that were neither a token nor readable JSON: `{ name, error }`. */
  unreadable: { name: string; error: string }[];
  /** Exchanges the extractor could not analyse (never expected; kept visible). */
  problems: string[];
}

/** Kinds of token an OP signs with its own keys. */
const ISSUER_SIGNED = new Set(['id_token', 'access_token', 'refresh_token', 'userinfo']);

/**
 * True for a token whose `iss` names an OP whose keys may be looked up and fetched: ID, access and refresh
 * tokens, signed userinfo and logout tokens, unless seen only nested in some other JSON body. Never a
 * client_assertion (its iss is the client), a request object, an id_token_hint or other JWTs.
 */
function issuerSigned(a: Artifact): boolean {
  if (!ISSUER_SIGNED.has(a.kind) && !(a.kind === 'jwt' && a.role === 'logout_token')) return false;
  return a.occurrences.some((o) => !(o.location.startsWith('response.json.') && o.parent === undefined));
}

function hostOf(a: Artifact): string | undefined {
  const url = a.http?.url ?? a.occurrences.find((o) => o.url)?.url;
  return url ? urlParts(url)?.host : undefined;
}

async function verifyAll(artifacts: Artifact[], store: KeyStore): Promise<void> {
  await Promise.all(
    artifacts.map(async (a) => {
      if (!issuerSigned(a) || a.jwt?.format !== 'jws' || !a.raw) return;
      a.signature = await verifySignature(a.raw, a.jwt, a.issuer, store);
    }),
  );
}

/** The S256 challenge of every `code_verifier` the token requests sent, for linking them to their logins. */
async function pkceChallenges(artifacts: readonly Artifact[]): Promise<Map<string, string>> {
  const verifiers = new Set<string>();
  for (const a of artifacts) {
    const v = a.kind === 'token_response' ? a.http?.requestForm?.code_verifier : undefined;
    if (v) verifiers.add(v);
  }
  const pairs = await Promise.all([...verifiers].map(async (v): Promise<[string, string]> => [v, await pkceS256(v)]));
  return new Map(pairs);
}

/**
 * The user-given client id that applies to an artifact: the one its `aud` or `azp` names, else the first.
 * Several ids are given when a capture holds logins of several clients.
 */
function userClientId(a: Artifact, ids: readonly string[] | undefined): string | undefined {
  if (!ids || ids.length === 0) return undefined;
  const aud = a.claims?.aud;
  const named = [...(Array.isArray(aud) ? aud : [aud]), a.claims?.azp, a.claims?.client_id];
  return ids.find((id) => named.includes(id)) ?? ids[0];
}

/** at_hash / c_hash of each ID token against the access token and code it travelled with. */
async function computeHashes(artifacts: Artifact[], flowOf: Map<string, Flow>, byId: Map<string, Artifact>): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const idt of artifacts) {
    if (idt.kind !== 'id_token' || !idt.claims) continue;
    const alg = typeof idt.jwt?.header?.alg === 'string' ? idt.jwt.header.alg : undefined;
    if (!alg) continue;
    const parent = idt.parent ? byId.get(idt.parent) : undefined;
    const flow = flowOf.get(idt.id);
    const check = (claim: HashCheck['claim'], against: string, value: string) =>
      jobs.push(
        leftHalfHash(value, alg).then((expected) => {
          if (expected === undefined) return;
          (idt.hashes ??= []).push({ claim, against, expected, actual: idt.claims?.[claim], ok: idt.claims?.[claim] === expected });
        }),
      );
    if ('at_hash' in idt.claims) {
      const atId = parent?.children?.find((id) => byId.get(id)?.role === 'access_token' || byId.get(id)?.kind === 'access_token');
      const at = atId ? byId.get(atId) : undefined;
      if (at?.raw) check('at_hash', at.id, at.raw);
    }
    if ('c_hash' in idt.claims) {
      // The code is the one the ID token answers: the authorization response that carried it, the code the
      // token request redeemed, else the flow's code.
      const redeemed = parent?.kind === 'token_response' ? parent.http?.requestForm?.code : undefined;
      const carrier =
        (parent?.kind === 'authorize_response' && typeof parent.claims?.code === 'string' ? parent : undefined) ??
        flow?.artifacts.map((id) => byId.get(id)).find((a) => a?.kind === 'authorize_response' && typeof a.claims?.code === 'string' && (redeemed === undefined || a.claims.code === redeemed));
      if (carrier) check('c_hash', carrier.id, carrier.claims!.code as string);
      else if (redeemed && parent) check('c_hash', parent.id, redeemed);
    }
  }
  await Promise.all(jobs);
}

/**
 * The whole analysis: extracts artifacts from exchanges and documents, groups them into flows, selects
 * provider profiles, verifies signatures (with the keys given, observed, or fetched when `fetchJson` is set),
 * computes at_hash/c_hash, runs every rule and builds the expiry timelines at `now`.
 * Never rejects on bad input: malformed tokens and bodies become findings.
 */
export async function analyze(input: AnalyzeInput, options: AnalyzeOptions): Promise<AnalysisResult> {
  const now = options.now;
  const skew = Math.min(300, Math.max(0, options.skew ?? 60));
  const builder = createArtifactBuilder();
  const extraction = extractArtifacts(input.exchanges ?? [], builder);
  const unreadable: AnalysisResult['unreadable'] = [];
  for (const doc of input.documents ?? []) {
    const r = readDocument(builder, doc);
    if (!r.ok) unreadable.push({ name: doc.name, error: r.error });
    else if (r.artifact.kind === 'discovery' && typeof r.artifact.claims?.issuer === 'string') extraction.discovery[r.artifact.claims.issuer] = r.artifact.claims;
  }
  const artifacts = builder.artifacts;
  const byId = new Map(artifacts.map((a) => [a.id, a]));
  const flows = correlate(artifacts, { exchanges: input.exchanges ?? [], pkce: await pkceChallenges(artifacts), ...(options.capture ? { coverage: options.capture } : {}) });
  const profiles = [...(options.profiles ?? []), ...BUILTIN_PROFILES];
  const resolved = new Map<string, Profile>();
  for (const a of artifacts) {
    const p = selectProfile({ issuer: a.issuer, host: hostOf(a) }, profiles, options.profile);
    resolved.set(p.id, p);
    a.profile = p.id;
  }
  for (const f of flows) {
    const lead = f.artifacts.map((id) => byId.get(id)).find((a) => a?.kind === 'id_token') ?? f.artifacts.map((id) => byId.get(id)).find((a) => a?.issuer);
    f.profile = (lead ?? byId.get(f.artifacts[0]!))?.profile ?? f.profile;
  }

  // JWKS documents the user gave as inputs are keys given directly, like options.jwks.
  const jwksFiles = artifacts.filter((a) => a.kind === 'jwks' && a.claims && a.occurrences.some((o) => o.location === 'file')).map((a) => a.claims);
  const fetchableIssuers = options.fetchScope === 'browser' ? browserSeenIssuers(artifacts, input.exchanges ?? [], issuerSigned) : undefined;
  const store = createKeyStore({
    jwks: [...(options.jwks ?? []), ...jwksFiles],
    observedDiscovery: extraction.discovery,
    observedJwks: extraction.jwks,
    ...(options.fetchJson ? { fetchJson: options.fetchJson } : {}),
    ...(fetchableIssuers ? { fetchableIssuers } : {}),
  });
  await verifyAll(artifacts, store);
  const flowOf = new Map<string, Flow>();
  for (const f of flows) for (const id of f.artifacts) flowOf.set(id, f);
  await computeHashes(artifacts, flowOf, byId);
  const discovery: Record<string, Record<string, unknown>> = { ...extraction.discovery };
  if (options.fetchJson) {
    for (const iss of new Set(artifacts.filter(issuerSigned).map((a) => a.issuer).filter((i): i is string => !!i))) {
      const doc = await store.discovery(iss);
      if (doc) discovery[iss] = doc;
    }
  }

  const ctx: RuleContext = {
    now,
    skew,
    clientIds: options.clientIds ?? [],
    algAllowlist: options.algAllowlist ?? [],
    profileOf: (a) => resolved.get(a.profile) ?? selectProfile({}, profiles),
    artifact: (id) => byId.get(id),
    flowOf: (a) => flowOf.get(a.id),
    discovery: (iss) => discovery[iss],
    clientIdFor: (a) => userClientId(a, options.clientIds) ?? a.clientId ?? flowOf.get(a.id)?.clientId,
    artifacts: () => artifacts,
    flows: () => flows,
  };
  const findings = runRules(ALL_RULES, artifacts, flows, ctx);
  const timelines = flows.map((f) => expiryTimeline(f, byId, now));
  return { artifacts, flows, timelines, findings, now, unreadable, problems: extraction.problems };
}
