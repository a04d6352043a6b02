import { describe, expect, it } from 'vitest';
import { charCount, COMPACT_CHARS, compactText, SHOWN_CHARS, shownText } from '../../../src/panel/model/shown-text.js';

describe('shownText', () => {
  it.each<[string, string, Parameters<typeof shownText>[1], string]>([
    ['a plain value as it is', 'https://idp.example.com/cb?x=1', 'line', 'https://idp.example.com/cb?x=1'],
    ['ESC and BEL in one line', 'a\u001b]0;t\u0007b', 'line', 'a\\u001b]0;t\\u0007b'],
    ['newline and tab in one line', 'a\nb\tc', 'line', 'a\\u000ab\\u0009c'],
    ['newline and tab kept in lines', 'a\nb\tc\r\nd', 'lines', 'a\nb\tc\r\nd'],
    ['C1, separators and bidi in lines', '\u0085\u2028\u202e\u2066\u200f\u061c', 'lines', '\\u0085\\u2028\\u202e\\u2066\\u200f\\u061c'],
    ['a lone CR in lines', 'ok\rFAKE', 'lines', 'ok\\u000dFAKE'],
  ])('shows %s', (_name, value, layout, expected) => {
    expect(shownText(value, layout)).toEqual({ text: expected, hidden: 0 });
  });

  it('cuts a long value at SHOWN_CHARS and says how much it left out', () => {
    const value = 'x'.repeat(SHOWN_CHARS + 123);
    expect(shownText(value)).toEqual({ text: 'x'.repeat(SHOWN_CHARS), hidden: 123 });
    expect(shownText('x'.repeat(SHOWN_CHARS))).toEqual({ text: 'x'.repeat(SHOWN_CHARS), hidden: 0 });
  });

  it('shows all of it when asked', () => {
    const value = 'y'.repeat(SHOWN_CHARS * 3);
    expect(shownText(value, 'line', true)).toEqual({ text: value, hidden: 0 });
  });

  it('cuts before escaping: the limit counts characters of the value, escapes are added to what is shown', () => {
    const value = '\u202e'.repeat(10);
    expect(shownText(value, 'line', false, 4)).toEqual({ text: '\\u202e'.repeat(4), hidden: 6 });
  });

  it('never leaves half of a surrogate pair', () => {
    const value = `ab🙂cd`; // the emoji is two UTF-16 units at 2 and 3
    expect(shownText(value, 'line', false, 3)).toEqual({ text: 'ab', hidden: 4 });
    expect(shownText(value, 'line', false, 4)).toEqual({ text: 'ab🙂', hidden: 2 });
  });

  it('takes time bounded by the limit, not by the value: a 30 MB value gives SHOWN_CHARS characters', () => {
    const value = '\u0085'.repeat(30_000_000);
    const shown = shownText(value, 'lines');
    expect(shown.hidden).toBe(30_000_000 - SHOWN_CHARS);
    expect(shown.text).toBe('\\u0085'.repeat(SHOWN_CHARS));
  });
});

describe('compactText', () => {
  it.each<[string, string, string]>([
    ['a short value as it is', 'alice', 'alice'],
    ['escaped, newline too', 'al\nice\u202e', 'al\\u000aice\\u202e'],
    ['cut with an ellipsis', 'z'.repeat(COMPACT_CHARS + 1), `${'z'.repeat(COMPACT_CHARS)}…`],
    ['empty stays empty', '', ''],
  ])('%s', (_name, value, expected) => {
    expect(compactText(value)).toBe(expected);
  });
});

describe('charCount', () => {
  it.each<[number, string]>([
    [1, '1 character'],
    [0, '0 characters'],
    [29_990_000, '29,990,000 characters'],
  ])('%d', (n, expected) => {
    expect(charCount(n)).toBe(expected);
  });
});
