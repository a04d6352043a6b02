import { describe, expect, it } from 'vitest';
import type { HttpContext } from '../../../src/core/model.js';
import { trCache } from '../../../src/core/rules/tr-cache.js';
import { check, jsonArtifact } from '../helpers/rule-harness.js';

/** Seed 002's token response headers. */
const SEED_002_HEADERS: Record<string, string> = {
  date: 'Wed, 18 Aug 2021 11:27:37 GMT', server: 'web', 'cache-control': 'no-store', 'x-xss-protection': '1; mode=block',
  pragma: 'no-cache', 'referrer-policy': 'no-referrer', 'content-type': 'application/json',
};

function response(headers: Record<string, string>, claims: Record<string, unknown> = { access_token: 'x', token_type: 'Bearer', expires_in: 300 }, status = 200) {
  const http: HttpContext = { method: 'POST', url: 'https://as.example/token', status, requestHeaders: {}, responseHeaders: headers };
  return jsonArtifact('token_response', claims, { http });
}

function without(name: string): Record<string, string> {
  const copy = { ...SEED_002_HEADERS };
  delete copy[name];
  return copy;
}

describe('tr-cache', () => {
  it.each([
    ['seed 002 headers', SEED_002_HEADERS],
    ['directives in other case and with others', { ...SEED_002_HEADERS, 'cache-control': 'private, No-Store, max-age=0', pragma: 'NO-CACHE' }],
  ])('does not fire: %s', (_name, headers) => {
    expect(check(trCache, [response(headers)])).toEqual([]);
  });

  it.each([
    ['Cache-Control missing', without('cache-control'), 'no Cache-Control header; expected Cache-Control: no-store'],
    ['Cache-Control without no-store', { ...SEED_002_HEADERS, 'cache-control': 'no-cache, max-age=0' }, 'Cache-Control "no-cache, max-age=0" without no-store'],
    ['Pragma missing', without('pragma'), 'no Pragma header; expected Pragma: no-cache'],
    ['Pragma without no-cache', { ...SEED_002_HEADERS, pragma: 'public' }, 'Pragma "public" without no-cache'],
  ])('fires a warning: %s', (_name, headers, fragment) => {
    const f = check(trCache, [response(headers)]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'tr-cache', severity: 'warning' });
    expect(f[0]!.message).toContain(fragment);
  });

  it('fires two separate findings when both are missing', () => {
    const f = check(trCache, [response({ 'content-type': 'application/json' })]);
    expect(f).toHaveLength(2);
    expect(f[0]!.message).toContain('Cache-Control');
    expect(f[1]!.message).toContain('Pragma');
  });

  it.each([
    ['an id_token only', { id_token: 'x' }],
    ['a refresh_token only', { refresh_token: 'x' }],
  ])('runs on a response carrying %s', (_name, claims) => {
    expect(check(trCache, [response({ 'content-type': 'application/json' }, claims)])).toHaveLength(2);
  });

  it.each([
    ['an error response (400, error member)', { error: 'invalid_grant' }, 400],
    ['a 5xx response', { access_token: 'x' }, 502],
    ['a 3xx response', { access_token: 'x' }, 302],
    ['a 200 without tokens', { status: 'pending' }, 200],
    ['a 200 with null token members', { access_token: null, id_token: null }, 200],
  ])('does not run on %s: it carries no tokens', (_name, claims, status) => {
    expect(check(trCache, [response({ 'content-type': 'application/json' }, claims, status)])).toEqual([]);
  });

  it('does not run without captured response headers (a JSON file)', () => {
    expect(check(trCache, [jsonArtifact('token_response', { access_token: 'x' })])).toEqual([]);
    expect(check(trCache, [response({})])).toEqual([]);
  });

  it('bad input: odd header values do not throw', () => {
    const headers = { 'cache-control': ',,=,', pragma: '' } as Record<string, string>;
    const f = check(trCache, [response(headers)]);
    expect(f.map((x) => x.severity)).toEqual(['warning', 'warning']);
    const notStrings = { 'cache-control': 5, pragma: null } as unknown as Record<string, string>;
    expect(check(trCache, [response(notStrings)])).toHaveLength(2);
  });
});
