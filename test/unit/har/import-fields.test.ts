import { describe, expect, it } from 'vitest';
import { importHarObject } from '../../../src/core/har/import.js';
import type { Exchange } from '../../../src/core/model.js';

type Json = Record<string, unknown>;

const baseEntry = (): Json => ({
  startedDateTime: '2021-08-18T11:27:30.000Z',
  time: 25.5,
  request: { method: 'POST', url: 'https://idp.example/token', httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
  response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 2, mimeType: 'application/json', text: '{}' }, redirectURL: '', headersSize: -1, bodySize: -1 },
  cache: {},
  timings: { send: 0, wait: 25.5, receive: 0 },
});

/** Imports one entry, changed by `edit`, under the given creator. */
function one(edit: (e: { request: Json; response: Json; entry: Json }) => void, creator = 'test'): { ex: Exchange; warnings: string[] } {
  const entry = baseEntry();
  edit({ entry, request: entry.request as Json, response: entry.response as Json });
  const result = importHarObject({ log: { version: '1.2', creator: { name: creator, version: '1' }, entries: [entry] } });
  if (!result.ok || result.exchanges.length !== 1) expect.fail(JSON.stringify(result));
  return { ex: result.exchanges[0]!, warnings: result.warnings };
}

describe('request body and form', () => {
  const params = [{ name: 'redirect_uri', value: 'https%3A%2F%2Fapp.example%2Fcb' }, { name: 'scope', value: 'openid+profile' }];

  it.each([
    ['WebInspector', { redirect_uri: ['https://app.example/cb'], scope: ['openid profile'] }],
    ['Firefox', { redirect_uri: ['https%3A%2F%2Fapp.example%2Fcb'], scope: ['openid+profile'] }],
    ['Charles Proxy', { redirect_uri: ['https%3A%2F%2Fapp.example%2Fcb'], scope: ['openid+profile'] }],
  ])('params without text from %s: decoded only for Chrome, which writes them as sent', (creator, form) => {
    const { ex } = one(({ request }) => {
      request.postData = { mimeType: 'application/x-www-form-urlencoded', params };
    }, creator);
    expect(ex.requestForm).toEqual(form);
    expect(ex.requestBody).toBeUndefined();
  });

  it('prefers the text over params when both are there (the text is what was sent)', () => {
    const { ex } = one(({ request }) => {
      request.postData = { mimeType: 'application/x-www-form-urlencoded', text: 'a=1&a=2&b=x+y', params: [{ name: 'ignored', value: '1' }] };
    });
    expect(ex.requestForm).toEqual({ a: ['1', '2'], b: ['x y'] });
    expect(ex.requestBody).toEqual({ text: 'a=1&a=2&b=x+y', mimeType: 'application/x-www-form-urlencoded' });
    expect(ex.seenBy.requestBody).toEqual(['har']);
  });

  it('uses the Content-Type header when postData has no mimeType', () => {
    const { ex } = one(({ request }) => {
      request.headers = [{ name: 'content-type', value: 'application/x-www-form-urlencoded;charset=UTF-8' }];
      request.postData = { text: 'grant_type=refresh_token' };
    });
    expect(ex.requestForm).toEqual({ grant_type: ['refresh_token'] });
    expect(ex.requestBody?.mimeType).toBeUndefined();
  });

  it('keeps a JSON body as a body, without a form', () => {
    const { ex } = one(({ request }) => {
      request.postData = { mimeType: 'application/json', text: '{"a":1}' };
    });
    expect(ex.requestBody).toEqual({ text: '{"a":1}', mimeType: 'application/json' });
    expect(ex.requestForm).toBeUndefined();
  });

  it('takes multipart params as they are, also from Chrome', () => {
    const { ex } = one(({ request }) => {
      request.postData = { mimeType: 'multipart/form-data; boundary=x', text: '--x...', params: [{ name: 'a', value: '100%' }, { name: 'f', fileName: 'a.txt' }] };
    }, 'WebInspector');
    expect(ex.requestForm).toEqual({ a: ['100%'], f: [''] });
  });

  it('ignores an empty text (old Firefox wrote an empty postData for every GET)', () => {
    const { ex } = one(({ request }) => {
      request.postData = { mimeType: '', params: [], text: '' };
    });
    expect(ex.requestBody).toBeUndefined();
    expect(ex.requestForm).toBeUndefined();
    expect(ex.seenBy.requestBody).toBeUndefined();
  });

  it('notes a request body Firefox did not include', () => {
    const { ex } = one(({ request }) => {
      request.postData = { mimeType: 'application/json', text: '', comment: 'Request bodies are not included.' };
    });
    expect(ex.requestBody).toBeUndefined();
    expect(ex.notes).toContain('request body not in the HAR');
  });

  it('keeps a form name like __proto__ as data', () => {
    const { ex } = one(({ request }) => {
      request.postData = { mimeType: 'application/x-www-form-urlencoded', text: '__proto__=x&constructor=y' };
    });
    expect(Object.keys(ex.requestForm!)).toEqual(['__proto__', 'constructor']);
    expect(ex.requestForm!['__proto__']).toEqual(['x']);
    expect(Object.getPrototypeOf(ex.requestForm)).toBe(Object.prototype);
  });

  it('warns about a postData that is not an object', () => {
    const { ex, warnings } = one(({ request }) => {
      request.postData = 'a=1';
    });
    expect(ex.requestBody).toBeUndefined();
    expect(warnings).toEqual(['entry 0: request.postData is "a=1", not an object; ignored']);
  });
});

