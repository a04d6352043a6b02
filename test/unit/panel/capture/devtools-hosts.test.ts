import { describe, expect, it } from 'vitest';
import type { CaptureSource, Exchange } from '../../../../src/core/model.js';
import { devtoolsOnlyHosts } from '../../../../src/panel/model/devtools-hosts.js';

let n = 0;
const ex = (url: string, ...sources: CaptureSource[]): Exchange => ({ id: `e${++n}`, method: 'GET', url, requestHeaders: [], responseHeaders: [], startedAt: n, seenBy: { request: sources } });

describe('devtoolsOnlyHosts (issue 9 §2)', () => {
  it('lists unconfigured hosts DevTools alone saw, most requests first', () => {
    const hosts = devtoolsOnlyHosts(
      [
        ex('https://login.other.example/authorize?x', 'devtools'),
        ex('https://app.local:3000/cb?code=1', 'devtools'),
        ex('https://login.other.example/token', 'devtools'),
        ex('https://idp.example/token', 'devtools'),
        ex('https://both.example/token', 'devtools'),
        ex('https://both.example/userinfo', 'devtools', 'webRequest'),
        ex('not a url', 'devtools'),
      ],
      ['idp.example'],
    );
    expect(hosts).toEqual([
      { host: 'login.other.example', requests: 2 },
      { host: 'app.local:3000', requests: 1 },
    ]);
  });

  it('nothing when everything is configured or no request was captured', () => {
    expect(devtoolsOnlyHosts([ex('https://idp.example/x', 'devtools')], ['*.example'])).toEqual([]);
    expect(devtoolsOnlyHosts([], [])).toEqual([]);
  });
});
