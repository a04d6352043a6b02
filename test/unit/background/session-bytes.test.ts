import { describe, expect, it } from 'vitest';
import { itemBytes, stringBytes, valueBytes } from '../../../src/background/store/session-bytes.js';
import { chromiumBytes } from './fake-area.js';
import { TOKEN_EXCHANGE_BYTES, tokenExchange } from './realistic-exchange.js';

describe('session bytes (issue 3 review: storage.session quota filled at half the budget)', () => {
  it('counts a realistic token exchange at least as Chromium and Firefox do, and not wildly more', () => {
    const ex = tokenExchange('0b7c1f3e-5d0a-4c7e-9a55-1234567890ab');
    const key = `x:123:${ex.id}`;
    const bytes = itemBytes(key, ex);
    expect(bytes).toBeGreaterThanOrEqual(TOKEN_EXCHANGE_BYTES.chromium);
    expect(bytes).toBeGreaterThanOrEqual(TOKEN_EXCHANGE_BYTES.firefox);
    expect(bytes).toBeLessThan(TOKEN_EXCHANGE_BYTES.chromium * 1.3);
    // The fake area's model of Chromium agrees with the browser's own figure.
    expect(Math.abs(chromiumBytes(key, ex) - TOKEN_EXCHANGE_BYTES.chromium)).toBeLessThan(TOKEN_EXCHANGE_BYTES.chromium * 0.01);
  });

  it.each<[string, string, number]>([
    ['empty', '', 8],
    ['ASCII', 'abc', 11],
    ['Latin-1 (two UTF-8 bytes, one in Firefox)', 'é'.repeat(10), 28],
    ['one character above U+00FF in ASCII (UTF-16 in Firefox)', `${'a'.repeat(99)}李`, 208],
    ['CJK (three UTF-8 bytes)', '李'.repeat(10), 38],
    ['astral (four UTF-8 bytes, two UTF-16 units)', '😀'.repeat(10), 48],
    ['a lone surrogate', '\ud800x', 12],
  ])('a string: %s', (_name, text, bytes) => {
    expect(stringBytes(text)).toBe(bytes);
  });

  it.each<[string, unknown]>([
    ['a number', 1700000000000],
    ['null', null],
    ['an empty object', {}],
    ['an empty array', []],
    ['an array of short strings', ['a', 'bb', 'ccc']],
    ['a header list', [{ name: 'content-type', value: 'application/json' }]],
    ['nested', { a: { b: { c: [1, [2, [3]]] } } }],
    ['long strings', { 'a-rather-long-key-name-0': 'x'.repeat(1000), list: ['y'.repeat(40), 'é'.repeat(100)] }],
  ])('%s costs at least what Chromium counts', (_name, value) => {
    expect(itemBytes('k', value)).toBeGreaterThanOrEqual(chromiumBytes('k', value));
  });

  it('skips members that are undefined, as the browsers do', () => {
    expect(valueBytes({ a: 1, b: undefined })).toBe(valueBytes({ a: 1 }));
  });
});
