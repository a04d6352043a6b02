import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureContext } from '../../../src/background/capture/context.js';
import { MAX_PAGE_BODY_CHARS, MAX_PAGE_OBSERVATIONS, acceptPageObservations } from '../../../src/background/capture/page-observations.js';
import type { Observation } from '../../../src/core/capture/observation.js';
import { PAGE_LIMITS, sanitizeObservation } from '../../../src/capture/observation-guard.js';
import { parseDomains } from '../../../src/shared/domains.js';
import { defaultSettings, type Settings } from '../../../src/shared/settings.js';

const T0 = 1_700_000_000_000;
const good = {
  source: 'page-hook',
  method: 'post',
  url: 'https://idp.example.com/token',
  startedAt: T0,
  endedAt: T0 + 5,
  requestHeaders: [{ name: 'content-type', value: 'application/x-www-form-urlencoded' }],
  requestBody: { text: 'grant_type=authorization_code', mimeType: 'application/x-www-form-urlencoded' },
  requestForm: { grant_type: ['authorization_code'] },
  status: 200,
  statusText: 'OK',
  responseHeaders: [{ name: 'content-type', value: 'application/json' }],
  responseBody: { text: '{"access_token":"x"}', mimeType: 'application/json' },
  notes: ['a note'],
};

function fakeContext(settings: Partial<Settings> = {}, domains = ['idp.example.com']) {
  const recorded: { tabId: number; observations: Observation[] }[] = [];
  const counts: string[] = [];
  const full: Settings = { ...defaultSettings(), domains, ...settings };
  const ctx: CaptureContext = {
    record: (tabId, observations) => recorded.push({ tabId, observations }),
    domains: () => parseDomains(full.domains),
    settings: () => full,
    count: (source) => counts.push(source),
  };
  return { ctx, recorded, counts };
}

