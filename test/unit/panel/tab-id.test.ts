import { describe, expect, it } from 'vitest';
import { resolveTabId, tabIdFromSearch } from '../../../src/panel/tab-id.js';

describe('tabIdFromSearch', () => {
  it.each([
    ['?tab=42', 42],
    ['?tab=0', 0],
    ['?x=1&tab=7', 7],
    ['tab=9', 9],
    ['', undefined],
    ['?tab=', undefined],
    ['?tab=-1', undefined],
    ['?tab=1.5', undefined],
    ['?tab=0x10', undefined],
    ['?tab=1e3', undefined],
    ['?tab=%2042', undefined],
    ['?tab=abc', undefined],
    ['?tab=9999999999999999', undefined],
  ])('%j gives %j', (search, expected) => {
    expect(tabIdFromSearch(search)).toBe(expected);
  });
});

describe('resolveTabId', () => {
  it.each([
    { search: '?tab=5', devtools: 9, expected: 5, why: 'the URL wins' },
    { search: '', devtools: 9, expected: 9, why: 'DevTools when the URL has none' },
    { search: '?tab=bad', devtools: 0, expected: 0, why: 'DevTools when the URL value is bad' },
    { search: '', devtools: undefined, expected: undefined, why: 'nothing outside DevTools' },
    { search: '', devtools: -1, expected: undefined, why: 'not a negative id (TAB_ID_NONE)' },
    { search: '', devtools: '9', expected: undefined, why: 'not a string' },
    { search: '', devtools: Number.NaN, expected: undefined, why: 'not NaN' },
    { search: '', devtools: 2.5, expected: undefined, why: 'not a fraction' },
  ])('$why', ({ search, devtools, expected }) => {
    expect(resolveTabId(search, devtools)).toBe(expected);
  });
});
