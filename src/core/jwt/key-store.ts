import type { JWK } from 'jose';
import { isJsonObject } from '../util/json-lenient.js';

/**
 * Fetches a URL and returns its parsed JSON body. Injected by the shell (CLI, worker): the engine never
 * touches the network itself. Throws (or rejects) on any failure.
 */
export type FetchJson = (url: string) => Promise<unknown>;

/** A set of keys for an issuer and where they came from. */
export interface IssuerKeys {
  keys: JWK[];
  /** e.g. "jwks_uri https://.../certs", "JWKS file", "observed JWKS response". */
  source: string;
}

export interface KeyStoreOptions {
  /** Keys given directly (a JWKS file): tried for every issuer, before anything else. */
  jwks?: unknown[];
  /** Discovery documents seen in the traffic, by issuer. */
  observedDiscovery?: Record<string, Record<string, unknown>>;
  /** JWKS responses seen in the traffic, by URL. */
  observedJwks?: Record<string, unknown>;
  /** Only with this does the store fetch discovery and JWKS of observed issuers. */
  fetchJson?: FetchJson;
}

export interface KeyStore {
  /** The discovery document of an issuer: observed, else fetched (when fetching is on). Never rejects. */
  discovery(issuer: string): Promise<Record<string, unknown> | undefined>;
  /**
   * The keys for an issuer. With `refresh`, fetches the JWKS again (once per issuer: the "unknown kid"
   * refetch of Core §10.1.1). Never rejects; `undefined` when no key source is known.
   */
  keys(issuer: string, refresh?: boolean): Promise<IssuerKeys | undefined>;
  /** Why the keys of an issuer could not be had, when they could not. */
  failure(issuer: string): string | undefined;
}

/** The keys of a JWKS value, keeping only JWK-shaped members. */
export function jwksKeys(value: unknown): JWK[] {
  if (!isJsonObject(value) || !Array.isArray(value.keys)) return [];
  return value.keys.filter((k): k is JWK => isJsonObject(k) && typeof k.kty === 'string');
}

function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

/**
 * A per-issuer cache of discovery documents and JWKS. Offers keys given directly first, then the issuer's own:
 * observed in the traffic, else (only when `fetchJson` is given) fetched from its discovery document's `jwks_uri`.
 * Does not validate the discovery document (the idt-iss rule does) and never fetches a URL found in a token.
 */
export function createKeyStore(options: KeyStoreOptions = {}): KeyStore {
  const given = (options.jwks ?? []).flatMap(jwksKeys);
  const discoveries = new Map<string, Promise<Record<string, unknown> | undefined>>();
  const keySets = new Map<string, Promise<IssuerKeys | undefined>>();
  const refetched = new Set<string>();
  const failures = new Map<string, string>();

  const discovery = (issuer: string) => {
    let p = discoveries.get(issuer);
    if (!p) {
      p = (async () => {
        const observed = options.observedDiscovery;
        if (observed && Object.hasOwn(observed, issuer)) return observed[issuer];
        if (!options.fetchJson) return undefined;
        const url = discoveryUrl(issuer);
        try {
          const doc = await options.fetchJson(url);
          if (isJsonObject(doc)) return doc;
          failures.set(issuer, `the discovery document at ${url} is not a JSON object`);
        } catch (err) {
          failures.set(issuer, `fetching ${url} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
        return undefined;
      })();
      discoveries.set(issuer, p);
    }
    return p;
  };

  /** The issuer's own keys: observed in the traffic, else fetched. */
  const issuerKeys = async (issuer: string, fetchAgain: boolean): Promise<IssuerKeys | undefined> => {
    const doc = await discovery(issuer);
    const jwksUri = typeof doc?.jwks_uri === 'string' ? doc.jwks_uri : undefined;
    if (!jwksUri) {
      if (doc && !failures.has(issuer)) failures.set(issuer, `the discovery document of ${issuer} has no jwks_uri`);
      return undefined;
    }
    const observed = options.observedJwks;
    const seen = observed && Object.hasOwn(observed, jwksUri) ? observed[jwksUri] : undefined;
    if (seen && !fetchAgain) return { keys: jwksKeys(seen), source: `observed JWKS ${jwksUri}` };
    if (!options.fetchJson) return seen ? { keys: jwksKeys(seen), source: `observed JWKS ${jwksUri}` } : undefined;
    try {
      return { keys: jwksKeys(await options.fetchJson(jwksUri)), source: `jwks_uri ${jwksUri}` };
    } catch (err) {
      failures.set(issuer, `fetching ${jwksUri} failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  };

  /**
   * Keys given directly are used alone at first (no lookup at all); only an unknown kid (the refetch) adds the
   * issuer's own keys behind them, so a kid missing from the file is still found.
   */
  const load = async (issuer: string, fetchAgain: boolean): Promise<IssuerKeys | undefined> => {
    if (given.length === 0) return issuerKeys(issuer, fetchAgain);
    if (!fetchAgain) return { keys: given, source: 'JWKS file' };
    const own = await issuerKeys(issuer, true);
    if (!own || own.keys.length === 0) return { keys: given, source: 'JWKS file' };
    return { keys: [...given, ...own.keys], source: `JWKS file and ${own.source}` };
  };

  return {
    discovery,
    keys(issuer, refresh = false) {
      const cached = keySets.get(issuer);
      if (cached && !(refresh && !refetched.has(issuer))) return cached;
      if (refresh) refetched.add(issuer);
      // A failed refetch must not lose the keys fetched before.
      const p = refresh && cached ? load(issuer, true).then(async (fresh) => fresh ?? (await cached)) : load(issuer, refresh);
      keySets.set(issuer, p);
      return p;
    },
    failure: (issuer) => failures.get(issuer),
  };
}
