import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/core/model.js';
import { bodyText } from '../../../src/core/util/body.js';
import { importFixture } from './fixtures.js';

/** What must not depend on the browser that exported the HAR. */
function essentials(e: Exchange) {
  return {
    method: e.method,
    url: e.url,
    status: e.status,
    startedAt: e.startedAt,
    form: e.requestForm,
    requestBody: e.requestBody ? bodyText(e.requestBody, undefined, 'request').text : undefined,
    // Chrome has no text for a redirect, Firefox an empty one: the same for the analysis.
    responseBody: e.responseBody ? bodyText(e.responseBody).text : '',
    redirectUrl: e.redirectUrl,
  };
}

describe('the same traffic exported by Chrome and by Firefox', () => {
  const chrome = importFixture('sample-login.har');
  const firefox = importFixture('sample-login.firefox.har');

  it('gives the same exchanges (method, url, status, time, form, bodies, redirects)', () => {
    expect(firefox.creator).toBe('Firefox 91.0');
    expect(firefox.warnings).toEqual([]);
    expect(firefox.exchanges.map(essentials)).toEqual(chrome.exchanges.map(essentials));
  });

  it('reads Firefox local times with their offset as the same instants', () => {
    expect(firefox.exchanges[0]!.startedAt).toBe(Date.UTC(2021, 7, 18, 11, 27, 30));
  });

  it('does not decode Firefox params a second time (they are already decoded)', () => {
    const refresh = firefox.exchanges[6]!;
    expect(refresh.requestForm?.scope).toEqual(['openid profile']);
  });

  it('differs only where the browsers differ: headers', () => {
    const chromeAuthorize = chrome.exchanges[1]!.requestHeaders.map((h) => h.name);
    const firefoxAuthorize = firefox.exchanges[1]!.requestHeaders.map((h) => h.name);
    expect(chromeAuthorize).toContain(':authority');
    expect(firefoxAuthorize).toContain('Host');
    expect(firefoxAuthorize).not.toContain(':authority');
  });
});