describe('response status, body and redirect', () => {
  it.each([
    [0, 'no response (status 0)'],
    [-1, 'no response (status -1)'],
    ['', 'no response (status "")'],
    [null, 'no response (status null)'],
    [undefined, 'no response (no status in the HAR)'],
  ])('status %j leaves status undefined with the note %j', (status, note) => {
    const { ex } = one(({ response }) => {
      response.status = status;
      delete response.content;
    });
    expect(ex.status).toBeUndefined();
    expect(ex.seenBy.status).toBeUndefined();
    expect(ex.notes).toEqual([note]);
  });

  it('reads a status written as a string of digits', () => {
    expect(one(({ response }) => (response.status = '201')).ex.status).toBe(201);
  });

  it('notes a missing response object', () => {
    const { ex } = one(({ entry }) => delete entry.response);
    expect(ex).toMatchObject({ responseHeaders: [], notes: ['no response in the HAR'] });
    expect('status' in ex).toBe(false);
  });

  it('keeps base64 bodies as base64, without decoding them', () => {
    const { ex } = one(({ response }) => {
      response.content = { size: 3, mimeType: 'application/octet-stream', text: 'AAEC', encoding: 'base64' };
    });
    expect(ex.responseBody).toEqual({ text: 'AAEC', encoding: 'base64', mimeType: 'application/octet-stream' });
  });

  it('keeps the very same body string (no copy)', () => {
    const text = `{"pad":"${'x'.repeat(1 << 16)}"}`;
    const entry = baseEntry();
    (entry.response as Json).content = { size: text.length, mimeType: 'application/json', text };
    const result = importHarObject({ log: { entries: [entry] } });
    expect(result.ok && Object.is(result.exchanges[0]!.responseBody!.text, text)).toBe(true);
  });

  it.each([
    ['content without text', { size: 10, mimeType: 'application/json' }],
    ['Firefox comment', { size: 10, mimeType: 'application/json', comment: 'Response bodies are not included.' }],
  ])('%s: no body, a note', (_label, content) => {
    const { ex } = one(({ response }) => (response.content = content));
    expect(ex.responseBody).toBeUndefined();
    expect(ex.notes).toEqual(['response body not in the HAR']);
  });

  it.each([
    ['a Chrome _error', { _error: 'net::ERR_ABORTED' }, { size: 2, text: '{}' }, ['response incomplete: net::ERR_ABORTED']],
    ['a truncation comment', {}, { size: 2, text: '{}', comment: 'body truncated by the capture' }, undefined],
    ['a size far above the text', {}, { size: 500, text: '{"a":' }, ['response body cut short: content.size is 500 bytes, more than the text holds']],
    ['a size above the base64', {}, { size: 9, text: 'AAEC', encoding: 'base64' }, ['response body cut short: content.size is 9 bytes, more than the text holds']],
  ])('marks a body truncated on %s', (_label, extra, content, notes) => {
    const { ex } = one(({ response }) => {
      Object.assign(response, extra);
      response.content = { mimeType: 'application/json', ...content };
    });
    expect(ex.responseBody?.truncated).toBe(true);
    expect(ex.notes).toEqual(notes);
  });

  it.each([
    ['size -1', { size: -1, text: '{}' }],
    ['size of a multi-byte text', { size: 12, text: 'øøøøøø' }],
    ['exact base64 size', { size: 3, text: 'AAEC', encoding: 'base64' }],
    ['_error null', { size: 2, text: '{}' }],
  ])('does not mark a complete body truncated (%s)', (_label, content) => {
    const { ex } = one(({ response }) => {
      response._error = null;
      response.content = { mimeType: 'application/json', ...content };
    });
    expect(ex.responseBody?.truncated).toBeUndefined();
    expect(ex.notes).toBeUndefined();
  });

  it('drops Chrome\'s x-unknown MIME type and notes an encoding it does not know', () => {
    const { ex } = one(({ response }) => (response.content = { size: 1, mimeType: 'x-unknown', text: 'a', encoding: 'gzip' }));
    expect(ex.responseBody).toEqual({ text: 'a' });
    expect(ex.notes).toEqual(['response content.encoding "gzip" is not understood; body kept as text']);
  });

  it.each([
    ['an absolute redirectURL', { redirectURL: 'https://app.example/cb?code=1' }, [], 'https://app.example/cb?code=1'],
    ['a relative redirectURL', { redirectURL: '/cb?code=1' }, [], 'https://idp.example/cb?code=1'],
    ['only a Location header', { redirectURL: '' }, [{ name: 'location', value: 'cb#id_token=x' }], 'https://idp.example/cb#id_token=x'],
  ])('reads the redirect from %s', (_label, fields, headers, url) => {
    const { ex } = one(({ response }) => {
      Object.assign(response, { status: 302, headers, content: { size: 0, mimeType: 'x-unknown' } }, fields);
    });
    expect(ex.redirectUrl).toBe(url);
  });

  it('does not take a Location header of a non-redirect as the redirect', () => {
    const { ex } = one(({ response }) => (response.headers = [{ name: 'Location', value: '/created/1' }]));
    expect(ex.redirectUrl).toBeUndefined();
  });
});

