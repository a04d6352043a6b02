import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../src/core/util/json-locate.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a":1}', undefined],
    [' [1, "x", true, null, {"b": [ ]}] ', undefined],
    ['{"active":false,}', 16],
    ['{"a" 1}', 5],
    ['[1,]', 3],
    ['[1 2]', 3],
    ['{"a":1}}', 7],
    ['"\\x"', 1],
    ['"abc', 4],
    ['', 0],
    ['{', 1],
    ['01', 1],
    ['"sub": "x"', 5],
    ['[tru]', 1],
  ])('%j -> %j', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('handles deep nesting without recursion', () => {
    expect(jsonErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBeUndefined();
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000);
  });

  it('says valid exactly when JSON.parse succeeds', () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.json().chain((j) => fc.nat(j.length).map((i) => j.slice(0, i) + j.slice(i + 1))),
      fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', '-', '.', 'e', 't', 'r', 'u', 'n', ' ', '\\', 'a') }),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        const offset = jsonErrorOffset(text);
        expect(offset === undefined).toBe(parses(text));
        if (offset !== undefined) expect(offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });
});
