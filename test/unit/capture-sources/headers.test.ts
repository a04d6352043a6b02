import { describe, expect, it } from 'vitest';
import { findHeader, statusTextOf, toHeaders, type RawHeader } from '../../../src/background/capture/headers.js';

describe('toHeaders', () => {
  it('keeps names and order, and reads binary values as Latin-1', () => {
    const raw: RawHeader[] = [
      { name: 'Authorization', value: 'Bearer abc' },
      { name: 'X-Bin', binaryValue: [0x63, 0x61, 0x66, 0xe9] },
      { name: 'X-Empty' },
    ];
    expect(toHeaders(raw)).toEqual([
      { name: 'Authorization', value: 'Bearer abc' },
      { name: 'X-Bin', value: 'café' },
      { name: 'X-Empty', value: '' },
    ]);
  });

  it.each([
    ['undefined', undefined],
    ['a string', 'Authorization: x'],
    ['an object', { name: 'a', value: 'b' }],
  ])('gives no headers for %s', (_name, value) => {
    expect(toHeaders(value as unknown as RawHeader[])).toEqual([]);
  });

  it('skips items without a string name', () => {
    const raw = [null, 7, { value: 'x' }, { name: 5, value: 'y' }, { name: 'ok', value: 'z' }];
    expect(toHeaders(raw as unknown as RawHeader[])).toEqual([{ name: 'ok', value: 'z' }]);
  });
});

describe('findHeader', () => {
  it.each([
    [[{ name: 'Content-Type', value: 'a' }], 'content-type', 'a'],
    [[{ name: 'x', value: '1' }, { name: 'X', value: '2' }], 'X', '1'],
    [[], 'x', undefined],
    [undefined, 'x', undefined],
  ])('%j %s', (headers, name, expected) => {
    expect(findHeader(headers, name)).toBe(expected);
  });
});

describe('statusTextOf', () => {
  it.each([
    ['HTTP/1.1 200 OK', 'OK'],
    ['HTTP/1.1 404 Not Found', 'Not Found'],
    ['HTTP/2 200', undefined],
    ['HTTP/1.1 200 ', undefined],
    ['garbage', undefined],
    [undefined, undefined],
  ])('%s', (line, expected) => {
    expect(statusTextOf(line)).toBe(expected);
  });
});
