import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFormComponent, parseForm } from '../../../src/core/util/form.js';

describe('parseForm', () => {
  it.each([
    ['', {}],
    ['a=1', { a: ['1'] }],
    ['a=1&a=2&b=', { a: ['1', '2'], b: [''] }],
    ['flag&x=1', { flag: [''], x: ['1'] }],
    ['&&a=1&&', { a: ['1'] }],
    ['scope=openid+profile', { scope: ['openid profile'] }],
    ['redirect_uri=https%3A%2F%2Ftestclient.local%3A8487%2Fcallback', { redirect_uri: ['https://testclient.local:8487/callback'] }],
    ['v=a%2Bb%3D%3D', { v: ['a+b=='] }],
    ['k%20ey=v=w', { 'k ey': ['v=w'] }],
    ['bad=%zz%2', { bad: ['%zz%2'] }],
    ['mixed=%41%zz%C3%A5', { mixed: ['A%zzå'] }],
    ['latin1=%E5', { latin1: ['\uFFFD'] }],
    ['utf8=%C3%B8%E2%9C%93', { utf8: ['ø✓'] }],
    ['?a=1', { '?a': ['1'] }],
  ])('%j', (text, form) => {
    expect(parseForm(text)).toEqual(form);
  });

  it('keeps __proto__ and constructor as ordinary names', () => {
    const form = parseForm('__proto__=x&constructor=y&__proto__=z');
    expect(Object.keys(form)).toEqual(['__proto__', 'constructor']);
    expect(form['__proto__']).toEqual(['x', 'z']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.getPrototypeOf(form)).toBe(Object.prototype);
  });

  it('returns an empty form for what is not text', () => {
    expect(parseForm(undefined as unknown as string)).toEqual({});
  });

  it('keeps a lone surrogate outside escapes (URLSearchParams would make it U+FFFD)', () => {
    expect(parseForm('a=\uD800')).toEqual({ a: ['\uD800'] });
  });

  it('follows the URL standard where node\'s URLSearchParams does not (a bad byte before raw non-ASCII text)', () => {
    expect(parseForm('%aa\u00f8')).toEqual({ '\uFFFD\u00f8': [''] });
  });

  it('agrees with URLSearchParams on any ASCII text (except a leading "?", which URLSearchParams drops)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '=', '&', '+', '%', '2', 'F', 'C', '3', 'z', 'B', '8', ' ') }), (text) => {
        fc.pre(!text.startsWith('?'));
        const expected: Record<string, string[]> = {};
        for (const [k, v] of new URLSearchParams(text)) (expected[k] ??= []).push(v);
        const actual = parseForm(text);
        expect(Object.entries(actual)).toEqual(Object.entries(expected));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(typeof parseForm(text)).toBe('object');
    }));
  });
});

describe('decodeFormComponent', () => {
  it('round-trips what encodeURIComponent wrote', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(decodeFormComponent(encodeURIComponent(s))).toBe(s);
    }));
  });
});
