/**
 * The webRequest source re-installed after a host permission grant (issue: on a fresh default install, webRequest
 * stayed silent after the user granted access until the worker restarted). The fake namespace refuses
 * listeners added without host access, as Chromium does.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../../src/core/capture/observation.js';
import type { Domain } from '../../../src/shared/domains.js';
import { defaultSettings } from '../../../src/shared/settings.js';
import { EVENT_NAMES, fakeWebRequest, type FakeWebRequest } from './fake-web-request.js';

const fake = vi.hoisted(() => ({ webRequest: undefined as unknown }));
vi.mock('../../../src/shared/browser.js', () => ({ browser: { get webRequest() { return fake.webRequest; } } }));

const { installWebRequestCapture } = await import('../../../src/background/capture/web-request.js');

const T0 = 1_700_000_000_000;
const IDP: Domain = { host: 'idp.example.com', subdomains: false };
const token = { requestId: '7', tabId: 4, method: 'POST', url: 'https://idp.example.com/token' };

let web: FakeWebRequest;
let recorded: { tabId: number; obs: Observation }[];
let counted: number;
const ctx = {
  record: (tabId: number, observations: Observation[]) => recorded.push(...observations.map((obs) => ({ tabId, obs }))),
  domains: () => [IDP],
  settings: () => defaultSettings([]),
  count: () => void counted++,
};

beforeEach(() => {
  web = fakeWebRequest();
  fake.webRequest = web.events;
  recorded = [];
  counted = 0;
});

describe('installWebRequestCapture', () => {
  it.each([
    ['onBeforeRequest', ['requestBody']],
    ['onSendHeaders', ['requestHeaders']],
    ['onBeforeRedirect', ['responseHeaders']],
    ['onCompleted', ['responseHeaders']],
    ['onErrorOccurred', undefined],
  ] as const)('adds one %s listener for every URL (options: %j)', (name, options) => {
    installWebRequestCapture(ctx);
    const [only, ...more] = web.current(name);
    expect(more).toEqual([]);
    expect(only?.extra).toEqual(options === undefined ? [{ urls: ['<all_urls>'] }] : [{ urls: ['<all_urls>'] }, options]);
  });

  it('reinstall takes off exactly its own listeners and adds new function objects with the same filters', () => {
    const foreign = () => undefined;
    web.events.onCompleted.addListener(foreign, { urls: ['<all_urls>'] });
    const capture = installWebRequestCapture(ctx);
    const before = Object.fromEntries(EVENT_NAMES.map((n) => [n, web.current(n)]));
    capture.reinstall();
    for (const name of EVENT_NAMES) {
      const ours = before[name]!.filter((r) => r.callback !== foreign);
      expect(web.events[name].removed, name).toEqual(ours.map((r) => r.callback));
      const now = web.current(name).filter((r) => r.callback !== foreign);
      expect(now.map((r) => r.extra), name).toEqual(ours.map((r) => r.extra));
      expect(now.some((r) => ours.some((o) => o.callback === r.callback)), `${name}: fresh functions`).toBe(false);
    }
    expect(web.current('onCompleted').map((r) => r.callback)).toContain(foreign);
  });

  it('regression: listeners refused before the grant capture nothing; re-installed after it, they capture', () => {
    web.hostAccess = false;
    const capture = installWebRequestCapture(ctx);
    web.hostAccess = true;
    web.emit('onBeforeRequest', { ...token, timeStamp: T0, requestBody: { formData: { grant_type: ['authorization_code'] } } });
    web.emit('onCompleted', { ...token, timeStamp: T0 + 5, statusCode: 200 });
    expect(counted).toBe(0);
    expect(recorded).toEqual([]);

    capture.reinstall();
    web.emit('onBeforeRequest', { ...token, timeStamp: T0 + 10, requestBody: { formData: { grant_type: ['authorization_code'] } } });
    web.emit('onCompleted', { ...token, timeStamp: T0 + 15, statusCode: 200 });
    expect(counted).toBe(2);
    expect(recorded).toEqual([{ tabId: 4, obs: expect.objectContaining({ key: 'wr:7', requestForm: { grant_type: ['authorization_code'] }, status: 200 }) }]);
  });

  it('a request that started before a reinstall is completed by the new listeners, with its body', () => {
    const capture = installWebRequestCapture(ctx);
    web.emit('onBeforeRequest', { ...token, timeStamp: T0, requestBody: { formData: { code: ['abc'] } } });
    capture.reinstall();
    web.emit('onCompleted', { ...token, timeStamp: T0 + 5, statusCode: 200 });
    expect(recorded.map((r) => r.obs)).toEqual([expect.objectContaining({ key: 'wr:7', startedAt: T0, requestForm: { code: ['abc'] }, status: 200 })]);
  });

  it('runs each event once however often it was re-installed', () => {
    const capture = installWebRequestCapture(ctx);
    capture.reinstall();
    capture.reinstall();
    web.emit('onCompleted', { ...token, timeStamp: T0, statusCode: 204 });
    expect(counted).toBe(1);
    expect(recorded).toHaveLength(1);
    for (const name of EVENT_NAMES) expect(web.current(name), name).toHaveLength(1);
  });
});
