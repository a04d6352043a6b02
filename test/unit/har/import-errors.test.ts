import { describe, expect, it } from 'vitest';
import { importHar, importHarObject } from '../../../src/core/har/import.js';

const entry = (url: unknown, extra: Record<string, unknown> = {}) => ({
  startedDateTime: '2021-08-18T11:27:30.000Z',
  time: 10,
  request: { method: 'GET', url, headers: [] },
  response: { status: 200, statusText: 'OK', headers: [], content: { size: 2, mimeType: 'application/json', text: '{}' } },
  ...extra,
});
const har = (entries: unknown, log: Record<string, unknown> = {}) => ({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries, ...log } });

describe('inputs that are not a HAR', () => {
  it.each([
    ['', 'not a HAR file: the file is empty'],
    ['   \n', 'not a HAR file: the file is empty'],
    ['<html>not json</html>', 'not a HAR file: the text is not JSON'],
    ['{"log": {"entries": [}', 'not a HAR file: the text is not JSON'],
    ['[]', 'not a HAR file: the JSON is an array, not an object with a "log" member'],
    ['"log"', 'not a HAR file: the JSON is "log", not an object'],
    ['null', 'not a HAR file: the JSON is null'],
    ['{}', 'not a HAR file: it has no "log" member'],
    ['{"log": "x"}', 'not a HAR file: its "log" is "x", not an object'],
    ['{"log": {}}', 'not a HAR file: log.entries is missing, not an array'],
    ['{"log": {"entries": {}}}', 'not a HAR file: log.entries is an object, not an array'],
  ])('%j gives ok:false (%s)', (text, error) => {
    const result = importHar(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });

  it('says where the JSON breaks, with line and column', () => {
    const result = importHar('{\n  "log": {\n    "entries": [,]\n  }\n}');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^not a HAR file: the text is not JSON \(Unexpected token .*; at line 3, column 17\)$/) as unknown });
  });

  it('ignores a byte order mark', () => {
    const result = importHar(`\uFEFF${JSON.stringify(har([entry('https://a.example/')]))}`);
    expect(result.ok && result.exchanges).toHaveLength(1);
  });

  it('accepts the log object alone (chrome.devtools.network.getHAR)', () => {
    const result = importHarObject({ version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries: [entry('https://a.example/')] });
    expect(result).toMatchObject({ ok: true, creator: 'WebInspector 537.36' });
  });

  it('accepts an empty entries list', () => {
    expect(importHarObject(har([]))).toEqual({ ok: true, exchanges: [], warnings: [], creator: 'test 1' });
  });
});

describe('broken entries become warnings, never a failure', () => {
  it.each([
    [null, 'entry 0 is null, not an object; skipped'],
    ['x', 'entry 0 is "x", not an object; skipped'],
    [[], 'entry 0 is an array, not an object; skipped'],
    [{ startedDateTime: '2021-08-18T11:27:30Z' }, 'entry 0: no request, skipped'],
    [entry(undefined), 'entry 0: no request.url, skipped'],
    [entry(''), 'entry 0: no request.url, skipped'],
    [entry(42), 'entry 0: no request.url, skipped'],
  ])('%j is skipped: %s', (broken, warning) => {
    const result = importHarObject(har([broken, entry('https://ok.example/')]));
    expect(result).toMatchObject({ ok: true, warnings: [warning] });
    if (result.ok) expect(result.exchanges.map((e) => e.id)).toEqual(['har-1']);
  });

  it('names the index of the broken entry', () => {
    const entries = Array.from({ length: 13 }, (_, i) => entry(i === 12 ? undefined : `https://ok.example/${i}`));
    const result = importHarObject(har(entries));
    expect(result).toMatchObject({ ok: true, warnings: ['entry 12: no request.url, skipped'] });
  });

  it('assumes GET for a missing method, with a warning and a note', () => {
    const result = importHarObject(har([{ ...entry('https://a.example/'), request: { url: 'https://a.example/' } }]));
    expect(result).toMatchObject({ ok: true, warnings: ['entry 0: no request.method, assumed GET'] });
    if (result.ok) expect(result.exchanges[0]).toMatchObject({ method: 'GET', notes: ['request method not in the HAR; assumed GET'] });
  });

  it('places an entry with an unreadable time after the previous one', () => {
    const result = importHarObject(har([entry('https://a.example/1'), entry('https://a.example/2', { startedDateTime: 'yesterday' })]));
    expect(result).toMatchObject({
      ok: true,
      warnings: ['entry 1: startedDateTime "yesterday" is not an ISO 8601 time; placed after the previous entry'],
    });
    if (result.ok) expect(result.exchanges[1]!.startedAt).toBe(result.exchanges[0]!.startedAt);
  });

  it('warns about headers that are not a list, and skips header items without a name', () => {
    const bad = entry('https://a.example/');
    bad.request.headers = [{ name: 'A', value: 'x' }, { value: 'no name' }, 7, { name: 'N', value: 5 }, { name: 'O', value: {} }] as never;
    (bad.response as Record<string, unknown>).headers = 'Content-Type: text/plain';
    const result = importHarObject(har([bad]));
    expect(result).toMatchObject({
      ok: true,
      warnings: ['entry 0: request.headers: 3 headers without a string name and value, skipped', 'entry 0: response.headers is "Content-Type: text/plain", not an array; ignored'],
    });
    if (result.ok) expect(result.exchanges[0]!.requestHeaders).toEqual([{ name: 'A', value: 'x' }, { name: 'N', value: '5' }]);
  });

  it('lists at most 100 warnings and counts the rest', () => {
    const result = importHarObject(har(Array.from({ length: 150 }, () => null)));
    expect(result.ok && result.warnings).toHaveLength(101);
    expect(result.ok && result.warnings[100]).toBe('... and 50 more warnings');
  });

  it('warns about an unknown log.version but reads the entries', () => {
    const result = importHarObject(har([entry('https://a.example/')], { version: 3 }));
    expect(result).toMatchObject({ ok: true, warnings: ['log.version is 3; read as HAR 1.2'] });
  });
});
