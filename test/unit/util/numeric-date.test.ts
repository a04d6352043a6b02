import { describe, expect, it } from 'vitest';
import { numericDateSeconds } from '../../../src/core/util/numeric-date.js';

describe('numericDateSeconds', () => {
  it.each([
    [1629286057, 1629286057],
    [1629280620000, 1629280620], // BankID's updated_at, in milliseconds
    [1e11, 1e11],
    [1.5, 1.5],
    [0, 0],
    [-5, -5],
  ])('%j -> %j', (value, seconds) => expect(numericDateSeconds(value)).toBe(seconds));

  it.each([['1629286057'], [null], [undefined], [Number.NaN], [Infinity], [{}], [[1]]])('%j is no NumericDate', (value) => {
    expect(numericDateSeconds(value)).toBeUndefined();
  });
});
