import { describe, expect, it } from 'vitest';
import { domainPatterns, formatDomain, originPattern, parseDomain, parseDomains, urlOnDomains } from '../../../src/shared/domains.js';

describe('parseDomain', () => {
  it.each([
    ['idp.example.com', 'idp.example.com'],
    ['  IDP.Example.COM ', 'idp.example.com'],
    ['localhost:3000', 'localhost:3000'],
    ['*.example.com', '*.example.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['127.0.0.1:8443', '127.0.0.1:8443'],
    ['https://testsso.kapitalbank.az/', 'testsso.kapitalbank.az'],
    ['http://localhost:8080', 'localhost:8080'],
    ['[::1]', '[::1]'],
    ['[::1]:3000', '[::1]:3000'],
  ])('accepts %j as %j', (input, expected) => {
    const parsed = parseDomain(input);
    expect('error' in parsed ? parsed : formatDomain(parsed)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['idp.example.com/path', 'scheme-or-path'],
    ['https://idp.example.com/authorize', 'scheme-or-path'],
    ['user@idp.example.com', 'scheme-or-path'],
    ['idp example.com', 'scheme-or-path'],
    ['-bad.example.com', 'bad-host'],
    ['idp..example.com', 'bad-host'],
    ['idp_example.com', 'bad-host'],
    ['localhost:0', 'bad-port'],
    ['localhost:70000', 'bad-port'],
    ['localhost:abc', 'bad-port'],
    ['*.[::1]', 'bad-host'],
    ['<script>', 'bad-host'],
  ])('refuses %j with %s', (input, error) => {
    expect(parseDomain(input)).toEqual({ error });
  });
});

describe('parseDomains', () => {
  it('drops invalid entries and duplicates, keeping the first spelling', () => {
    expect(parseDomains(['a.example', 'A.EXAMPLE', 'bad host', 'b.example:1', 'b.example:1']).map(formatDomain)).toEqual([
      'a.example',
      'b.example:1',
    ]);
  });
});

describe('urlOnDomains', () => {
  const domains = parseDomains(['idp.example.com', 'localhost:3000', '*.bank.test', '127.0.0.1']);
  it.each([
    ['https://idp.example.com/token', true],
    ['http://idp.example.com:8080/token', true],
    ['https://evil-idp.example.com/token', false],
    ['https://idp.example.com.evil.test/token', false],
    ['http://localhost:3000/cb', true],
    ['http://localhost:3001/cb', false],
    ['http://localhost/cb', false],
    ['https://bank.test/', true],
    ['https://a.b.bank.test/', true],
    ['https://notbank.test/', false],
    ['http://127.0.0.1:9999/token', true],
    ['http://127.0.0.2/token', false],
    ['ws://idp.example.com/', false],
    ['chrome-extension://abc/panel.html', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(urlOnDomains(url, domains)).toBe(expected);
  });

  it('matches default ports against an entry that names them', () => {
    const withPort = parseDomains(['idp.example.com:443']);
    expect(urlOnDomains('https://idp.example.com/x', withPort)).toBe(true);
    expect(urlOnDomains('http://idp.example.com/x', withPort)).toBe(false);
  });

  it('matches nothing when no domain is configured', () => {
    expect(urlOnDomains('https://idp.example.com/', [])).toBe(false);
  });
});

describe('domainPatterns', () => {
  it.each([
    ['idp.example.com', ['*://idp.example.com/*']],
    ['localhost:3000', ['*://localhost/*']],
    ['*.example.com', ['*://*.example.com/*']],
  ])('%s → %j', (input, expected) => {
    const parsed = parseDomain(input);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(domainPatterns(parsed)).toEqual(expected);
  });
});

describe('originPattern', () => {
  it.each<[string, string | undefined]>([
    ['https://app.example.com/home?x=1', '*://app.example.com/*'],
    ['http://localhost:3000/', '*://localhost/*'],
    ['http://[::1]:8080/', '*://[::1]/*'],
    ['chrome://settings/', undefined],
    ['not a url', undefined],
  ])('%s', (url, pattern) => {
    expect(originPattern(url)).toBe(pattern);
  });
});