describe('sanitizeObservation', () => {
  it('rebuilds a good observation with the source forced and the method upper-cased', () => {
    const obs = sanitizeObservation({ ...good, source: 'webRequest', key: 'wr:1', extra: 'dropped' });
    expect(obs).toEqual({ ...good, source: 'page-hook', method: 'POST' });
    expect(obs).not.toHaveProperty('key');
    expect(obs).not.toHaveProperty('extra');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'observation'],
    ['an array', [good]],
    ['no method', { ...good, method: undefined }],
    ['a method with spaces', { ...good, method: 'GET /' }],
    ['a method that is too long', { ...good, method: 'A'.repeat(33) }],
    ['a URL that is not a string', { ...good, url: { href: 'https://idp.example.com/' } }],
    ['a relative URL', { ...good, url: '/token' }],
    ['a javascript: URL', { ...good, url: 'javascript:alert(1)' }],
    ['a data: URL', { ...good, url: 'data:text/plain,x' }],
    ['a URL that is too long', { ...good, url: `https://idp.example.com/${'a'.repeat(PAGE_LIMITS.url)}` }],
    ['a start time as a string', { ...good, startedAt: String(T0) }],
    ['a start time of 0', { ...good, startedAt: 0 }],
    ['a start time in seconds', { ...good, startedAt: T0 / 1000 }],
    ['NaN as end time', { ...good, endedAt: Number.NaN }],
    ['headers that are an object', { ...good, requestHeaders: { authorization: 'x' } }],
    ['a header without a name', { ...good, responseHeaders: [{ value: 'x' }] }],
    ['a header with a number value', { ...good, responseHeaders: [{ name: 'a', value: 1 }] }],
    ['too many headers', { ...good, responseHeaders: Array.from({ length: PAGE_LIMITS.headers + 1 }, () => ({ name: 'a', value: 'b' })) }],
    ['a header value that is too long', { ...good, requestHeaders: [{ name: 'a', value: 'x'.repeat(PAGE_LIMITS.headerValue + 1) }] }],
    ['a body that is a string', { ...good, responseBody: '{"a":1}' }],
    ['a body with an unknown encoding', { ...good, responseBody: { text: 'x', encoding: 'gzip' } }],
    ['a base64 body that is not base64', { ...good, responseBody: { text: '<script>', encoding: 'base64' } }],
    ['a body with truncated as a string', { ...good, responseBody: { text: 'x', truncated: 'yes' } }],
    ['a form value that is not a list', { ...good, requestForm: { a: 'b' } }],
    ['a form list with a number', { ...good, requestForm: { a: ['b', 1] } }],
    ['a form that is an array', { ...good, requestForm: [['a', 'b']] }],
    ['status 0', { ...good, status: 0 }],
    ['a status as a string', { ...good, status: '200' }],
    ['a fractional status', { ...good, status: 200.5 }],
    ['status 1000', { ...good, status: 1000 }],
    ['notes that are a string', { ...good, notes: 'x' }],
    ['a note that is a number', { ...good, notes: [1] }],
    ['a redirect URL that is too long', { ...good, redirectUrl: 'x'.repeat(PAGE_LIMITS.url + 1) }],
    ['a getter that throws', Object.defineProperty({ ...good }, 'status', { get: () => { throw new Error('gotcha'); }, enumerable: true })],
  ])('refuses %s', (_name, value) => {
    expect(sanitizeObservation(value)).toBeUndefined();
  });

  it('cuts an over-long body and marks it truncated', () => {
    const obs = sanitizeObservation({ ...good, responseBody: { text: 'x'.repeat(PAGE_LIMITS.bodyText + 10) } });
    expect(obs?.responseBody?.text.length).toBe(PAGE_LIMITS.bodyText);
    expect(obs?.responseBody?.truncated).toBe(true);
  });

  it('keeps at most the note limit and cuts long notes', () => {
    const obs = sanitizeObservation({ ...good, notes: Array.from({ length: 30 }, () => 'n'.repeat(PAGE_LIMITS.note + 5)) });
    expect(obs?.notes).toHaveLength(PAGE_LIMITS.notes);
    expect(obs?.notes?.[0]).toHaveLength(PAGE_LIMITS.note);
  });

  it('keeps form names such as __proto__ as plain members', () => {
    const requestForm = JSON.parse('{"__proto__":["polluted"]}') as unknown;
    const obs = sanitizeObservation({ ...good, requestForm });
    expect(Object.getPrototypeOf(obs!.requestForm)).toBe(Object.prototype);
    expect(Object.keys(obs!.requestForm!)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('normalises the URL', () => {
    expect(sanitizeObservation({ ...good, url: 'HTTPS://IDP.example.com:443/token' })?.url).toBe('https://idp.example.com/token');
  });
});

describe('acceptPageObservations', () => {
  it('records valid observations on configured domains for the tab and counts the callback', () => {
    const { ctx, recorded, counts } = fakeContext();
    expect(acceptPageObservations(ctx, 4, { type: 'page-observations', observations: [good] })).toBe(1);
    expect(recorded).toEqual([{ tabId: 4, observations: [{ ...good, method: 'POST' }] }]);
    expect(counts).toEqual(['page-hook']);
  });

  it('takes a bare array too', () => {
    const { ctx, recorded } = fakeContext();
    expect(acceptPageObservations(ctx, 4, [good, good])).toBe(2);
    expect(recorded[0]?.observations).toHaveLength(2);
  });

  it('drops observations of other domains, and invalid ones, keeping the rest', () => {
    const { ctx, recorded } = fakeContext();
    const payload = [good, { ...good, url: 'https://evil.example.net/token' }, { ...good, status: 'x' }, { ...good, url: 'https://sub.idp.example.com/' }];
    expect(acceptPageObservations(ctx, 4, payload)).toBe(1);
    expect(recorded[0]?.observations.map((o) => o.url)).toEqual(['https://idp.example.com/token']);
  });

  it.each<[string, number, unknown]>([
    ['a negative tab', -1, [good]],
    ['a fractional tab', 1.5, [good]],
    ['a string payload', 4, 'observations'],
    ['null', 4, null],
    ['an object without observations', 4, { type: 'page-observations' }],
    ['observations that are not a list', 4, { observations: good }],
    ['an empty list', 4, []],
  ])('records nothing for %s', (_name, tabId, payload) => {
    const { ctx, recorded } = fakeContext();
    expect(acceptPageObservations(ctx, tabId, payload)).toBe(0);
    expect(recorded).toEqual([]);
  });

  it('records nothing while the page-hook source is off', () => {
    const { ctx, recorded } = fakeContext({ sources: { ...defaultSettings().sources, pageHook: false } });
    expect(acceptPageObservations(ctx, 4, [good])).toBe(0);
    expect(recorded).toEqual([]);
  });

  it('takes at most the batch limit', () => {
    const { ctx, recorded } = fakeContext();
    const payload = Array.from({ length: MAX_PAGE_OBSERVATIONS + 5 }, () => good);
    expect(acceptPageObservations(ctx, 4, payload)).toBe(MAX_PAGE_OBSERVATIONS);
    expect(recorded[0]?.observations).toHaveLength(MAX_PAGE_OBSERVATIONS);
  });

  it('stops at the body budget of one message', () => {
    const { ctx } = fakeContext();
    const big = { ...good, requestBody: undefined, responseBody: { text: 'x'.repeat(PAGE_LIMITS.bodyText) } };
    const fits = Math.floor(MAX_PAGE_BODY_CHARS / PAGE_LIMITS.bodyText);
    expect(fits).toBeLessThan(20);
    expect(acceptPageObservations(ctx, 4, Array.from({ length: 20 }, () => big))).toBe(fits);
  });

  describe('before the settings are loaded', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('checks domains and records once the domains are known', () => {
      vi.useFakeTimers();
      const { ctx, recorded } = fakeContext();
      let loaded = false;
      const waiting: CaptureContext = { ...ctx, domains: () => (loaded ? ctx.domains() : []) };
      const payload = [good, { ...good, url: 'https://other.example.org/' }];
      expect(acceptPageObservations(waiting, 4, payload)).toBe(2);
      expect(recorded).toEqual([]);
      loaded = true;
      vi.advanceTimersByTime(100);
      expect(recorded).toEqual([{ tabId: 4, observations: [{ ...good, method: 'POST' }] }]);
    });
  });
});
