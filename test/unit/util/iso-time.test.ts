import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoTime, parseIsoTime } from '../../../src/core/util/iso-time.js';

describe('parseIsoTime', () => {
  it.each([
    ['2021-08-18T11:27:30.000Z', Date.UTC(2021, 7, 18, 11, 27, 30)],
    ['2021-08-18T11:27:37Z', Date.UTC(2021, 7, 18, 11, 27, 37)],
    ['2021-08-18T13:27:30.123+02:00', Date.UTC(2021, 7, 18, 11, 27, 30, 123)],
    ['2021-08-18T13:27:30.1+0200', Date.UTC(2021, 7, 18, 11, 27, 30, 100)],
    ['2021-08-18T06:27:30.123456-05:00', Date.UTC(2021, 7, 18, 11, 27, 30, 123)],
    ['2021-08-18T11:27:30+05', Date.UTC(2021, 7, 18, 6, 27, 30)],
    ['2021-08-18 11:27:30Z', Date.UTC(2021, 7, 18, 11, 27, 30)],
    ['2021-08-18T11:27', Date.UTC(2021, 7, 18, 11, 27)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['1969-12-31T23:59:59.999Z', -1],
    ['+010000-01-01T00:00:00.000Z', Date.UTC(10000, 0, 1)],
  ])('%s', (text, ms) => {
    expect(parseIsoTime(text)).toBe(ms);
  });

  it.each([
    '', 'yesterday', '2021-08-18', '2021-13-01T00:00:00Z', '2021-02-29T00:00:00Z', '2021-08-18T24:00:00Z', '2021-08-18T11:60:00Z',
    '2021-08-18T11:27:60Z', '2021-08-18T11:27:30+25:00', '2021-08-18T11:27:30Zjunk', `2021-08-18T11:27:30.${'1'.repeat(80)}Z`, 1629286050000, null,
  ])('rejects %j', (text) => {
    expect(parseIsoTime(text)).toBeUndefined();
  });

  it('agrees with Date.parse on what Date writes', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(-2e14), max: new Date(2e14), noInvalidDate: true }), (d) => {
        expect(parseIsoTime(d.toISOString())).toBe(d.getTime());
      }),
    );
  });
});

describe('formatIsoTime', () => {
  it.each([
    [Date.UTC(2021, 7, 18, 11, 27, 30), '2021-08-18T11:27:30.000Z'],
    [Date.UTC(2021, 7, 18, 11, 27, 30, 5) + 0.9, '2021-08-18T11:27:30.005Z'],
    [0, '1970-01-01T00:00:00.000Z'],
    [-1, '1969-12-31T23:59:59.999Z'],
    [Number.NaN, 'invalid time'],
  ])('%d -> %s', (ms, text) => {
    expect(formatIsoTime(ms)).toBe(text);
  });

  it('writes what Date writes, and parseIsoTime reads it back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 }), (ms) => {
        expect(formatIsoTime(ms)).toBe(new Date(ms).toISOString());
        expect(parseIsoTime(formatIsoTime(ms))).toBe(ms);
      }),
    );
  });
});
