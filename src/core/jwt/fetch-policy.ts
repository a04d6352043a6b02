/** Host names (as the WHATWG URL parser writes them) that are this machine. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whitespace, control characters or backslashes: the URL parser silently drops or rewrites them. */
function hasUnsafeChars(url: string): boolean {
  if (/[\s\\]/.test(url)) return true;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Problems every fetched URL is checked for: unsafe characters, a fragment, not a URL, credentials. */
function basicProblem(url: string, what: string): { problem: string } | { url: URL } {
  if (hasUnsafeChars(url)) return { problem: `${what} ${JSON.stringify(url)} contains whitespace, control characters or a backslash` };
  if (url.includes('#')) return { problem: `${what} ${JSON.stringify(url)} has a fragment` };
  const u = parse(url);
  if (!u) return { problem: `${what} ${JSON.stringify(url)} is not an absolute URL` };
  if (u.username !== '' || u.password !== '') return { problem: `${what} ${JSON.stringify(url)} carries credentials` };
  return { url: u };
}

/** True when a URL parses and its host is localhost, 127.0.0.1 or [::1] (any scheme). */
function onLoopback(url: string): boolean {
  const u = parse(url);
  return u !== undefined && LOOPBACK_HOSTS.has(u.hostname);
}

/**
 * Why the discovery document of `issuer` (`{issuer}/.well-known/openid-configuration`) must not be fetched, or
 * `undefined` when it may be. Allowed: an https issuer without query or fragment (Core §2, Discovery §4), or an
 * http one on a loopback host (localhost, 127.0.0.1, [::1]: local development). Does not fetch, resolve names
 * or judge the issuer for reporting (idt-iss does).
 */
export function discoveryFetchRefusal(issuer: string): string | undefined {
  const basic = basicProblem(issuer, 'the issuer');
  if ('problem' in basic) return basic.problem;
  if (issuer.includes('?')) return `the issuer ${JSON.stringify(issuer)} has a query; an issuer URL has no query or fragment`;
  const u = basic.url;
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:') {
    return LOOPBACK_HOSTS.has(u.hostname) ? undefined : `the issuer ${JSON.stringify(issuer)} is http on a host that is not localhost, 127.0.0.1 or [::1]; only https issuers are looked up`;
  }
  return `the issuer ${JSON.stringify(issuer)} is not an https URL`;
}

/**
 * Why the `jwks_uri` of `issuer`'s discovery document must not be fetched, or `undefined` when it may be.
 * Allowed: https without fragment; http only on a loopback host, and only for an issuer on a loopback host
 * (a remote issuer must not make the inspector probe this machine). Does not fetch or resolve names.
 */
export function jwksFetchRefusal(jwksUri: string, issuer: string): string | undefined {
  const basic = basicProblem(jwksUri, 'the jwks_uri');
  if ('problem' in basic) return basic.problem;
  const u = basic.url;
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:') {
    if (!LOOPBACK_HOSTS.has(u.hostname)) return `the jwks_uri ${JSON.stringify(jwksUri)} is http on a host that is not localhost, 127.0.0.1 or [::1]`;
    return onLoopback(issuer) ? undefined : `the jwks_uri ${JSON.stringify(jwksUri)} is http on a loopback host, but the issuer ${JSON.stringify(issuer)} is not on a loopback host`;
  }
  return `the jwks_uri ${JSON.stringify(jwksUri)} is not an https URL`;
}

/**
 * Why a `jwks_uri` must not be fetched for a live capture (issue 10 §3), or `undefined`: it must have the issuer's
 * origin (scheme, host and port), so that the discovery document, which the issuer's host serves, cannot send
 * the extension elsewhere. Checked on top of {@link jwksFetchRefusal}. Does not fetch or resolve names.
 */
export function jwksOriginRefusal(jwksUri: string, issuer: string): string | undefined {
  const a = parse(jwksUri);
  const b = parse(issuer);
  if (a && b && a.origin !== 'null' && a.origin === b.origin) return undefined;
  return `the jwks_uri ${JSON.stringify(jwksUri)} is not on the origin of the issuer ${JSON.stringify(issuer)}`;
}
