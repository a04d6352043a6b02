import { describe, expect, it } from 'vitest';
import { entryVerdict } from '../../../src/devtools/entry-filter.js';
import { harEntryToObservation } from '../../../src/devtools/har-observation.js';
import { parseDomains } from '../../../src/shared/domains.js';

const domains = parseDomains(['idp.example.com']);

/** A Chrome `devtools.network` HAR entry (no body: getContent gives it). */
function entry(request: { method?: string; url: string; headers?: Record<string, string>; form?: string }, response: { status?: number; mimeType?: string; size?: number } = {}) {
  return {
    startedDateTime: '2026-12-01T10:00:00.000Z',
    time: 12,
    request: {
      method: request.method ?? (request.form ? 'POST' : 'GET'),
      url: request.url,
      httpVersion: 'HTTP/1.1',
      headers: Object.entries({ ...(request.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...request.headers }).map(([name, value]) => ({ name, value })),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: request.form?.length ?? 0,
      ...(request.form ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: request.form } } : {}),
    },
    response: {
      status: response.status ?? 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: response.mimeType ? [{ name: 'Content-Type', value: response.mimeType }] : [],
      cookies: [],
      content: { size: response.size ?? 100, mimeType: response.mimeType ?? 'text/html' },
      redirectURL: '',
      headersSize: -1,
      bodySize: response.size ?? 100,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2 },
  };
}

const verdict = (e: ReturnType<typeof entry>) => entryVerdict(e, harEntryToObservation(e, undefined, { paramsAsSent: true, now: 0 }), domains);

describe('entryVerdict (issue 9: DevTools on a host nobody configured)', () => {
  it.each<[string, ReturnType<typeof entry>, string]>([
    ['anything on a configured host', entry({ url: 'https://idp.example.com/style.css' }, { mimeType: 'text/css' }), 'send'],
    ['a token request on another host', entry({ url: 'https://login.other.example/oauth2/v2.0/token', form: 'grant_type=authorization_code&code=c' }, { mimeType: 'application/json' }), 'send'],
    ['an authorization request', entry({ url: 'https://login.other.example/authorize?client_id=a&response_type=code' }), 'send'],
    ['an API call with a bearer', entry({ url: 'https://api.other.example/me', headers: { Authorization: 'Bearer t' } }, { mimeType: 'application/json' }), 'send'],
    ['a JSON response that may be a token document', entry({ url: 'https://api.other.example/session' }, { mimeType: 'application/json; charset=utf-8' }), 'judge-body'],
    ['a JWT response', entry({ url: 'https://api.other.example/signed' }, { mimeType: 'application/jwt' }), 'judge-body'],
    ['a JSON response over 1 MB', entry({ url: 'https://api.other.example/big' }, { mimeType: 'application/json', size: 2 << 20 }), 'drop'],
    ['a page', entry({ url: 'https://www.other.example/' }), 'drop'],
    ['an image', entry({ url: 'https://www.other.example/a.png' }, { mimeType: 'image/png' }), 'drop'],
  ])('%s: %s', (_name, e, expected) => {
    expect(verdict(e)).toBe(expected);
  });

  it('drops what is no entry at all', () => {
    expect(entryVerdict({}, undefined, domains)).toBe('drop');
    expect(entryVerdict(null, harEntryToObservation(null, undefined, { paramsAsSent: true, now: 0 }), domains)).toBe('drop');
  });
});
