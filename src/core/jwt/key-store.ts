import type { JWK } from 'jose';
import { isJsonObject } from '../util/json-lenient.js';
import { discoveryFetchRefusal, jwksFetchRefusal, jwksOriginRefusal } from './fetch-policy.js';

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
  /**
   * Keys given directly (JWKS values, or single JWKs, from files the user gave): tried for every issuer before
   * anything else, and the only keys for a token without `iss`.
   */
  jwks?: unknown[];
  /** Discovery documents seen in the traffic, by issuer. */
  observedDiscovery?: Record<string, Record<string, unknown>>;
  /** JWKS responses seen in the traffic, by URL. */
  observedJwks?: Record<string, unknown>;
  /** Only with this does the store fetch discovery and JWKS of observed issuers. */
  fetchJson?: FetchJson;
  /**
   * For a live capture, whose traffic a page may have forged in part (issue 10 §3): the discovery document is
   * fetched only for these issuers (fetch-scope.ts), it comes before an observed one, and a `jwks_uri` is fetched
   * only from a document fetched here and only on the issuer's origin. Absent: any issuer asked for may be looked
   * up, and the `jwks_uri` of an observed document fetched (input the user chose: the CLI's files).
   */
  fetchableIssuers?: ReadonlySet<string>;
}

export interface KeyStore {
  /**
   * The discovery document of an issuer: observed, else fetched (when fetching is on and the fetch policy allows
   * it). A document whose `issuer` is not exactly `issuer` is never returned (Discovery §4.3). Never rejects.
   */
  discovery(issuer: string): Promise<Record<string, unknown> | undefined>;
  /**
   * The keys for an issuer. With `refresh`, fetches the JWKS again (once per issuer: the "unknown kid"
   * refetch of Core §10.1.1). Never rejects; `undefined` when no key source is known.
   */
  keys(issuer: string, refresh?: boolean): Promise<IssuerKeys | undefined>;
  /** The keys given directly, for a token without `iss`: no lookup, no fetch. `undefined` when none were given. */
  direct(): IssuerKeys | undefined;
  /** Why the keys of an issuer could not be had, when they could not. */
  failure(issuer: string): string | undefined;
}

/** JWK members that only a private key has (RFC 7518 §6.2.2, §6.3.2; RFC 8037 §2; `priv` of AKP keys). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'];

/**
 * The public part of an asymmetric JWK: a copy without its private members (a JWKS file often holds the
 * private keys a test OP signs with). Symmetric (`oct`) keys are returned as they are, since their secret is
 * the key. Does not check that the remaining members make a valid key.
 */
export function publicJwk(jwk: JWK): JWK {
  if (jwk.kty === 'oct' || !PRIVATE_MEMBERS.some((m) => Object.hasOwn(jwk, m))) return jwk;
  const copy: Record<string, unknown> = { ...jwk };
  for (const m of PRIVATE_MEMBERS) delete copy[m];
  return copy as JWK;
}

/**
 * The keys of a JWKS value (`{"keys": [...]}`), or of a single JWK (an object with a string `kty` and no
 * `keys` array) as a one-key set. Keeps only JWK-shaped members and strips private members ({@link publicJwk}).
 * Does not check that a key can be imported.
 */
export function jwksKeys(value: unknown): JWK[] {
  if (!isJsonObject(value)) return [];
  const members: unknown[] = Array.isArray(value.keys) ? value.keys : typeof value.kty === 'string' ? [value] : [];
  return members.filter((k): k is JWK => isJsonObject(k) && typeof k.kty === 'string').map(publicJwk);
}

/** Where an issuer's discovery document lives: `{issuer}/.well-known/openid-configuration` (Discovery §4). */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

/**
 * A per-issuer cache of discovery documents and JWKS. Offers keys given directly first, then the issuer's own:
 * observed in the traffic, else (only when `fetchJson` is given) fetched from its discovery document's `jwks_uri`.
 * Uses a discovery document only when its `issuer` is exactly the issuer asked for, and fetches only what the
 * fetch policy allows (fetch-policy.ts; a refused URL becomes a failure, never a request), and with
 * `fetchableIssuers` only what a live capture may (see {@link KeyStoreOptions.fetchableIssuers}). Does not report
 * on the discovery document (the idt-iss rule does) and never fetches a URL found in a token.
 */
