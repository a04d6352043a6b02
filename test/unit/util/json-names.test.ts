import { describe, expect, it } from 'vitest';
import { duplicateNames, MAX_DUPLICATES } from '../../../src/core/util/json-names.js';

const names = (text: string) => duplicateNames(text, JSON.parse(text));

describe('duplicateNames', () => {
  it.each<[string, string, string[]]>([
    ['no duplicates', '{"a":1,"b":{"a":2}}', []],
    ['a top-level duplicate', '{"sub":"a","sub":"b"}', ['sub']],
    ['a nested duplicate', '{"address":{"country":"NO","country":"SE"}}', ['address.country']],
    ['a duplicate inside an array element', '{"list":[{"x":1,"x":2}]}', ['list.x']],
    ['a name that only repeats as a value', '{"sub":"sub"}', []],
  ])('%s', (_name, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['objects', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`],
    ['arrays', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['arrays around an object', `${'['.repeat(50_000)}{"x":1}${']'.repeat(50_000)}`],
  ])('does not overflow the stack on 50,000 levels of %s', (_name, text) => {
    expect(names(text)).toEqual([]);
  });

  it('finds a duplicate at the bottom of 50,000 levels', () => {
    const text = `${'{"a":'.repeat(50_000)}{"x":1,"x":2}${'}'.repeat(50_000)}`;
    const found = names(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^a\.a\..*\.x$/);
  });

  it(`lists at most ${MAX_DUPLICATES} duplicates`, () => {
    const text = `{${Array.from({ length: 500 }, (_, i) => `"n${i}":1,"n${i}":2`).join(',')}}`;
    expect(names(text)).toHaveLength(MAX_DUPLICATES);
  });
});
