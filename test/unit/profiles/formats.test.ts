import { describe, expect, it } from 'vitest';
import { jsonTypeOf, matchesType } from '../../../src/core/profiles/claim-type.js';
import { matchesFormat } from '../../../src/core/profiles/formats.js';
import type { ClaimFormat, ClaimType } from '../../../src/core/profiles/types.js';

describe('matchesFormat', () => {
  it.each<[ClaimFormat, unknown, boolean]>([
    ['uuid', 'a716d622-181c-449c-8574-4060b6920dd3', true],
    ['uuid', 'A716D622-181C-449C-8574-4060B6920DD3', true],
    ['uuid', 'a716d622181c449c85744060b6920dd3', false],
    ['uuid', '9578-5999-4-1765512', false],
    ['url', 'https://cdn.example.com/p/1.png', true],
    ['url', 'http://example.com', true],
    ['url', 'javascript:alert(1)', false],
    ['url', '/relative/path.png', false],
    ['https-url', 'https://example.com/x', true],
    ['https-url', 'http://example.com/x', false],
    ['date', '1966-12-18', true],
    ['date', '2024-02-29', true],
    ['date', '2023-02-29', false],
    ['date', '1966-13-01', false],
    ['date', '18.12.1966', false],
    ['date', '1966', false],
    ['digits', '994705105514', true],
    ['digits', '+994705105514', false],
    ['digits', 'Ali Aliyev', false],
    ['digits', '', false],
    ['digits', 0, true],
    ['digits', 7, true],
    ['digits', -1, false],
    ['digits', 1.5, false],
    ['no-pid', '9578-5999-4-1765512', true],
    ['no-pid', '9578-6000-4-30799', true],
    ['no-pid', '2cd7cecd-d444-4685-bb04-8bbfdb45a069', false],
    ['email', 'admin@carbon.super', true],
    ['email', 'not an email', false],
    ['email', 'a@b@c', false],
    ['phone', '95871775', true],
    ['phone', '+47 958 71 775', true],
    ['phone', '+1 (555) 123-4567;ext=12', true],
    ['phone', 'call me', false],
    ['phone', '12', false],
    // Non-strings are the type check's business.
    ['uuid', 42, true],
    ['email', null, true],
    ['date', 'x'.repeat(5000), false],
  ])('%s %j -> %s', (format, value, ok) => {
    expect(matchesFormat(value, format)).toBe(ok);
  });

  it('an unknown format matches (user data is validated elsewhere)', () => {
    expect(matchesFormat('x', 'iban' as ClaimFormat)).toBe(true);
  });
});

describe('matchesType', () => {
  it.each<[ClaimType, unknown, boolean]>([
    ['string', 'x', true],
    ['string', 1, false],
    ['number', 1.5, true],
    ['number', Number.NaN, false],
    ['integer', 3, true],
    ['integer', 3.5, false],
    ['boolean', false, true],
    ['boolean', 'false', false],
    ['object', {}, true],
    ['object', [], false],
    ['object', null, false],
    ['array', [], true],
    ['array', {}, false],
    ['numericdate', 1629286057, true],
    ['numericdate', '1629286057', false],
    ['string-or-array', 'tinfo', true],
    ['string-or-array', ['tinfo', 'account'], true],
    ['string-or-array', ['tinfo', 1], false],
    ['string-or-array', 5, false],
  ])('%s %j -> %s', (type, value, ok) => {
    expect(matchesType(value, type)).toBe(ok);
  });

  it.each([
    [null, 'null'],
    [[1], 'an array'],
    [{}, 'an object'],
    [3, 'an integer'],
    [3.5, 'a number'],
    ['x', 'a string'],
    [true, 'a boolean'],
  ])('jsonTypeOf(%j) = %s', (value, text) => {
    expect(jsonTypeOf(value)).toBe(text);
  });
});
