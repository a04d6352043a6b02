/**
 * The manifest of each build, derived from the one manifest.json (the default Chrome build) by a pure function,
 * so vite.config.ts and the unit tests share it. Reads no files and no environment.
 */
import { domainPatterns, formatDomain, parseDomain, type Domain } from '../src/shared/domains.js';

/** The browsers we build for. */
export type TargetBrowser = 'chrome' | 'firefox';

/** What a build varies on. */
export interface ManifestOptions {
  browser: TargetBrowser;
  /** Domains baked in by the team that builds it (`TOKEN_INSPECTOR_DOMAINS`), as typed; validated here. */
  domains: readonly string[];
  /** The deep-capture flavour: adds `debugger`. Chrome only; ignored for Firefox. */
  deepCapture: boolean;
}

/** A manifest as JSON: the keys this module reads or writes are typed, the rest passes through. */
export interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  background?: { service_worker: string; type?: string } | { scripts: string[]; type?: string };
  [key: string]: unknown;
}

/** The gecko id Firefox knows the add-on by (an MV3 add-on must name one; web-ext lint checks it). */
export const GECKO_ID = 'token-inspector@token-inspector.dev';
/**
 * Firefox 140 (the ESR line since mid 2025): the first that knows `data_collection_permissions`, which
 * addons.mozilla.org requires of new add-ons. The features we use are older: `world: "MAIN"` in
 * `scripting.registerContentScripts` (128), `storage.session` (115). web-ext lint checks each key against it.
 */
export const GECKO_MIN_VERSION = '140.0';
/** Firefox for Android learnt `data_collection_permissions` in 142 (web-ext lint checks it; no DevTools there). */
const GECKO_ANDROID_MIN_VERSION = '142.0';
/** What Firefox needs on top of the Chrome permissions to read response bodies with `filterResponseData`. */
const FIREFOX_PERMISSIONS = ['webRequestBlocking', 'webRequestFilterResponse'];

/** A build-time domain entry that does not parse; the message names the entry and the reason. */
export class BuildDomainError extends Error {
  readonly code = 'ERR_BUILD_DOMAIN';
  constructor(
    readonly entry: string,
    readonly reason: string,
  ) {
    super(`TOKEN_INSPECTOR_DOMAINS: "${entry}" is not a domain (${reason}); expected e.g. idp.example.com, *.example.com or localhost:3000`);
    this.name = 'BuildDomainError';
  }
}

/**
 * Parses the build-time domains, refusing the whole list when one entry is bad (a silently dropped host would
 * leave a preconfigured QA machine capturing nothing). Empty entries (`a,,b`, a trailing comma) are skipped,
 * duplicates merged. Returns them normalised (`formatDomain`). Throws {@link BuildDomainError}.
 */
export function buildDomains(entries: readonly string[]): Domain[] {
  const seen = new Set<string>();
  const out: Domain[] = [];
  for (const entry of entries) {
    if (entry.trim() === '') continue;
    const parsed = parseDomain(entry);
    if ('error' in parsed) throw new BuildDomainError(entry.trim(), parsed.error);
    const key = formatDomain(parsed);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(parsed);
  }
  return out;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/**
 * The manifest of one build: `base` (manifest.json, written for Chrome with a module service worker) with the
 * build-time domains as `host_permissions`, `debugger` for the Chrome deep-capture flavour, and for Firefox
 * background scripts instead of a service worker, the gecko settings and the blocking webRequest permissions.
 * Does not mutate `base`, does not check that the files it names exist, and does not decide the `define` values
 * (see build-options.ts). Throws {@link BuildDomainError} for a bad domain.
 */
export function makeManifest(base: Manifest, options: ManifestOptions): Manifest {
  const manifest = structuredClone(base);
  const domains = buildDomains(options.domains);
  const permissions = [...(manifest.permissions ?? [])];
  const hosts = unique([...(manifest.host_permissions ?? []), ...domains.flatMap(domainPatterns)]);
  if (hosts.length > 0) manifest.host_permissions = hosts;

  if (options.browser === 'chrome') {
    if (options.deepCapture) permissions.push('debugger');
    manifest.permissions = unique(permissions);
    return manifest;
  }

  const background = manifest.background;
  if (!background || !('service_worker' in background)) throw new Error('manifest.json must name a background service_worker');
  manifest.background = { scripts: [background.service_worker], type: background.type ?? 'module' };
  manifest.permissions = unique([...permissions, ...FIREFOX_PERMISSIONS]);
  manifest.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      // Captures stay in the browser; the only requests (discovery, JWKS) go to the providers the user watches.
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
  };
  return manifest;
}
