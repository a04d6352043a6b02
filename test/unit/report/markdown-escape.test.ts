import { describe, expect, it } from 'vitest';
import { mdCode, mdText } from '../../../src/core/report/markdown-escape.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl';

describe('markdown escaping', () => {
  it('writes no JWT, also right after a percent escape', () => {
    for (const text of [mdCode(`https://app.example/cb?next=%3D${JWT}`), mdText(`token %22${JWT}%22`)]) {
      expect(text).not.toContain('eyJ');
    }
  });

  it('escapes bidi marks (LRM, RLM, ALM) as it escapes overrides', () => {
    for (const c of ['\u200e', '\u200f', '\u061c', '\u202e']) {
      expect(mdText(`a${c}b`)).not.toContain(c);
      expect(mdCode(`a${c}b`)).not.toContain(c);
    }
  });
});
