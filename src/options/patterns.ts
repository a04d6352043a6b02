/**
 * Which host permissions to give back when domains are removed. Pure: the options page calls
 * `permissions.remove` with the result.
 */
import { domainPatterns, parseDomains } from '../shared/domains.js';

interface Pattern {
  scheme: string;
  host: string;
  path: string;
}

function parsePattern(pattern: string): Pattern | undefined {
  const match = /^([^:/]+):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!match) return undefined;
  return { scheme: match[1] ?? '', host: match[2] ?? '', path: match[3] ?? '' };
}

/**
 * Whether the match pattern `broad` grants every URL `narrow` does. Understands the whole-site patterns that
 * {@link domainPatterns} makes (`*://host/*`, `*://*.host/*`); for any other shape only equal patterns cover.
 */
export function patternCovers(broad: string, narrow: string): boolean {
  if (broad === narrow) return true;
  const a = parsePattern(broad);
  const b = parsePattern(narrow);
  if (!a || !b || a.path !== '/*') return false;
  if (a.scheme !== '*' && a.scheme !== b.scheme) return false;
  if (a.host === '*') return true;
  if (a.host.startsWith('*.')) {
    const base = a.host.slice(2);
    const host = b.host.startsWith('*.') ? b.host.slice(2) : b.host;
    return host === base || host.endsWith(`.${base}`);
  }
  return a.host === b.host;
}

function patternsOf(domains: readonly string[]): string[] {
  return [...new Set(parseDomains(domains).flatMap(domainPatterns))];
}

/**
 * The host permission patterns that were needed for the domains `before` and are needed by none of `after` and
 * `builtIn` (the build-time domains, whose permissions are required and cannot be removed). Keeps a pattern that
 * still covers a needed one: `*.example.com` is not given back while `idp.example.com` is configured, because the
 * browser may never have granted the narrower pattern on its own (a request for an already covered origin adds
 * nothing). Two ports of one host share a pattern, so `localhost:3000` keeps `localhost` for `localhost:4000`.
 * Unparsable domains contribute no pattern. Does not call the browser.
 */
export function patternsToRelease(
  before: readonly string[],
  after: readonly string[],
  builtIn: readonly string[],
): string[] {
  const needed = patternsOf([...after, ...builtIn]);
  return patternsOf(before).filter((pattern) => !needed.some((n) => patternCovers(pattern, n)));
}
