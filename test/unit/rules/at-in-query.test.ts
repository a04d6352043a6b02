import { describe, expect, it } from 'vitest';
import type { Occurrence } from '../../../src/core/model.js';
import { atInQuery } from '../../../src/core/rules/at-in-query.js';
import { NOW, check, jsonArtifact, tokenArtifact } from '../helpers/rule-harness.js';

const occ = (location: string, url?: string): Occurrence => ({ location, at: NOW * 1000, ...(url ? { url } : {}) });

describe('at-in-query', () => {
  it('fires for a JWT access token in a URL query, naming host and path but not the token', () => {
    const token = tokenArtifact('access_token', { sub: 'u1' });
    token.occurrences.push(occ('url.query.access_token', `https://api.example/v1/me?access_token=${token.raw}&x=1`));
    const f = check(atInQuery, [token]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'at-in-query', severity: 'warning' });
    expect(f[0]!.message).toContain('access token sent in the URL query parameter "access_token" of https://api.example/v1/me');
    expect(f[0]!.message).not.toContain(token.raw!);
    expect(f[0]!.message).not.toContain('x=1');
  });

  it('fires for an opaque token, once per parameter and URL', () => {
    const opaque = jsonArtifact('opaque_token', undefined, {
      raw: 'SlAV32hkKG',
      occurrences: [
        occ('url.query.access_token', 'https://api.example/a?access_token=SlAV32hkKG'),
        occ('url.query.access_token', 'https://api.example/a?access_token=SlAV32hkKG&page=2'),
        occ('url.query.token', 'https://api.example/b?token=SlAV32hkKG'),
      ],
    });
    const f = check(atInQuery, [opaque]);
    expect(f.map((x) => x.severity)).toEqual(['warning', 'warning']);
    expect(f[0]!.message).toContain('token sent in the URL query parameter "access_token" of https://api.example/a');
    expect(f[1]!.message).toContain('"token" of https://api.example/b');
    expect(f.every((x) => !x.message.includes('SlAV32hkKG'))).toBe(true);
  });

  it.each([
    ['issued in a token response and sent as a bearer header', ['response.json.access_token', 'request.header.authorization']],
    ['implicit flow fragment', ['url.fragment.access_token']],
    ['form body', ['request.form.token']],
    ['no occurrences at all', []],
  ])('does not fire: %s', (_name, locations) => {
    const token = tokenArtifact('access_token', { sub: 'u1' }, undefined, { occurrences: locations.map((l) => occ(l, 'https://api.example/x')) });
    expect(check(atInQuery, [token])).toEqual([]);
  });

  it('bad input: a query occurrence without a URL, or with a relative one, still reports without throwing', () => {
    const token = jsonArtifact('opaque_token', undefined, {
      occurrences: [occ('url.query.access_token'), occ('url.query.at', '/relative/path?at=abc#frag')],
    });
    const f = check(atInQuery, [token]);
    expect(f).toHaveLength(2);
    expect(f[0]!.message).toContain('of an unknown URL');
    expect(f[1]!.message).toContain('of /relative/path;');
    expect(f[1]!.message).not.toContain('abc');
  });
});
