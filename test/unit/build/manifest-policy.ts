/** Which build a manifest belongs to: what it may ask for depends on it. */
export interface Flavour {
  browser: 'chrome' | 'firefox';
  deepCapture: boolean;
}

/** What every build may ask for: its own state, watching requests, registering the page hook. */
const BASE_PERMISSIONS = ['storage', 'webRequest', 'scripting'];
/** Firefox reads response bodies with filterResponseData, which needs blocking webRequest. */
const FIREFOX_PERMISSIONS = ['webRequestBlocking', 'webRequestFilterResponse'];

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function allowedPermissions(flavour: Flavour): Set<string> {
  const allowed = new Set(BASE_PERMISSIONS);
  if (flavour.browser === 'firefox') for (const p of FIREFOX_PERMISSIONS) allowed.add(p);
  if (flavour.browser === 'chrome' && flavour.deepCapture) allowed.add('debugger');
  return allowed;
}

/** The source list of one CSP directive, or undefined when the policy lacks it. */
function directive(policy: string, name: string): string[] | undefined {
  for (const part of policy.split(';')) {
    const [head, ...sources] = part.trim().split(/\s+/);
    if (head?.toLowerCase() === name) return sources;
  }
  return undefined;
}

/**
 * What the extension pages may connect to: themselves, and the worker's key fetching (discovery and JWKS of
 * observed issuers, src/core/jwt/fetch-policy.ts), which asks https only, plain http only on a loopback host.
 * A CSP host source cannot name an IPv6 address, so `http://[::1]` is not among them.
 */
export const CONNECT_SOURCES: readonly string[] = ["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*'];

function cspProblems(csp: unknown): string[] {
  if (!isObject(csp) || typeof csp.extension_pages !== 'string') return ['content_security_policy.extension_pages is missing'];
  const policy = csp.extension_pages;
  const problems: string[] = [];
  const script = directive(policy, 'script-src');
  if (!script) problems.push('CSP has no script-src');
  else if (script.length === 0 || script.some((s) => s !== "'self'")) problems.push(`CSP script-src allows more than 'self': ${script.join(' ')}`);
  const object = directive(policy, 'object-src');
  if (!object) problems.push('CSP has no object-src');
  else if (object.length === 0 || object.some((s) => s !== "'self'" && s !== "'none'")) problems.push(`CSP object-src is not 'self' or 'none': ${object.join(' ')}`);
  // The panel shows hostile claim values: nothing may load from elsewhere or run inline, styles included.
  const fallback = directive(policy, 'default-src');
  if (!fallback || fallback.some((s) => s !== "'self'" && s !== "'none'")) problems.push(`CSP default-src is not 'self': ${fallback?.join(' ') ?? 'missing'}`);
  const style = directive(policy, 'style-src');
  if (style?.some((s) => s !== "'self'")) problems.push(`CSP style-src allows more than 'self': ${style.join(' ')}`);
  const img = directive(policy, 'img-src');
  if (img?.some((s) => s !== "'self'" && s !== 'data:')) problems.push(`CSP img-src allows more than 'self' and data: ${img.join(' ')}`);
  const connect = directive(policy, 'connect-src');
  if (!connect) problems.push('CSP has no connect-src (default-src would forbid key fetching)');
  else if (connect.some((s) => !CONNECT_SOURCES.includes(s))) problems.push(`CSP connect-src allows more than key fetching needs: ${connect.join(' ')}`);
  const base = directive(policy, 'base-uri');
  if (!base || base.some((s) => s !== "'none'")) problems.push(`CSP base-uri is not 'none': ${base?.join(' ') ?? 'missing'}`);
  return problems;
}

function stringList(manifest: Json, key: string, problems: string[]): string[] {
  const list = manifest[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push(`${key} is not an array`);
    return [];
  }
  return list.map((p) => (typeof p === 'string' ? p : JSON.stringify(p)));
}

// A required host pattern must name a host: every host, or every host under one top-level domain, is too wide.
function hostProblems(patterns: string[]): string[] {
  return patterns.flatMap((pattern) => {
    const host = /^(?:\*|https?):\/\/([^/]+)\/.*$/.exec(pattern)?.[1];
    if (host === undefined) return [`host_permissions has the unreadable pattern ${pattern}`];
    return host === '*' || /^\*\.[^.]+$/.test(host) ? [`host_permissions has the wide pattern ${pattern}`] : [];
  });
}

function backgroundProblems(bg: unknown, browser: Flavour['browser']): string[] {
  if (browser === 'chrome') {
    return isObject(bg) && typeof bg.service_worker === 'string' && bg.type === 'module' && !('scripts' in bg)
      ? []
      : ['background is not a module service_worker'];
  }
  return isObject(bg) && Array.isArray(bg.scripts) && bg.scripts.length > 0 && !('service_worker' in bg)
    ? []
    : ['background is not scripts without a service_worker'];
}

function geckoProblems(manifest: Json, browser: Flavour['browser']): string[] {
  const settings = manifest.browser_specific_settings;
  if (browser === 'chrome') return settings === undefined ? [] : ['Chrome manifest has browser_specific_settings'];
  const gecko = isObject(settings) ? settings.gecko : undefined;
  if (!isObject(gecko) || typeof gecko.id !== 'string' || gecko.id === '') return ['browser_specific_settings.gecko.id is missing'];
  return typeof gecko.strict_min_version === 'string' ? [] : ['browser_specific_settings.gecko.strict_min_version is missing'];
}

/**
 * The least-privilege problems of a built manifest for its flavour; empty when it is fine. Checks the
 * permissions, host access (nothing wide is required; `<all_urls>` nowhere), the extension-pages CSP, the
 * background of the browser and the gecko settings. Does not check that referenced files exist.
 */
export function manifestProblems(manifest: unknown, flavour: Flavour): string[] {
  if (!isObject(manifest)) return ['manifest is not a JSON object'];
  const problems: string[] = [];
  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${JSON.stringify(manifest.manifest_version)}, expected 3`);
  if (JSON.stringify(manifest).includes('<all_urls>')) problems.push('manifest mentions <all_urls>');
  const allowed = allowedPermissions(flavour);
  for (const p of stringList(manifest, 'permissions', problems)) {
    if (!allowed.has(p)) problems.push(`permissions asks for ${p}`);
  }
  for (const p of stringList(manifest, 'optional_permissions', problems)) problems.push(`optional_permissions asks for ${p}`);
  problems.push(...hostProblems(stringList(manifest, 'host_permissions', problems)));
  problems.push(...cspProblems(manifest.content_security_policy));
  problems.push(...backgroundProblems(manifest.background, flavour.browser));
  problems.push(...geckoProblems(manifest, flavour.browser));
  return problems;
}
