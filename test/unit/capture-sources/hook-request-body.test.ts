import { describe, expect, it } from 'vitest';
import { MAX_HOOK_TEXT, describeRequestBody } from '../../../src/capture/hook/request-body.js';
import { isReadableType, readLimited } from '../../../src/capture/hook/read-response.js';
import { parseHeaderBlock } from '../../../src/capture/hook/headers.js';

describe('describeRequestBody', () => {
  const formData = new FormData();
  formData.append('a', '1');
  formData.append('a', '2');
  const withFile = new FormData();
  withFile.append('name', 'x');
  withFile.append('file', new Blob(['bytes']), 'f.bin');

  it.each<[string, unknown, ReturnType<typeof describeRequestBody>]>([
    ['undefined', undefined, {}],
    ['null', null, {}],
    ['a string', '{"a":1}', { body: { text: '{"a":1}' } }],
    [
      'URLSearchParams',
      new URLSearchParams({ grant_type: 'refresh_token', scope: 'openid profile' }),
      {
        body: { text: 'grant_type=refresh_token&scope=openid+profile', mimeType: 'application/x-www-form-urlencoded;charset=UTF-8' },
        form: { grant_type: ['refresh_token'], scope: ['openid profile'] },
      },
    ],
    ['FormData', formData, { form: { a: ['1', '2'] } }],
    ['FormData with a file', withFile, { form: { name: ['x'] }, note: 'request body is multipart form data; file parts not captured' }],
    ['a Blob', new Blob(['x']), { note: 'request body (Blob) not captured by the page hook' }],
    ['an ArrayBuffer', new ArrayBuffer(2), { note: 'request body (ArrayBuffer) not captured by the page hook' }],
    ['a number', 5, { note: 'request body (Number) not captured by the page hook' }],
  ])('%s', (_name, body, expected) => {
    expect(describeRequestBody(body)).toEqual(expected);
  });

  it('cuts long text and marks it truncated', () => {
    expect(describeRequestBody('x'.repeat(MAX_HOOK_TEXT + 1)).body).toEqual({ text: 'x'.repeat(MAX_HOOK_TEXT), truncated: true });
  });

  it('does not throw on a URLSearchParams look-alike that throws', () => {
    const hostile = { get [Symbol.toStringTag]() { return 'URLSearchParams'; }, toString() { throw new Error('x'); } };
    expect(describeRequestBody(hostile)).toEqual({ note: 'request body could not be read by the page hook' });
  });
});

describe('isReadableType', () => {
  it.each<[string | null, boolean]>([
    [null, true],
    ['', true],
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['application/jwt', true],
    ['application/problem+json', true],
    ['application/x-www-form-urlencoded', true],
    ['text/html', true],
    ['text/event-stream', false],
    ['image/png', false],
    ['application/octet-stream', false],
    ['video/mp4', false],
  ])('%s', (type, expected) => {
    expect(isReadableType(type)).toBe(expected);
  });
});

describe('readLimited', () => {
  const streamOf = (...chunks: string[]) =>
    new Response(new ReadableStream({ start(c) { for (const s of chunks) c.enqueue(new TextEncoder().encode(s)); c.close(); } }));

  it('reads the whole body under the limit', async () => {
    expect(await readLimited(streamOf('{"a":', '"ü"}'), 100)).toEqual({ text: '{"a":"ü"}', truncated: false });
  });

  it('stops at the limit and says so', async () => {
    expect(await readLimited(streamOf('abc', 'def', 'ghi'), 5)).toEqual({ text: 'abcde', truncated: true });
  });

  it('is not truncated when the body ends exactly at the limit', async () => {
    expect(await readLimited(streamOf('abc', 'de'), 5)).toEqual({ text: 'abcde', truncated: false });
  });

  it('gives empty text for no body', async () => {
    expect(await readLimited(new Response(null), 5)).toEqual({ text: '', truncated: false });
  });

  it('rejects when the stream errors', async () => {
    const broken = new Response(new ReadableStream({ pull(c) { c.error(new Error('reset')); } }));
    await expect(readLimited(broken, 5)).rejects.toThrow('reset');
  });
});

describe('parseHeaderBlock', () => {
  it.each<[string | null, { name: string; value: string }[]]>([
    ['content-type: application/json\r\ncache-control: no-store\r\n', [
      { name: 'content-type', value: 'application/json' },
      { name: 'cache-control', value: 'no-store' },
    ]],
    ['x: a: b', [{ name: 'x', value: 'a: b' }]],
    ['no colon here\r\n: empty name', []],
    ['', []],
    [null, []],
  ])('%j', (block, expected) => {
    expect(parseHeaderBlock(block)).toEqual(expected);
  });
});
