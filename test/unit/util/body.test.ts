import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Body } from '../../../src/core/model.js';
import { bodyText } from '../../../src/core/util/body.js';
import { charsetOf } from '../../../src/core/util/charset.js';
import { invalidUtf8Bytes } from '../../../src/core/util/utf8.js';

const base64 = (bytes: number[] | Uint8Array) => Buffer.from(bytes).toString('base64');
const latin1 = (text: string) => base64(Buffer.from(text, 'latin1'));

describe('bodyText', () => {
  it('returns a text body as captured, whatever its charset says', () => {
    const body: Body = { text: 'Ærlig talt ✓', mimeType: 'text/plain; charset=iso-8859-1' };
    expect(bodyText(body)).toEqual({ text: 'Ærlig talt ✓', notes: [] });
  });

  it.each([
    ['an empty text body', { text: '' }, ''],
    ['an empty base64 body', { text: '', encoding: 'base64' }, ''],
  ] as const)('handles %s', (_label, body, text) => {
    expect(bodyText(body)).toEqual({ text, notes: [] });
  });

  it('decodes base64 UTF-8 (standard alphabet, padding)', () => {
    const text = '{"name":"Ørsta – 😀","v":"?>?"}';
    expect(bodyText({ text: base64(Buffer.from(text)), encoding: 'base64' })).toEqual({ text, notes: [] });
  });

  it('decodes base64 with line breaks and spaces (MIME style) and without padding', () => {
    const encoded = base64(Buffer.from('hello, world: a longer text to wrap'));
    const wrapped = `${encoded.slice(0, 10)}\r\n${encoded.slice(10, 20)} \n\t${encoded.slice(20).replace(/=+$/, '')}`;
    expect(bodyText({ text: wrapped, encoding: 'base64' })).toEqual({ text: 'hello, world: a longer text to wrap', notes: [] });
  });

  it.each([
    ['iso-8859-1', 'application/json; charset=iso-8859-1'],
    ['quoted upper-case latin1', 'text/html; Charset="LATIN1"'],
    ['windows-1252', 'text/plain;charset=windows-1252'],
  ])('decodes latin-1 bytes with the declared charset (%s)', (_label, contentType) => {
    const result = bodyText({ text: latin1('{"error_description":"Le code a expiré"}'), encoding: 'base64' }, contentType);
    expect(result).toEqual({ text: '{"error_description":"Le code a expiré"}', notes: [] });
  });

  it('reads the charset from body.mimeType when no content type is given', () => {
    expect(bodyText({ text: latin1('blåbær'), encoding: 'base64', mimeType: 'text/plain; charset=iso-8859-1' }).text).toBe('blåbær');
  });

  it('decodes latin-1 bytes without a charset as UTF-8, replacing and counting the bad bytes', () => {
    const result = bodyText({ text: latin1('Le code a expiré, déjà'), encoding: 'base64' }, 'application/json');
    expect(result.text).toBe('Le code a expir\uFFFD, d\uFFFDj\uFFFD');
    expect(result.notes).toEqual(['response body is not valid UTF-8: 3 bytes replaced']);
  });

  it('counts every byte of an ill-formed sequence, and words the note for request bodies', () => {
    // E2 82 is a cut-off 3-byte sequence (one U+FFFD for two bytes), FF an invalid byte.
    const result = bodyText({ text: base64([0x61, 0xe2, 0x82, 0x62, 0xff]), encoding: 'base64' }, undefined, 'request');
    expect(result).toEqual({ text: 'a\uFFFDb\uFFFD', notes: ['request body is not valid UTF-8: 3 bytes replaced'] });
    expect(bodyText({ text: base64([0xff]), encoding: 'base64' }).notes).toEqual(['response body is not valid UTF-8: 1 byte replaced']);
  });

  it('falls back to UTF-8 for an unknown charset, with a note', () => {
    const result = bodyText({ text: base64(Buffer.from('ok ✓')), encoding: 'base64' }, 'text/plain; charset=x-klingon');
    expect(result).toEqual({ text: 'ok ✓', notes: ['response body declares the unknown charset "x-klingon"; decoded as UTF-8'] });
  });

  it('keeps a body marked base64 that is not base64, with a note', () => {
    expect(bodyText({ text: '{"not":"base64"}', encoding: 'base64' })).toEqual({
      text: '{"not":"base64"}',
      notes: ['response body is marked base64 but is not valid base64; shown as captured'],
    });
  });

  it('notes a truncated body', () => {
    expect(bodyText({ text: '{"a":', truncated: true })).toEqual({ text: '{"a":', notes: ['response body is truncated: only part of it was captured'] });
  });

  it('strips a UTF-8 byte order mark like any decoder', () => {
    expect(bodyText({ text: base64([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), encoding: 'base64' }).text).toBe('{}');
  });

  it('never throws, whatever the body holds', () => {
    const anyBody = fc.record(
      { text: fc.oneof(fc.string({ unit: 'binary' }), fc.base64String(), fc.anything()), encoding: fc.constantFrom(undefined, 'base64', 'gzip'), mimeType: fc.option(fc.string(), { nil: undefined }), truncated: fc.option(fc.boolean(), { nil: undefined }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(anyBody, fc.anything()), fc.option(fc.string(), { nil: undefined }), (body, contentType) => {
        const result = bodyText(body as Body, contentType);
        expect(typeof result.text).toBe('string');
        expect(Array.isArray(result.notes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes any bytes exactly as a WHATWG UTF-8 decoder, noting the replaced ones', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const { text, notes } = bodyText({ text: base64(bytes), encoding: 'base64' });
        expect(text).toBe(new TextDecoder().decode(bytes));
        const valid = (() => {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes);
            return true;
          } catch {
            return false;
          }
        })();
        expect(notes.length === 0).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });
});

describe('invalidUtf8Bytes', () => {
  it.each([
    [[], 0],
    [[0x61, 0xc3, 0xa5], 0],
    [[0xf0, 0x9f, 0x98, 0x80], 0],
    [[0xc0, 0xaf], 2],
    [[0xed, 0xa0, 0x80], 3],
    [[0xe2, 0x82], 2],
    [[0xf4, 0x90, 0x80, 0x80], 4],
    [[0x80], 1],
  ])('%j has %i bad bytes', (bytes, bad) => {
    expect(invalidUtf8Bytes(Uint8Array.from(bytes))).toBe(bad);
  });

  it('agrees with the decoder on which bytes are replaced', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (bytes) => {
        // Each replaced byte run gives one U+FFFD; valid input keeps its own U+FFFD (EF BF BD) only when present.
        const decoded = new TextDecoder().decode(bytes);
        const bad = invalidUtf8Bytes(bytes);
        const replacements = [...decoded].filter((c) => c === '\uFFFD').length;
        const literal = Buffer.from(bytes).toString('hex').split('efbfbd').length - 1;
        if (bad === 0) expect(replacements).toBe(literal);
        else expect(replacements).toBeGreaterThan(literal - 1);
        expect(bad).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('charsetOf', () => {
  it.each([
    ['application/json', undefined],
    ['application/json;charset=UTF-8', 'utf-8'],
    ['text/html; foo=bar; charset="ISO-8859-1"', 'iso-8859-1'],
    ['text/html; charset=', undefined],
    [undefined, undefined],
  ])('%j -> %j', (ct, charset) => {
    expect(charsetOf(ct)).toBe(charset);
  });
});
