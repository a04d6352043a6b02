import { describe, expect, it } from 'vitest';
import { PRESETS, defaultSettings, normalizeSettings } from '../../../src/shared/settings.js';
import { parseDomain } from '../../../src/shared/domains.js';

describe('defaultSettings', () => {
  it('starts with no domain, key fetching off and every non-deep source on', () => {
    const s = defaultSettings();
    expect(s.domains).toEqual([]);
    expect(s.fetchKeys).toBe(false);
    expect(s.sources).toEqual({ webRequest: true, pageHook: true, devtools: true, filterResponseData: true, debugger: false });
  });

  it('configures the build-time domains, normalised', () => {
    expect(defaultSettings(['IDP.example.com', 'localhost:3000', 'bad host']).domains).toEqual([
      'idp.example.com',
      'localhost:3000',
    ]);
  });
});

describe('PRESETS', () => {
  it('holds the provider hosts of the documents, each a valid domain', () => {
    const all = PRESETS.flatMap((p) => p.domains);
    expect(all).toEqual(expect.arrayContaining(['testsso.kapitalbank.az', 'dmzid.kapitalbank.az', 'stg-id.uaepass.ae', 'id.uaepass.ae', 'auth.current.bankid.no']));
    for (const domain of all) expect(parseDomain(domain)).not.toHaveProperty('error');
  });
});

describe('normalizeSettings', () => {
  const defaults = defaultSettings(['idp.example.com']);

  it.each([undefined, null, 42, 'settings', []])('gives the defaults for %j', (stored) => {
    expect(normalizeSettings(stored, defaults)).toEqual(defaults);
  });

  it('returns a copy, not the defaults object', () => {
    const s = normalizeSettings(undefined, defaults);
    s.domains.push('x.example');
    expect(defaults.domains).toEqual(['idp.example.com']);
  });

  it('keeps valid values and repairs bad ones', () => {
    const s = normalizeSettings(
      {
        domains: ['A.example', 'a.example', 'bad host', 7, 'localhost:8080'],
        skewSeconds: 9999,
        clientIds: { ' https://idp.example.com ': ['web', ' web ', '', 3], 'https://x': 'not-a-list' },
        fetchKeys: 'yes',
        sources: { webRequest: false, debugger: 'on', unknown: true },
        preserveLog: true,
        extra: 'dropped',
      },
      defaults,
    );
    expect(s).toEqual({
      version: 1,
      domains: ['a.example', 'localhost:8080'],
      skewSeconds: 300,
      clientIds: { 'https://idp.example.com': ['web'] },
      fetchKeys: false,
      sources: { webRequest: false, pageHook: true, devtools: true, filterResponseData: true, debugger: false },
      preserveLog: true,
    });
  });

  it.each([
    [-5, 0],
    [12.6, 13],
    [Number.NaN, 60],
    [Number.POSITIVE_INFINITY, 60],
    ['30', 60],
  ])('clamps skew %j to %j', (skewSeconds, expected) => {
    expect(normalizeSettings({ skewSeconds }, defaults).skewSeconds).toBe(expected);
  });
});