describe('times, ids and notes', () => {
  it.each([
    ['2021-08-18T11:27:30.000Z', Date.UTC(2021, 7, 18, 11, 27, 30)],
    ['2021-08-18T13:27:30.123+02:00', Date.UTC(2021, 7, 18, 11, 27, 30, 123)],
    ['2021-08-18T06:27:30-0500', Date.UTC(2021, 7, 18, 11, 27, 30)],
  ])('reads startedDateTime %s', (iso, at) => {
    const { ex } = one(({ entry }) => (entry.startedDateTime = iso));
    expect(ex.startedAt).toBe(at);
    expect(ex.endedAt).toBe(at + 25.5);
  });

  it.each([[-1], ['25'], [Number.NaN], [null]])('leaves endedAt undefined for time %j', (time) => {
    const { ex } = one(({ entry }) => (entry.time = time));
    expect(ex.endedAt).toBeUndefined();
  });

  it('restores the notes this exporter wrote in _notes, instead of the derived ones', () => {
    const { ex } = one(({ entry, response }) => {
      delete response.content;
      entry._notes = ['response body not captured', 7, 'second'];
    });
    expect(ex.notes).toEqual(['response body not captured', 'second']);
    expect(one(({ entry, response }) => {
      delete response.content;
      entry._notes = [];
    }).ex.notes).toBeUndefined();
  });

  it('does not read the entry comment', () => {
    expect(one(({ entry }) => (entry.comment = 'hello')).ex.notes).toBeUndefined();
  });
});
