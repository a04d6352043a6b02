import { describe, expect, it } from 'vitest';
import type { Occurrence } from '../../../src/core/model.js';
import { atAud } from '../../../src/core/rules/at-aud.js';
import { NOW, check, jsonArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const bearer = (url: string | undefined): Occurrence => ({ location: 'request.header.authorization', at: NOW * 1000, ...(url ? { url } : {}) });

function at(aud: unknown, urls: (string | undefined)[] = []) {
  const payload: Record<string, unknown> = { iss: 'https://as.example', sub: 'u1' };
  if (aud !== undefined) payload.aud = aud;
  return tokenArtifact('access_token', payload, undefined, {
    occurrences: [{ location: 'response.json.access_token', at: NOW * 1000 }, ...urls.map(bearer)],
  });
}

describe('at-aud', () => {
  it.each([
    ['aud missing', at(undefined), 'has no aud'],
    ['aud null', at(null), 'has no aud'],
    ["Keycloak's default account", at('account'), "aud \"account\" is Keycloak's default 'account', not the API"],
    ["Keycloak's default account as a one-element array", at(['account']), "Keycloak's default 'account'"],
    ['URL aud of another API', at('https://api.example/v1', ['https://other.example/data?access_token=secret']), 'does not name the API the token was sent to: https://other.example/data'],
    ['several URL audiences, none matching', at(['https://a.example', 'https://b.example/'], ['https://c.example/x']), 'https://c.example/x'],
    ['a host that only starts with the audience', at('https://api.example.com', ['https://api.example.com.evil.io/steal']), 'https://api.example.com.evil.io/steal'],
    ['a path that only starts with the audience path', at('https://api.example/v1', ['https://api.example/v1x/data']), 'https://api.example/v1x/data'],
    ['same origin, another path', at('https://api.example/v2/', ['https://api.example/v1/data']), 'https://api.example/v1/data'],
    ['another scheme', at('http://api.example', ['https://api.example/x']), 'https://api.example/x'],
  ])('fires: %s', (_name, token, fragment) => {
    const f = check(atAud, [token]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'at-aud', severity: 'warning', claim: 'aud' });
    expect(f[0]!.message).toContain(fragment);
    expect(f[0]!.message).not.toContain('secret');
  });

  it('names each distinct called URL once', () => {
    const f = check(atAud, [at('https://api.example', ['https://x.example/a?x=1', 'https://x.example/a?x=2', 'https://y.example/b'])]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('https://x.example/a, https://y.example/b');
  });

  it.each([
    ['a plain audience name (seed 002 "tinfo")', at('tinfo', ['https://preprod.bankidapis.no/oidc/oauth/userinfo'])],
    ['"account" with another audience', at(['account', 'tinfo'])],
    ['same origin as the called URL', at('https://api.example', ['https://api.example/v1/data'])],
    ['a prefix of the called URL', at('https://api.example/v1/', ['https://api.example/v1/data'])],
    ['the audience path on a segment boundary', at('https://api.example.com/v1', ['https://api.example.com/v1/data?q=1', 'https://api.example.com/v1'])],
    ['the audience with a trailing slash names its own path', at('https://api.example/v1/', ['https://api.example/v1'])],
    ['a default port written out', at('https://api.example:443', ['https://api.example/x'])],
    ['one of several audiences matches', at(['https://a.example', 'https://api.example'], ['https://api.example/x'])],
    ['a mix of URL and non-URL audiences', at(['https://a.example', 'tinfo'], ['https://b.example/x'])],
    ['a URN audience', at('urn:example:api', ['https://b.example/x'])],
    ['URL aud, never used as a bearer token', at('https://api.example')],
    ['URL aud, bearer occurrence without a URL', at('https://api.example', [undefined])],
  ])('does not fire: %s', (_name, token) => {
    expect(check(atAud, [token])).toEqual([]);
  });

  it.each([
    ['aud a number', 42],
    ['aud an object', { a: ['https://x'] }],
    ['aud an empty array', []],
    ['aud an array of non-strings', [1, null, {}]],
    ['aud a huge string', 'h'.repeat(200_000)],
  ])('bad input does not throw: %s', (_name, aud) => {
    const f = check(atAud, [at(aud, ['https://api.example/x'])]);
    expect(f.filter((x) => x.message.startsWith('internal error'))).toEqual([]);
    expect(f).toEqual([]);
  });

  it('ignores opaque access tokens and JWEs', () => {
    const opaque = jsonArtifact('access_token', undefined, { raw: 'opaque' });
    const jwe = tokenArtifact('access_token', {}, undefined, { jwt: { format: 'jwe', segments: [], problems: [] } });
    expect(check(atAud, [opaque, jwe])).toEqual([]);
  });
});
