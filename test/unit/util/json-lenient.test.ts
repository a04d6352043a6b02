import { describe, expect, it } from 'vitest';
import { lineColumn, MAX_REPAIR_LENGTH, MAX_REPAIRS, parseJsonLenient } from '../../../src/core/util/json-lenient.js';

describe('parseJsonLenient', () => {
  it.each<[string, string, unknown, string[]]>([
    ['a missing comma', '{"a": 1\n "b": 2}', { a: 1, b: 2 }, ['inserted a missing comma before line 2, column 2']],
    ['a trailing comma', '{"a": [1, 2,],\n}', { a: [1, 2] }, ['removed a trailing comma at line 1, column 12', 'removed a trailing comma at line 1, column 14']],
    ['a missing opening brace', '"a": 1}', { a: 1 }, ['added the missing opening "{"']],
    ['missing commas on later lines', '[\n1\n2\n\n  3]', [1, 2, 3], ['inserted a missing comma before line 3, column 1', 'inserted a missing comma before line 5, column 3']],
    ['a comma missing after a string that spans a line break', '["a\nb" "c"]', undefined, []],
  ])('repairs %s and says where', (_name, text, value, repairs) => {
    const r = parseJsonLenient(text);
    expect(r.error).toBeDefined();
    if (value === undefined) {
      expect(r.value).toBeUndefined();
      return;
    }
    expect(r.value).toEqual(value);
    expect(r.repairs).toEqual(repairs);
  });

  it('repair positions agree with lineColumn', () => {
    const text = '{\n  "a": 1\n  "b": [true false]\n  "c": "x"\n}';
    const r = parseJsonLenient(text);
    expect(r.value).toEqual({ a: 1, b: [true, false], c: 'x' });
    const expected = [text.indexOf('"b"'), text.indexOf('false'), text.indexOf('"c"')].map((o) => {
      const { line, column } = lineColumn(text, o);
      return `inserted a missing comma before line ${line}, column ${column}`;
    });
    expect(r.repairs).toEqual(expected);
  });

  it(`repairs ${MAX_REPAIRS} defects but not ${MAX_REPAIRS + 1}`, () => {
    const list = (n: number) => `[${Array.from({ length: n + 1 }, (_, i) => i).join(' ')}]`;
    const ok = parseJsonLenient(list(MAX_REPAIRS));
    expect(ok.repairs).toHaveLength(MAX_REPAIRS);
    expect(ok.value).toHaveLength(MAX_REPAIRS + 1);
    const tooMany = parseJsonLenient(list(MAX_REPAIRS + 1));
    expect(tooMany.error).toBeDefined();
    expect(tooMany.value).toBeUndefined();
    expect(tooMany.repairs).toBeUndefined();
  });

  // Before the repair tracked lines incrementally, each of these took seconds to minutes.
  it.each<[string, () => string]>([
    ['20,000 missing commas in an array', () => `[${'1 '.repeat(20_000)}]`],
    ['20,000 missing commas in an object', () => `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}": ${i}`).join('\n')}}`],
    ['a 1 MB body with missing commas', () => `{${Array.from({ length: 60_000 }, (_, i) => `"k${i}": "v"`).join(' ')}}`.padEnd(1 << 20)],
    ['a 1 MB body that is not JSON at all', () => `{"a": ${'x'.repeat(1 << 20)}`],
  ])('gives up on %s: error, no value, no repairs', (_name, make) => {
    const text = make();
    const r = parseJsonLenient(text);
    expect(typeof r.error).toBe('string');
    expect(r.value).toBeUndefined();
    expect(r.repairs).toBeUndefined();
  });

  it(`does not repair a text over ${MAX_REPAIR_LENGTH} characters even with one defect`, () => {
    const text = `{"pad": "${'x'.repeat(MAX_REPAIR_LENGTH)}" "b": 1}`;
    expect(parseJsonLenient(text)).toEqual({ error: expect.any(String) as string });
    expect(parseJsonLenient(`{"pad": "x" "b": 1}`).value).toEqual({ pad: 'x', b: 1 });
  });

  it.each<[string, string]>([
    ['objects', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`],
    ['arrays', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['objects, repaired (40,000 levels, under the repair limit)', `${'{"a":'.repeat(40_000)}1,${'}'.repeat(40_000)}`],
  ])('bounds deep %s to 64 levels and flags it', (_name, text) => {
    const r = parseJsonLenient(text);
    expect(r.truncatedDepth).toBe(true);
    expect(JSON.stringify(r.value)).toContain('"[nested deeper than 64 levels]"');
  });

  it('does not flag JSON within the bound', () => {
    expect(parseJsonLenient('{"a":{"b":[1]}}')).toEqual({ value: { a: { b: [1] } } });
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['a number', 42],
    ['null', null],
  ])('never throws, even for %s', (_name, input) => {
    expect(parseJsonLenient(input as string).error).toBeDefined();
  });
});
