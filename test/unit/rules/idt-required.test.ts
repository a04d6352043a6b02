import { describe, expect, it } from 'vitest';
import { idtRequired } from '../../../src/core/rules/idt-required.js';
import { check, jsonArtifact, NOW, tokenArtifact } from '../helpers/rule-harness.js';
import { seed002IdToken } from './cross-fixtures.js';

const full = { iss: 'https://op.example', sub: 'u1', aud: 'c1', exp: NOW + 300, iat: NOW };

function without(...names: string[]): Record<string, unknown> {
  const c: Record<string, unknown> = { ...full };
  for (const n of names) delete c[n];
  return c;
}

describe('idt-required', () => {
  it.each([
    ['all five present', full, []],
    ['iss missing', without('iss'), ['iss']],
    ['sub missing', without('sub'), ['sub']],
    ['aud missing', without('aud'), ['aud']],
    ['exp missing', without('exp'), ['exp']],
    ['iat missing', without('iat'), ['iat']],
    ['everything missing', {}, ['iss', 'sub', 'aud', 'exp', 'iat']],
    // Wrong types are other rules' business (claim-types, numericdate): present is present.
    ['present with wrong types', { iss: 1, sub: {}, aud: null, exp: '1', iat: [1] }, []],
  ])('%s', (_name, payload, missing) => {
    const findings = check(idtRequired, [tokenArtifact('id_token', payload)]);
    expect(findings.map((f) => f.claim)).toEqual(missing);
    for (const f of findings) {
      expect(f.rule).toBe('idt-required');
      expect(f.severity).toBe('error');
      expect(f.message).toContain(`has no ${f.claim} claim`);
    }
  });

  it('accepts the seed 002 ID token', () => {
    expect(check(idtRequired, [seed002IdToken()])).toEqual([]);
  });

  it('says nothing when the payload could not be decoded (jws-parse reports it)', () => {
    const broken = jsonArtifact('id_token', undefined, { raw: 'not.a.jwt' });
    expect(check(idtRequired, [broken])).toEqual([]);
  });

  it('does not count an inherited property as present', () => {
    const claims = Object.create({ iss: 'https://op.example' }) as Record<string, unknown>;
    Object.assign(claims, without('iss'));
    const findings = check(idtRequired, [jsonArtifact('id_token', claims)]);
    expect(findings.map((f) => f.claim)).toEqual(['iss']);
  });

  it('runs only on ID tokens', () => {
    expect(check(idtRequired, [tokenArtifact('access_token', {})])).toEqual([]);
  });
});
