import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../src/cli/escape.js';

describe('escapeControls', () => {
  it.each<[string, string, string]>([
    ['ESC (CSI)', 'a\u001b[2Jb', 'a\\u001b[2Jb'],
    ['an OSC sequence with BEL', '\u001b]0;title\u0007', '\\u001b]0;title\\u0007'],
    ['newline, carriage return, tab', 'a\nb\rc\td', 'a\\u000ab\\u000dc\\u0009d'],
    ['NUL and DEL', '\u0000\u007f', '\\u0000\\u007f'],
    ['C1 controls (CSI 0x9b, NEL 0x85)', '\u009b31m\u0085', '\\u009b31m\\u0085'],
    ['line and paragraph separators', '\u2028\u2029', '\\u2028\\u2029'],
    ['bidi embeddings and overrides', '\u202a\u202b\u202c\u202d\u202e', '\\u202a\\u202b\\u202c\\u202d\\u202e'],
    ['bidi isolates', '\u2066\u2067\u2068\u2069', '\\u2066\\u2067\\u2068\\u2069'],
    ['bidi marks (LRM, RLM, ALM)', '\u200e\u200f\u061c', '\\u200e\\u200f\\u061c'],
  ])('escapes %s', (_name, input, expected) => {
    expect(escapeControls(input)).toBe(expected);
  });

  it.each<[string, string]>([
    ['plain ASCII', 'iss "https://idp.example/realms/a"  kid k1'],
    ['non-ASCII letters and emoji', 'Ærøskøbing 東京 🙂 ü'],
    ['a backslash', 'a\\u001b is text, not a control'],
    ['characters next to the escaped ranges', '\u00a0\u2027\u202f\u2065\u206a'],
  ])('leaves %s alone', (_name, input) => {
    expect(escapeControls(input)).toBe(input);
  });
});
