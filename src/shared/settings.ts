/**
 * The user's settings: their shape, defaults, the provider presets, and a normaliser that turns anything read
 * from storage (old versions, hand edits, garbage) into valid settings. Pure: reading and writing them is
 * settings-store.ts.
 */
import { parseDomains, formatDomain } from './domains.js';

/** Capture sources the user can switch on or off. `debugger` exists only in the deep-capture build. */
export type CaptureSourceSetting = 'webRequest' | 'pageHook' | 'devtools' | 'filterResponseData' | 'debugger';

export interface Settings {
  /** Settings schema version, for migrations. */
  version: 1;
  /** Configured domains as the user wrote them, normalised (`idp.example.com`, `localhost:3000`, `*.example.com`). */
  domains: string[];
  /** Allowed clock skew in seconds for time-based rules. */
  skewSeconds: number;
  /** Client ids per issuer URL, for audience rules. */
  clientIds: Record<string, string[]>;
  /** Whether the worker may fetch discovery and JWKS of observed issuers to verify signatures. */
  fetchKeys: boolean;
  /** Which capture sources run. */
  sources: Record<CaptureSourceSetting, boolean>;
  /** Keep a tab's captures when it closes (and across navigations, which never clear anyway). */
  preserveLog: boolean;
}

/** A named group of domains from a provider document, offered as one click on the options page. */
export interface DomainPreset {
  id: string;
  label: string;
  domains: string[];
  /** Where the hosts come from. */
  source: string;
}

export const PRESETS: readonly DomainPreset[] = [
  {
    id: 'birid',
    label: 'Kapitalbank BirID',
    domains: ['testsso.kapitalbank.az', 'dmzid.kapitalbank.az'],
    source: 'BirID integration document: test and production SSO hosts',
  },
  {
    id: 'bankid-no',
    label: 'BankID Norway',
    domains: ['auth.current.bankid.no', 'oidc-preprod.bankidapis.no', 'preprod.bankidapis.no', 'preview.bankidapis.no'],
    source: 'BankID Norway OIDC documents: issuer (auth) and API hosts',
  },
  {
    id: 'uaepass',
    label: 'UAE PASS',
    domains: ['stg-id.uaepass.ae', 'id.uaepass.ae', 'qa-ids.uaepass.ae'],
    source: 'UAE PASS documents: staging, production and QA identity hosts',
  },
];

/**
 * The built-in defaults. `buildDomains` are the domains a team baked in with `TOKEN_INSPECTOR_DOMAINS` at build
 * time; they are configured from the first start.
 */
export function defaultSettings(buildDomains: readonly string[] = []): Settings {
  return {
    version: 1,
    domains: parseDomains(buildDomains).map(formatDomain),
    skewSeconds: 60,
    clientIds: {},
    fetchKeys: false,
    sources: { webRequest: true, pageHook: true, devtools: true, filterResponseData: true, debugger: false },
    preserveLog: false,
  };
}

// The engine clamps skew to 0..300 s; the options page offers the same range.
const MAX_SKEW_SECONDS = 300;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Valid settings from whatever storage held: unknown members dropped, bad values replaced by the defaults,
 * domains normalised and deduplicated, skew clamped to 0..300 s. Never throws.
 */
export function normalizeSettings(stored: unknown, defaults: Settings): Settings {
  if (!isRecord(stored)) return structuredClone(defaults);
  const domains = Array.isArray(stored['domains'])
    ? parseDomains(stored['domains'].filter((d): d is string => typeof d === 'string')).map(formatDomain)
    : defaults.domains;
  const skew = stored['skewSeconds'];
  const clientIds: Record<string, string[]> = {};
  if (isRecord(stored['clientIds'])) {
    for (const [issuer, ids] of Object.entries(stored['clientIds'])) {
      if (!Array.isArray(ids)) continue;
      const clean = ids.filter((id): id is string => typeof id === 'string' && id.trim() !== '').map((id) => id.trim());
      if (clean.length > 0) clientIds[issuer.trim()] = [...new Set(clean)];
    }
  }
  const sources = { ...defaults.sources };
  if (isRecord(stored['sources'])) {
    for (const key of Object.keys(sources) as CaptureSourceSetting[]) {
      const value = stored['sources'][key];
      if (typeof value === 'boolean') sources[key] = value;
    }
  }
  return {
    version: 1,
    domains,
    skewSeconds:
      typeof skew === 'number' && Number.isFinite(skew)
        ? Math.min(MAX_SKEW_SECONDS, Math.max(0, Math.round(skew)))
        : defaults.skewSeconds,
    clientIds,
    fetchKeys: typeof stored['fetchKeys'] === 'boolean' ? stored['fetchKeys'] : defaults.fetchKeys,
    sources,
    preserveLog: typeof stored['preserveLog'] === 'boolean' ? stored['preserveLog'] : defaults.preserveLog,
  };
}
