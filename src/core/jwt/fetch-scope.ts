/**
 * Which issuers a live capture may look up (issue 10 §3). The page hook runs in the page's own world, so what
 * only it reported may be made up by the page; an issuer named only there must not choose what the extension
 * fetches. Pure: no browser API.
 */
import { browserSaw } from '../capture/browser-seen.js';
import type { Artifact, Exchange, ExchangePart, Occurrence } from '../model.js';

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * The part of `ex` a server's answer brought the occurrence in: the response body, or the `Location` of a
 * redirect (seen with its 3xx status). Undefined for what the request carried: a page writes its own requests
 * (an `Authorization` header, a form), so a token there proves nothing about who issued it.
 */
function answerPart(o: Occurrence, ex: Exchange): ExchangePart | undefined {
  if (o.location.startsWith('response.') && o.location !== 'response.form') return 'responseBody';
  if (o.location.startsWith('url.') && ex.redirectUrl !== undefined && o.url === ex.redirectUrl) return 'status';
  return undefined;
}

/**
 * Whether `o` shows that a server answered the browser with a token naming `issuer`: the browser itself saw the
 * answer (a response body through the response filter, DevTools or the debugger; a redirect through webRequest),
 * or the browser saw the request and it went to the issuer's own origin (the page hook read the body of a real
 * token call to the issuer).
 */
function answeredByServer(o: Occurrence, ex: Exchange, issuer: string): boolean {
  const part = answerPart(o, ex);
  if (!part) return false;
  if (browserSaw(ex, part)) return true;
  const origin = originOf(issuer);
  return origin !== undefined && browserSaw(ex, 'request') && originOf(ex.url) === origin;
}

/**
 * The issuers of the artifacts (those `issuerSigned` accepts) that a server gave the browser a token of (see
 * {@link answeredByServer}): the only issuers whose discovery documents a live capture may fetch. An issuer named
 * only in page-hook reports without a browser-seen request behind them, or only in requests (which the page
 * writes), is left out. Does not fetch and does not judge the issuer URL (fetch-policy.ts does).
 */
export function browserSeenIssuers(artifacts: readonly Artifact[], exchanges: readonly Exchange[], issuerSigned: (a: Artifact) => boolean): Set<string> {
  const byId = new Map(exchanges.map((ex) => [ex.id, ex]));
  const out = new Set<string>();
  for (const a of artifacts) {
    const issuer = a.issuer;
    if (!issuer || out.has(issuer) || !issuerSigned(a)) continue;
    const seen = a.occurrences.some((o) => {
      const ex = o.exchangeId === undefined ? undefined : byId.get(o.exchangeId);
      return ex !== undefined && answeredByServer(o, ex, issuer);
    });
    if (seen) out.add(issuer);
  }
  return out;
}
