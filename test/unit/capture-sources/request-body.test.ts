import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../src/background/capture/bytes.js';
import { decodeRequestBody, type RawRequestBody } from '../../../src/background/capture/request-body.js';

const buf = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('decodeRequestBody', () => {
  it.each<[string, RawRequestBody | null | undefined, ReturnType<typeof decodeRequestBody>]>([
    ['nothing', undefined, { notes: [] }],
    ['null', null, { notes: [] }],
    [
      'a parsed form',
      { formData: { grant_type: ['authorization_code'], scope: ['openid', 'profile'] } },
      { form: { grant_type: ['authorization_code'], scope: ['openid', 'profile'] }, notes: [] },
    ],
    ['a form value that is a lone string', { formData: { a: 'b' } }, { form: { a: ['b'] }, notes: [] }],
    ['form values that are not strings', { formData: { a: [1, null, 'x'], b: 7 } }, { form: { a: ['x'] }, notes: [] }],
    ['raw UTF-8 bytes in two parts', { raw: [{ bytes: buf('{"a":') }, { bytes: buf('"ü"}') }] }, { body: { text: '{"a":"ü"}' }, notes: [] }],
    [
      'raw bytes that are not UTF-8',
      { raw: [{ bytes: Uint8Array.of(0xff, 0x00).buffer }] },
      { body: { text: '/wA=', encoding: 'base64' }, notes: [] },
    ],
    ['a file part', { raw: [{ file: '/tmp/x' }] }, { notes: ['request body includes a file upload, not captured'] }],
    ['bytes that are not an ArrayBuffer', { raw: [{ bytes: 'abc' }, { bytes: [1, 2] }] }, { notes: [] }],
    ['the browser error', { error: 'Unknown error.' }, { notes: ['request body not available: Unknown error.'] }],
  ])('%s', (_name, input, expected) => {
    expect(decodeRequestBody(input)).toEqual(expected);
  });

  it('keeps form names such as __proto__ as plain members', () => {
    const formData = JSON.parse('{"__proto__":["x"],"constructor":["y"]}') as Record<string, unknown>;
    const { form } = decodeRequestBody({ formData });
    expect(Object.getPrototypeOf(form)).toBe(Object.prototype);
    expect(Object.entries(form!)).toEqual([['__proto__', ['x']], ['constructor', ['y']]]);
  });

  it('cuts raw bodies at the cap and marks them truncated', () => {
    const big = new Uint8Array(MAX_BODY_BYTES + 10).fill(0x61).buffer;
    const { body } = decodeRequestBody({ raw: [{ bytes: big }, { bytes: buf('more') }] });
    expect(body?.truncated).toBe(true);
    expect(body?.text.length).toBe(MAX_BODY_BYTES);
  });

  it('uses the content type for the MIME type and charset', () => {
    const { body } = decodeRequestBody({ raw: [{ bytes: Uint8Array.of(0xe9).buffer }] }, 'text/plain; charset=iso-8859-1');
    expect(body).toEqual({ text: 'é', mimeType: 'text/plain; charset=iso-8859-1' });
  });
});
