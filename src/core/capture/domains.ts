/**
 * Configured domains: what the user types ("idp.example.com", "localhost:3000", "*.example.com"), how it is
 * normalised, and whether a URL falls under it. Pure: no browser API, so the engine, the worker, the page-hook relay, the
 * options page and node tests share it.
 */

/** A configured domain, normalised: lower-case host, optional port, optional leading wildcard. */
export interface Domain {
  /** The host without port, lower case, without a leading `*.`. */
  host: string;
  /** A port when the user gave one (`localhost:3000`): then only that port matches. */
  port?: number;
  /** `*.example.com`: the host itself and every subdomain. */
  subdomains: boolean;
}

/** Why a domain entry was refused, for the options page. */
export type DomainError = 'empty' | 'scheme-or-path' | 'bad-host' | 'bad-port';

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Parses one user entry. Accepts a bare host, host:port, `*.host`, an IPv4 address, `[::1]`, and forgives a
 * pasted origin (`https://idp.example.com/`) by keeping only its host and port. Does not resolve names and does
 * not accept paths beyond a lone `/`.
 */
export function parseDomain(input: string): Domain | { error: DomainError } {
  let text = input.trim().toLowerCase();
  if (text === '') return { error: 'empty' };
  const origin = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)\/?$/.exec(text);
  if (origin) text = origin[1] ?? '';
  else if (/[/?#@\s]/.test(text)) return { error: 'scheme-or-path' };
  let subdomains = false;
  if (text.startsWith('*.')) {
    subdomains = true;
    text = text.slice(2);
  }
  let port: number | undefined;
  const portMatch = /^(.*?):(\d{1,5})$/.exec(text);
  if (portMatch && !(text.startsWith('[') && !text.includes(']:'))) {
    text = portMatch[1] ?? '';
    port = Number(portMatch[2]);
    if (port < 1 || port > 65535) return { error: 'bad-port' };
  } else if (/:(?![^[]*\])/.test(text) && !text.startsWith('[')) {
    return { error: 'bad-port' };
  }
  if (text.startsWith('[') && text.endsWith(']')) {
    if (subdomains || !/^\[[0-9a-f:.]+\]$/.test(text)) return { error: 'bad-host' };
    return port === undefined ? { host: text, subdomains } : { host: text, port, subdomains };
  }
  const labels = text.split('.');
  if (labels.length === 0 || labels.some((label) => !HOST_LABEL.test(label))) return { error: 'bad-host' };
  return port === undefined ? { host: text, subdomains } : { host: text, port, subdomains };
}

/** The entry as the user sees it again: `*.example.com`, `localhost:3000`. */
export function formatDomain(domain: Domain): string {
  return `${domain.subdomains ? '*.' : ''}${domain.host}${domain.port === undefined ? '' : `:${domain.port}`}`;
}

/** Parses a list, dropping entries that do not parse and duplicates. */
export function parseDomains(inputs: readonly string[]): Domain[] {
  const seen = new Set<string>();
  const out: Domain[] = [];
  for (const input of inputs) {
    const parsed = parseDomain(input);
    if ('error' in parsed) continue;
    const key = formatDomain(parsed);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(parsed);
  }
  return out;
}

function defaultPort(protocol: string): number | undefined {
  if (protocol === 'http:' || protocol === 'ws:') return 80;
  if (protocol === 'https:' || protocol === 'wss:') return 443;
  return undefined;
}

/**
 * Whether `url` is on one of the domains: http(s) only, host equal (or a subdomain for `*.` entries), and the
 * port equal when the entry names one. Returns false for unparsable URLs and for every other scheme.
 */
export function urlOnDomains(url: string, domains: readonly Domain[]): boolean {
  if (domains.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.toLowerCase();
  const port = parsed.port === '' ? defaultPort(parsed.protocol) : Number(parsed.port);
  return domains.some(
    (domain) =>
      (host === domain.host || (domain.subdomains && host.endsWith(`.${domain.host}`))) &&
      (domain.port === undefined || domain.port === port),
  );
}

/**
 * The match patterns that grant host access for a domain (`*://idp.example.com/*`). Match patterns cannot name a
 * port in Firefox, and Chrome ignores it for host permissions, so a `localhost:3000` entry asks for `localhost`
 * on every port; {@link urlOnDomains} then keeps only the configured port. Does not check the browser accepts it.
 */
export function domainPatterns(domain: Domain): string[] {
  return [`*://${domain.subdomains ? '*.' : ''}${domain.host}/*`];
}

/** `value` parsed as a URL when it is an http(s) one; undefined for anything else. Never throws. */
export function httpUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The match pattern that grants host access to the host of `url` (`*://app.example.com/*`, any port), or
 * undefined for a URL that is not http(s). Does not check the browser accepts it.
 */
export function originPattern(url: string): string | undefined {
  const u = httpUrl(url);
  return u ? `*://${u.hostname}/*` : undefined;
}
