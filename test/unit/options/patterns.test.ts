import { describe, expect, it } from 'vitest';
import { patternCovers, patternsToRelease } from '../../../src/options/patterns.js';

describe('patternsToRelease', () => {
  it.each([
    {
      name: 'gives back the pattern of a removed domain',
      before: ['idp.example.com', 'api.example.com'],
      after: ['api.example.com'],
      builtIn: [],
      release: ['*://idp.example.com/*'],
    },
    {
      name: 'keeps a host another port of it still needs',
      before: ['localhost:3000', 'localhost:4000'],
      after: ['localhost:4000'],
      builtIn: [],
      release: [],
    },
    {
      name: 'gives back the host when its last port goes',
      before: ['localhost:3000'],
      after: [],
      builtIn: [],
      release: ['*://localhost/*'],
    },
    {
      name: 'never gives back what a built-in domain needs',
      before: ['idp.example.com', 'team.example.org'],
      after: ['team.example.org'],
      builtIn: ['IDP.example.com'],
      release: [],
    },
    {
      name: 'keeps a wildcard that still covers a configured subdomain',
      before: ['*.example.com', 'idp.example.com'],
      after: ['idp.example.com'],
      builtIn: [],
      release: [],
    },
    {
      name: 'keeps a wildcard that covers its own apex',
      before: ['*.example.com', 'example.com'],
      after: ['example.com'],
      builtIn: [],
      release: [],
    },
    {
      name: 'gives back a subdomain a remaining wildcard covers anyway',
      before: ['*.example.com', 'idp.example.com'],
      after: ['*.example.com'],
      builtIn: [],
      release: ['*://idp.example.com/*'],
    },
    {
      name: 'does not treat a look-alike host as a subdomain',
      before: ['*.example.com', 'badexample.com'],
      after: ['badexample.com'],
      builtIn: [],
      release: ['*://*.example.com/*'],
    },
    {
      name: 'gives back every pattern once when all go',
      before: ['a.example', 'b.example:8443', 'b.example:9443'],
      after: [],
      builtIn: [],
      release: ['*://a.example/*', '*://b.example/*'],
    },
    {
      name: 'ignores entries that do not parse',
      before: ['not a host', 'https://x.example/path', 'ok.example'],
      after: [],
      builtIn: ['also bad'],
      release: ['*://ok.example/*'],
    },
    { name: 'nothing before, nothing to give back', before: [], after: ['idp.example.com'], builtIn: [], release: [] },
    {
      name: 'nothing removed, nothing to give back',
      before: ['idp.example.com'],
      after: ['idp.example.com'],
      builtIn: [],
      release: [],
    },
  ])('$name', ({ before, after, builtIn, release }) => {
    expect(patternsToRelease(before, after, builtIn)).toEqual(release);
  });
});

describe('patternCovers', () => {
  it.each([
    ['*://*.example.com/*', '*://idp.example.com/*', true],
    ['*://*.example.com/*', '*://a.b.example.com/*', true],
    ['*://*.example.com/*', '*://*.idp.example.com/*', true],
    ['*://*.example.com/*', '*://example.com/*', true],
    ['*://idp.example.com/*', '*://*.example.com/*', false],
    ['*://*.example.com/*', '*://notexample.com/*', false],
    ['https://*.example.com/*', '*://idp.example.com/*', false],
    ['*://*/*', '*://anything.example/*', true],
    ['*://idp.example.com/api/*', '*://idp.example.com/*', false],
    ['not a pattern', '*://idp.example.com/*', false],
    ['same text', 'same text', true],
  ])('%s covers %s: %s', (broad, narrow, expected) => {
    expect(patternCovers(broad, narrow)).toBe(expected);
  });
});
