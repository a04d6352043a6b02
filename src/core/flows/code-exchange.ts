/**
 * Why a flow's authorization code has no token request in the capture (issue 9 §4): exchanged by the client's
 * server (claimed only on evidence), or simply not captured (capture paused, a host not configured, a redirect
 * missing from the file), with the likely cause.
 */
import { parseDomains, urlOnDomains } from '../capture/domains.js';
import type { Artifact, CaptureSource, CodeExchangeGap, Exchange } from '../model.js';
import { isoSeconds } from '../util/time.js';
import { exchangeSources, urlParts } from '../classify/http.js';

/** A period in milliseconds since the epoch; open while `to` is absent. */
export interface Period {
  from: number;
  to?: number;
}

/** What a live capture could see; absent for files (a HAR records everything of its tab). */
export interface CaptureCoverage {
  /** The configured domains, as the user wrote them. */
  domains: readonly string[];
  /**
   * When each configured domain (as written in `domains`) was configured, in milliseconds; a domain not named
   * here counts as configured all along. Judging a capture by domains configured later would be judging it by
   * what could not have been seen then.
   */
  domainSince?: Readonly<Record<string, number>>;
  /** When the tab's capture was paused (milliseconds), and how many requests it dropped meanwhile. */
  pauses?: readonly (Period & { dropped: number })[];
  /** When DevTools was open on the tab (its source sees every request of the tab then); absent: never known. */
  devtools?: readonly Period[];
}

/** Sources that see every request of their tab, whatever its host, for as long as they run. */
const WHOLE_TAB: readonly CaptureSource[] = ['devtools', 'debugger', 'har', 'file'];
/** How long after the code arrived a pause still explains a missing exchange. */
const PAUSE_WINDOW_MS = 120_000;
/** How long after the code arrived a source must have kept running to have seen the page redeem it. */
const REDEEM_WINDOW_MS = 30_000;

/** The domains configured at `at`. */
function domainsAt(coverage: CaptureCoverage, at: number) {
  return parseDomains(coverage.domains.filter((d) => (coverage.domainSince?.[d] ?? 0) <= at));
}

