import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, bytesToBody, concatBytes } from '../../../src/background/capture/bytes.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('bytesToBase64', () => {
  it.each([0, 1, 2, 3, 4, 100, 0x8000 - 1, 0x8000, 0x8000 + 1, 100_000])('matches node for %i bytes', (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 7919 + 13) & 0xff);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('concatBytes', () => {
  it('joins chunks in order', () => {
    expect([...concatBytes([Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3)])]).toEqual([1, 2, 3]);
  });
  it('gives an empty array for no chunks', () => {
    expect(concatBytes([]).length).toBe(0);
  });
});

describe('bytesToBody', () => {
  it.each([
    ['valid UTF-8 JSON', utf8('{"sub":"ü"}'), 'application/json', { text: '{"sub":"ü"}', mimeType: 'application/json' }],
    ['no content type', utf8('a=b'), undefined, { text: 'a=b' }],
    ['declared Latin-1', Uint8Array.of(0x63, 0x61, 0x66, 0xe9), 'text/plain; charset=ISO-8859-1', { text: 'café', mimeType: 'text/plain; charset=ISO-8859-1' }],
    ['an unknown charset read as UTF-8', utf8('ok'), 'text/plain; charset=x-klingon', { text: 'ok', mimeType: 'text/plain; charset=x-klingon' }],
    ['bytes that are not UTF-8 as base64', Uint8Array.of(0xff, 0xfe, 0x00), 'application/octet-stream', { text: '//4A', encoding: 'base64', mimeType: 'application/octet-stream' }],
    ['a lone continuation byte as base64', Uint8Array.of(0x61, 0x80), undefined, { text: 'YYA=', encoding: 'base64' }],
    ['empty bytes', new Uint8Array(0), undefined, { text: '' }],
  ])('%s', (_name, bytes, type, expected) => {
    expect(bytesToBody(bytes, type)).toEqual(expected);
  });

  it('drops a character cut by truncation instead of going base64', () => {
    const bytes = utf8('abü').subarray(0, 3); // "ab" + the first byte of "ü"
    expect(bytesToBody(bytes, 'application/json', true)).toEqual({ text: 'ab', mimeType: 'application/json', truncated: true });
  });

  it('turns the same cut bytes into base64 when they are the whole body', () => {
    const bytes = utf8('abü').subarray(0, 3);
    expect(bytesToBody(bytes, undefined)).toEqual({ text: Buffer.from(bytes).toString('base64'), encoding: 'base64' });
  });
});
