import { describe, expect, it } from 'vitest';
import { contentFromResult, harEntryToObservation } from '../../../src/devtools/har-observation.js';

const NOW = 1_700_000_000_000;
const options = { paramsAsSent: true, now: NOW };

const entry = {
  startedDateTime: '2024-01-02T03:04:05.000Z',
  time: 12,
  request: {
    method: 'POST',
    url: 'https://idp.example.com/token',
    headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
    postData: { mimeType: 'application/x-www-form-urlencoded', text: 'grant_type=authorization_code&redirect_uri=https%3A%2F%2Frp%2Fcb' },
  },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [{ name: 'Content-Type', value: 'application/json' }],
    content: { size: 20, mimeType: 'application/json' },
    redirectURL: '',
  },
};

describe('harEntryToObservation', () => {
  it('converts an entry and takes the body from getContent', () => {
    const obs = harEntryToObservation(entry, { text: '{"access_token":"a"}' }, options);
    expect(obs).toEqual({
      source: 'devtools',
      method: 'POST',
      url: 'https://idp.example.com/token',
      startedAt: Date.parse('2024-01-02T03:04:05.000Z'),
      endedAt: Date.parse('2024-01-02T03:04:05.000Z') + 12,
      requestHeaders: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      requestBody: { text: entry.request.postData.text, mimeType: 'application/x-www-form-urlencoded' },
      requestForm: { grant_type: ['authorization_code'], redirect_uri: ['https://rp/cb'] },
      status: 200,
      statusText: 'OK',
      responseHeaders: [{ name: 'Content-Type', value: 'application/json' }],
      responseBody: { text: '{"access_token":"a"}', mimeType: 'application/json' },
    });
  });

  it('notes a missing body when getContent gave nothing', () => {
    const obs = harEntryToObservation(entry, undefined, options);
    expect(obs?.responseBody).toBeUndefined();
    expect(obs?.notes).toEqual(['response body not in the HAR']);
  });

  it('keeps base64 content as base64', () => {
    const obs = harEntryToObservation(entry, { text: 'e30=', encoding: 'base64' }, options);
    expect(obs?.responseBody).toEqual({ text: 'e30=', encoding: 'base64', mimeType: 'application/json' });
  });

  it('reads a redirect target', () => {
    const redirect = { ...entry, response: { ...entry.response, status: 302, headers: [{ name: 'Location', value: '/cb#code=c' }], redirectURL: '' } };
    expect(harEntryToObservation(redirect, undefined, options)?.redirectUrl).toBe('https://idp.example.com/cb#code=c');
  });

  it('uses now when the start time is unreadable', () => {
    expect(harEntryToObservation({ ...entry, startedDateTime: 'yesterday' }, undefined, options)?.startedAt).toBe(NOW);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'entry'],
    ['no request', { response: entry.response }],
    ['no url', { request: { method: 'GET' } }],
  ])('gives nothing for %s', (_name, value) => {
    expect(harEntryToObservation(value, { text: 'x' }, options)).toBeUndefined();
  });
});

describe('contentFromResult', () => {
  it.each<[string, unknown[], ReturnType<typeof contentFromResult>]>([
    ["Chrome's callback (content, encoding)", ['{"a":1}', ''], { text: '{"a":1}' }],
    ["Chrome's base64 callback", ['AAE=', 'base64'], { text: 'AAE=', encoding: 'base64' }],
    ["Chrome's promise object", [{ content: 'x', encoding: 'base64' }], { text: 'x', encoding: 'base64' }],
    ["Firefox's [content, mimeType]", [['{"a":1}', 'application/json']], { text: '{"a":1}', mimeType: 'application/json' }],
    ['Firefox as callback arguments', ['{}', 'application/json'], { text: '{}', mimeType: 'application/json' }],
    ['an empty body', ['', ''], { text: '' }],
    ['null content', [null, ''], undefined],
    ['nothing', [], undefined],
    ['an object without content', [{ encoding: 'base64' }], undefined],
    ['a number', [7], undefined],
  ])('%s', (_name, args, expected) => {
    expect(contentFromResult(args)).toEqual(expected);
  });
});
