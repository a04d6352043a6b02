import { describe, expect, it } from 'vitest';
import { extractArtifacts } from '../../../src/core/classify/extract.js';
import type { CaptureCoverage } from '../../../src/core/flows/code-exchange.js';
import { correlate } from '../../../src/core/flows/correlate.js';
import type { CaptureSource, Exchange } from '../../../src/core/model.js';
import { exchange } from '../classify/exchange-builder.js';

const IDP = 'https://idp.example';
const T = 1_700_000_000_000;

/** A login whose code reached `app.example/cb`; the callback and the token request only when asked. */
function login(options: { callback?: { status: number; redirect?: string; seenBy: CaptureSource }; redeemed?: boolean }): Exchange[] {
  const out = [
    exchange({ url: `${IDP}/authorize?client_id=app&response_type=code&state=s1&redirect_uri=https%3A%2F%2Fapp.example%2Fcb`, redirect: 'https://app.example/cb?code=c1&state=s1', at: T }),
  ];
  if (options.callback) {
    const { status, redirect, seenBy } = options.callback;
    const cb = exchange({ url: 'https://app.example/cb?code=c1&state=s1', status, ...(redirect ? { redirect } : { body: '<html>' }), at: T + 50 });
    cb.seenBy = { request: [seenBy], status: [seenBy] };
    out.push(cb);
  }
  if (options.redeemed) out.push(exchange({ url: `${IDP}/token`, form: { grant_type: 'authorization_code', code: 'c1' }, json: { access_token: 'a', token_type: 'Bearer' }, at: T + 100 }));
  return out;
}

function gapOf(exchanges: Exchange[], coverage?: CaptureCoverage) {
  const flows = correlate(extractArtifacts(exchanges).artifacts, { exchanges, ...(coverage ? { coverage } : {}) });
  expect(flows).toHaveLength(1);
  return { flow: flows[0]!, gap: flows[0]!.codeExchange };
}

const live = (...domains: string[]): CaptureCoverage => ({ domains });

describe('why a code has no token request (issue 9 §4: server-side only on evidence)', () => {
  it('no gap when the capture holds the code exchange', () => {
    const { flow, gap } = gapOf(login({ redeemed: true }), live('idp.example', 'app.example'));
    expect(gap).toBeUndefined();
    expect(flow.steps.some((s) => s.missing)).toBe(false);
  });

  const cases: [string, Exchange[], CaptureCoverage | undefined, 'server-side' | 'not-captured', RegExp, string[] | undefined][] = [
    ['the redirect URI answered with a redirect', login({ callback: { status: 302, redirect: 'https://app.example/home', seenBy: 'webRequest' } }), live('idp.example', 'app.example'), 'server-side', /answered with a redirect \(302\)/, undefined],
    ['a HAR holds the callback page and no token request', login({ callback: { status: 200, seenBy: 'har' } }), undefined, 'server-side', /made no token request while its requests were captured/, undefined],
    ['DevTools, open all along, saw the callback page, the provider not configured', login({ callback: { status: 200, seenBy: 'devtools' } }), { domains: ['app.example'], devtools: [{ from: T - 60_000 }] }, 'server-side', /made no token request/, undefined],
    ['DevTools saw the callback page, then closed before the page could redeem the code', login({ callback: { status: 200, seenBy: 'devtools' } }), { domains: ['app.example'], devtools: [{ from: T - 60_000, to: T + 5_000 }] }, 'not-captured', /idp\.example is not a configured domain/, ['idp.example']],
    ['webRequest saw the callback page; the provider was configured only afterwards (the offer was taken)', login({ callback: { status: 200, seenBy: 'webRequest' } }), { domains: ['idp.example', 'app.example'], domainSince: { 'idp.example': T + 60_000 } }, 'not-captured', /idp\.example is not a configured domain/, ['idp.example']],
    ['webRequest saw the callback page, both hosts configured', login({ callback: { status: 200, seenBy: 'webRequest' } }), live('idp.example', 'app.example'), 'server-side', /made no token request/, undefined],
    ['webRequest saw the callback page, the provider not configured', login({ callback: { status: 200, seenBy: 'webRequest' } }), live('app.example'), 'not-captured', /idp\.example is not a configured domain/, ['idp.example']],
    ['the app host is not configured', login({}), live('idp.example'), 'not-captured', /the redirect went to app\.example, which is not a configured domain/, ['app.example']],
    ['a HAR without the redirect', login({}), undefined, 'not-captured', /is not in the capture, nor is the redirect to app\.example/, undefined],
    ['everything configured, nothing seen after the redirect', login({}), live('idp.example', 'app.example'), 'not-captured', /nothing in the capture says why/, undefined],
    ['capture paused right after the redirect', login({ callback: { status: 200, seenBy: 'webRequest' } }), { domains: ['idp.example', 'app.example'], pauses: [{ from: T + 60, dropped: 3 }] }, 'not-captured', /capture was paused at 2023-11-14T22:13:20Z \(3 requests dropped while paused\)/, undefined],
  ];
  it.each(cases)('%s', (_name, exchanges, coverage, status, reason, configure) => {
    const { flow, gap } = gapOf(exchanges, coverage);
    expect(gap?.status).toBe(status);
    expect(gap?.reason).toMatch(reason);
    expect(gap?.configure).toEqual(configure);
    expect(flow.serverSideExchange).toBe(status === 'server-side');
    expect(flow.notes).toContain(gap?.reason);
    expect(flow.steps.find((s) => s.missing)).toMatchObject({ kind: 'token', missing: status, observable: status !== 'server-side' });
  });

  it('offers only hosts the capture saw traffic of (a page can name any issuer in a URL it makes up)', () => {
    const forged = exchange({ url: 'https://app.example/cb?code=c1&iss=https%3A%2F%2Fbank.example', status: 200, body: '<html>', at: T });
    forged.seenBy = { request: ['webRequest'] };
    const { gap } = gapOf([forged], live('app.example'));
    expect(gap?.reason).toMatch(/bank\.example is not a configured domain/);
    expect(gap?.configure).toBeUndefined();
  });

  it('a pause that ended before the code arrived explains nothing', () => {
    const { gap } = gapOf(login({ callback: { status: 200, seenBy: 'webRequest' } }), { domains: ['idp.example', 'app.example'], pauses: [{ from: T - 10_000, to: T - 5_000, dropped: 1 }] });
    expect(gap?.status).toBe('server-side');
  });
});