/** Whether DevTools was open on the tab from `at` for the redeem window (or is still open). */
function devtoolsCovered(coverage: CaptureCoverage, at: number): boolean {
  return (coverage.devtools ?? []).some((p) => p.from <= at && (p.to === undefined || p.to >= at + REDEEM_WINDOW_MS));
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function hostOf(url: string | undefined): string | undefined {
  return url ? urlParts(url)?.host : undefined;
}

function where(url: string): string {
  const u = urlParts(url);
  return u ? `${u.host}${u.path}` : url;
}

/** The request that delivered the code to the client: a navigation to the redirect URI, or a form_post. */
function callbackOf(response: Artifact, code: string, exchange: (id: string) => Exchange | undefined): Exchange | undefined {
  for (const o of response.occurrences) {
    const ex = o.exchangeId === undefined ? undefined : exchange(o.exchangeId);
    if (!ex) continue;
    const query = urlParts(ex.url)?.query;
    if (query?.code === code || ex.requestForm?.code?.[0] === code) return ex;
  }
  return undefined;
}

/** The token endpoint the page would have called: the issuer's announced one, else its host's. */
function tokenEndpoint(group: readonly Artifact[], all: readonly Artifact[]): string | undefined {
  const issuer = group.find((a) => a.issuer)?.issuer;
  const discovery = all.find((a) => a.kind === 'discovery' && a.claims?.issuer === issuer);
  const request = group.find((a) => a.kind === 'authorize_request');
  return str(discovery?.claims?.token_endpoint) ?? issuer ?? request?.http?.url;
}

function pauseText(coverage: CaptureCoverage | undefined, at: number): string | undefined {
  const pause = coverage?.pauses?.find((p) => p.from <= at + PAUSE_WINDOW_MS && (p.to ?? Infinity) >= at);
  if (!pause) return undefined;
  const dropped = `${pause.dropped} ${pause.dropped === 1 ? 'request' : 'requests'} dropped while paused`;
  return `The code exchange was not captured: capture was paused at ${isoSeconds(Math.floor(pause.from / 1000))} (${dropped}).`;
}

/**
 * Why the code that `response` (an authorization response of `group`) carried has no token request in the capture,
 * or undefined when it was redeemed there. Server-side only on evidence: the redirect URI answered with a redirect
 * that dropped the code, or the page that received the code was captured by a source that sees its requests (a
 * whole-tab source running for a while after the code arrived, or webRequest with the token endpoint's host
 * configured by then) and made no token request.
 * Otherwise not captured, naming the likely cause: a pause, the redirect URI's host or the token endpoint's host
 * not configured, or a file that lacks the redirect. Does not look at other flows and never throws.
 */
export function codeExchangeGap(
  response: Artifact,
  group: readonly Artifact[],
  all: readonly Artifact[],
  exchange: (id: string) => Exchange | undefined,
  coverage: CaptureCoverage | undefined,
  hostSeen: (host: string) => boolean = () => true,
): CodeExchangeGap | undefined {
  const code = str(response.claims?.code);
  if (!code || group.some((a) => a.kind === 'token_response' && a.http?.requestForm?.code === code)) return undefined;
  const paused = pauseText(coverage, response.at);
  if (paused) return { status: 'not-captured', reason: paused };
  const domains = coverage ? domainsAt(coverage, response.at) : undefined;
  const request = group.find((a) => a.kind === 'authorize_request');
  // Where the provider's redirect went (its Location), else where the request asked it to go.
  const redirectUri = response.occurrences[0]?.url ?? str(request?.claims?.redirect_uri);
  const callback = callbackOf(response, code, exchange);
  const token = tokenEndpoint(group, all);
  const tokenHost = hostOf(token);
  // Only hosts the capture saw traffic of are offered: a page can name any host in its own requests and claims.
  const configure = (host: string | undefined) => (host && hostSeen(host) ? { configure: [host] } : {});

  if (callback) {
    const landed = where(callback.url);
    if (callback.status !== undefined && callback.status >= 300 && callback.status < 400 && !callback.redirectUrl?.includes(code)) {
      return { status: 'server-side', reason: `The redirect URI ${landed} answered with a redirect (${callback.status}) and the page never redeemed the code: the client's server exchanged it for tokens, so the token request is not observable in the browser.` };
    }
    const wholeTab = exchangeSources(callback).some((s) => WHOLE_TAB.includes(s) && (s !== 'devtools' || !coverage || devtoolsCovered(coverage, response.at)));
    const tokenSeen = !domains || !token || urlOnDomains(token, domains);
    if (wholeTab || tokenSeen) {
      return { status: 'server-side', reason: `The page at ${landed} received the code and made no token request while its requests were captured: the client's server exchanged it for tokens, so the token request is not observable in the browser.` };
    }
    return { status: 'not-captured', reason: `The code exchange was not captured: ${tokenHost} is not a configured domain, so a token request from the page would not be seen (open DevTools on the tab, or add ${tokenHost}).`, ...configure(tokenHost) };
  }
  const appHost = hostOf(redirectUri);
  if (!domains) {
    return { status: 'not-captured', reason: `The code exchange is not in the capture, nor is the redirect to ${appHost ?? 'the client'}: whether the page or the client's server exchanged the code can't be told.` };
  }
  if (redirectUri && !urlOnDomains(redirectUri, domains)) {
    return { status: 'not-captured', reason: `The code exchange was not captured: the redirect went to ${appHost}, which is not a configured domain, so the requests of that page are not seen (open DevTools on the tab, or add ${appHost}).`, ...configure(appHost) };
  }
  return { status: 'not-captured', reason: `The code exchange was not captured, nor was the redirect to ${appHost ?? 'the client'}; nothing in the capture says why.` };
}