export function createKeyStore(options: KeyStoreOptions = {}): KeyStore {
  const given = (options.jwks ?? []).flatMap(jwksKeys);
  const discoveries = new Map<string, Promise<Record<string, unknown> | undefined>>();
  const keySets = new Map<string, Promise<IssuerKeys | undefined>>();
  const refetched = new Set<string>();
  const failures = new Map<string, string>();

  /** The document when its `issuer` is exactly the one asked for (Discovery §4.3), else a failure and undefined. */
  const trusted = (issuer: string, doc: unknown, what: string): Record<string, unknown> | undefined => {
    if (!isJsonObject(doc)) {
      failures.set(issuer, `${what} is not a JSON object`);
      return undefined;
    }
    if (doc.issuer === issuer) return doc;
    const has = Object.hasOwn(doc, 'issuer') ? `names the issuer ${JSON.stringify(doc.issuer)}` : 'has no issuer';
    failures.set(issuer, `${what} ${has}, not ${JSON.stringify(issuer)}: not used (Discovery §4.3)`);
    return undefined;
  };

  const scope = options.fetchableIssuers;

  /** The issuer's document as the traffic showed it, when its `issuer` matches. */
  const observedDiscovery = (issuer: string): Record<string, unknown> | undefined => {
    const observed = options.observedDiscovery;
    if (!observed || !Object.hasOwn(observed, issuer)) return undefined;
    return trusted(issuer, observed[issuer], `the discovery document observed for ${issuer}`);
  };

  /** The issuer's document fetched from `{issuer}/.well-known/openid-configuration`, when fetching is on and allowed. */
  const fetches = new Map<string, Promise<Record<string, unknown> | undefined>>();
  const fetchedDiscovery = (issuer: string): Promise<Record<string, unknown> | undefined> => {
    let p = fetches.get(issuer);
    if (!p) {
      p = (async () => {
        if (!options.fetchJson) return undefined;
        if (scope && !scope.has(issuer)) {
          failures.set(issuer, `not fetched: no answer the browser itself saw carried a token of ${issuer} (only the page hook reported one, or only requests carried it), so its discovery document is not looked up`);
          return undefined;
        }
        const refusal = discoveryFetchRefusal(issuer);
        if (refusal) {
          failures.set(issuer, `not fetched: ${refusal}`);
          return undefined;
        }
        const url = discoveryUrl(issuer);
        try {
          const doc = trusted(issuer, await options.fetchJson(url), `the discovery document at ${url}`);
          if (doc) failures.delete(issuer);
          return doc;
        } catch (err) {
          failures.set(issuer, `fetching ${url} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
        return undefined;
      })();
      fetches.set(issuer, p);
    }
    return p;
  };

  const discovery = (issuer: string) => {
    let p = discoveries.get(issuer);
    if (!p) {
      // A live capture's own fetch comes first: what the traffic showed may be the page's invention.
      p = scope
        ? fetchedDiscovery(issuer).then((doc) => doc ?? observedDiscovery(issuer))
        : Promise.resolve(observedDiscovery(issuer)).then(async (doc) => doc ?? (await fetchedDiscovery(issuer)));
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
    const seenKeys = seen ? { keys: jwksKeys(seen), source: `observed JWKS ${jwksUri}` } : undefined;
    // A live capture whose own discovery fetch worked fetches the keys too, rather than trust a JWKS the page
    // may have reported.
    const ownDoc = scope !== undefined && doc !== undefined && doc === (await fetchedDiscovery(issuer));
    if (seenKeys && !fetchAgain && !ownDoc) return seenKeys;
    if (!options.fetchJson) return seenKeys;
    if (scope && !ownDoc) {
      if (!failures.has(issuer)) failures.set(issuer, `not fetched: the jwks_uri ${JSON.stringify(jwksUri)} comes from a discovery document observed in the traffic, not one fetched from the issuer`);
      return seenKeys;
    }
    const refusal = jwksFetchRefusal(jwksUri, issuer) ?? (scope ? jwksOriginRefusal(jwksUri, issuer) : undefined);
    if (refusal) {
      failures.set(issuer, `not fetched: ${refusal}`);
      return seenKeys;
    }
    try {
      return { keys: jwksKeys(await options.fetchJson(jwksUri)), source: `jwks_uri ${jwksUri}` };
    } catch (err) {
      failures.set(issuer, `fetching ${jwksUri} failed: ${err instanceof Error ? err.message : String(err)}`);
      return ownDoc ? seenKeys : undefined;
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
    direct: () => (given.length > 0 ? { keys: given, source: 'JWKS file' } : undefined),
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
