import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls, escapeControlsInJson, escapeControlsInLines } from '../../../src/core/util/escape-controls.js';

/** Every character the module promises to escape, one of each range's ends and some inside. */
const UNSAFE_SAMPLES = ['\u0000', '\u0007', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009b', '\u009f', '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069'];
// eslint-disable-next-line no-control-regex -- asserting their absence
const RAW_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- asserting their absence (JSON text keeps its own line breaks)
const RAW_UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

describe('escapeControls', () => {
  it.each(UNSAFE_SAMPLES.map((c) => [hex(c), c]))('escapes %s', (escaped, c) => {
    expect(escapeControls(`a${c}b`)).toBe(`a${escaped}b`);
  });

  it.each<[string, string, string]>([
    ['newline, carriage return, tab', 'a\nb\r\nc\td', 'a\\u000ab\\u000d\\u000ac\\u0009d'],
    ['bidi marks (issue 10 §4)', 'x\u200ey\u200fz\u061c', 'x\\u200ey\\u200fz\\u061c'],
  ])('escapes %s', (_name, input, expected) => {
    expect(escapeControls(input)).toBe(expected);
  });

  it.each<[string, string]>([
    ['plain ASCII', 'iss "https://idp.example/realms/a"  kid k1'],
    ['non-ASCII letters, Arabic and emoji', 'Ærøskøbing 東京 مرحبا 🙂 ü'],
    ['a backslash', 'a\\u001b is text, not a control'],
    ['characters next to the escaped ranges', '\u00a0\u061b\u061d\u200d\u2010\u2027\u202f\u2065\u206a'],
  ])('leaves %s alone', (_name, input) => {
    expect(escapeControls(input)).toBe(input);
  });
});

describe('escapeControlsInLines', () => {
  it.each<[string, string, string]>([
    ['keeps tab, LF and CR LF', 'a\tb\nc\r\nd', 'a\tb\nc\r\nd'],
    ['escapes a lone CR (it rewrites the line)', 'ok\rFAKE', 'ok\\u000dFAKE'],
    ['escapes a CR before another CR', '\r\r\n', '\\u000d\r\n'],
    ['escapes ESC, vertical tab, form feed, C1 and bidi', '\u001b[2J\u000b\u000c\u0085\u202e\u2066', '\\u001b[2J\\u000b\\u000c\\u0085\\u202e\\u2066'],
    ['escapes the line separators a browser would break on', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
  ])('%s', (_name, input, expected) => {
    expect(escapeControlsInLines(input)).toBe(expected);
  });
});

describe('escapeControlsInJson', () => {
  it('escapes C1, separators and bidi controls inside strings and keys, and keeps JSON\'s own layout', () => {
    const value = { 'k\u202e': ['\u0085\u2028', 'a\u200fb'], n: 1, ctl: '\u001b\n' };
    const json = escapeControlsInJson(JSON.stringify(value, null, 2));
    expect(json).toContain('"k\\u202e"');
    expect(json).toContain('"\\u0085\\u2028"');
    expect(json).toContain('"a\\u200fb"');
    expect(json).toContain('"\\u001b\\n"');
    expect(json).toContain('\n  "n": 1');
    expect(json).not.toMatch(RAW_UNSAFE_BUT_NEWLINE);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('keeps a backslash before an escaped character a backslash', () => {
    const json = escapeControlsInJson(JSON.stringify('\\\u202e'));
    expect(json).toBe('"\\\\\\u202e"');
    expect(JSON.parse(json)).toBe('\\\u202e');
  });

  it('gives valid JSON that parses back to the same value, with none of the characters raw, for any JSON value', () => {
    const unsafe = fc.constantFrom(...UNSAFE_SAMPLES, 'a', '\\', '"', 'é', '🙂', '\n');
    const text = fc.array(unsafe, { maxLength: 12 }).map((cs) => cs.join(''));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(text, tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 2), (value, indent) => {
        const out = escapeControlsInJson(JSON.stringify(value, null, indent));
        expect(out).not.toMatch(indent === undefined ? RAW_UNSAFE : RAW_UNSAFE_BUT_NEWLINE);
        expect(JSON.parse(out)).toEqual(value);
      }),
    );
  });
});
