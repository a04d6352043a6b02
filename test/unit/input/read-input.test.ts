import { describe, expect, it } from 'vitest';
import { exportHar } from '../../../src/core/har/export.js';
import { exportRedactedHar } from '../../../src/core/har/redact-export.js';
import { listedWarnings, MAX_LISTED_WARNINGS } from '../../../src/core/input/listed-warnings.js';
import { REDACTED_NOTICE, readInput } from '../../../src/core/input/read-input.js';
import { fixtureText } from '../har/fixtures.js';

const JWS = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz';
const NOW_MS = 1_700_000_000_000;
const entry = (url: string) => ({ startedDateTime: '2024-01-02T03:04:05.000Z', time: 1, request: { method: 'GET', url, headers: [] }, response: { status: 200, headers: [], content: { size: 0, mimeType: 'x-unknown' } } });
const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } });

describe('readInput', () => {
  it.each<[string, string, string, { kind: string; exchanges?: number; documents?: number }]>([
    ['a HAR file by its name', 'login.har', fixtureText('sample-login.har'), { kind: 'har', exchanges: 7 }],
    ['a HAR by its content, whatever the name', 'pasted text', `  \n${har([entry('https://a.example/')])}`, { kind: 'har', exchanges: 1 }],
    ['a HAR with a byte order mark', 'bom.har', `\uFEFF${har([entry('https://a.example/')])}`, { kind: 'har', exchanges: 1 }],
    ['Firefox\'s export', 'ff.har', fixtureText('sample-login.firefox.har'), { kind: 'har', exchanges: 7 }],
    ['a raw JWT', 'token.txt', JWS, { kind: 'document', documents: 1 }],
    ['a JSON response', 'userinfo.json', '{"sub":"alice"}', { kind: 'document', documents: 1 }],
    ['JSON whose first member is not "log"', 'pasted text', '{"logs":[]}', { kind: 'document', documents: 1 }],
  ])('reads %s', (_name, name, text, expected) => {
    const r = readInput(name, text, NOW_MS);
    expect(r.errors).toEqual([]);
    expect(r.summary).toEqual([expected.kind === 'har' ? { name, kind: 'har', exchanges: expected.exchanges, warnings: [] } : { name, kind: 'document' }]);
    expect(r.exchanges).toHaveLength(expected.exchanges ?? 0);
    expect(r.documents).toHaveLength(expected.documents ?? 0);
    if (expected.documents) expect(r.documents[0]).toEqual({ name, text, at: NOW_MS });
  });

  it.each<[string, string, string, RegExp]>([
    ['text that is not JSON', 'broken.har', '{"log": {', /^not a HAR file: the text is not JSON \(.*; at line 1, column 10\)$/],
    ['an empty file', 'empty.har', '', /^not a HAR file: the file is empty$/],
    ['JSON without a log', 'other.har', '{"entries": 1}', /^not a HAR file: it has no "log" member$/],
    ['a log without entries', 'nolog.har', '{"log": {"version": "1.2"}}', /^not a HAR file: log.entries is missing, not an array$/],
  ])('says why %s is not a usable HAR, and gives nothing else', (_name, name, text, error) => {
    const r = readInput(name, text, NOW_MS);
    expect(r.errors).toEqual([{ name, error: expect.stringMatching(error) }]);
    expect(r).toMatchObject({ exchanges: [], documents: [], notices: [], summary: [] });
  });

  it('prefixes exchange ids with the input number when given one', () => {
    const text = har([entry('https://a.example/'), entry('https://b.example/')]);
    expect(readInput('a.har', text, NOW_MS).exchanges.map((e) => e.id)).toEqual(['har-0', 'har-1']);
    expect(readInput('a.har', text, NOW_MS, 0).exchanges.map((e) => e.id)).toEqual(['1:har-0', '1:har-1']);
    expect(readInput('a.har', text, NOW_MS, 2).exchanges.map((e) => e.id)).toEqual(['3:har-0', '3:har-1']);
  });

  it.each<[string, string, string]>([
    ['an Authorization header value', `Bearer ${JWS}`, '"Bearer "'],
    ['a quoted token', `"${JWS}"`, 'quotes'],
    ['a wrapped token', JWS.replace(/(.{20})/g, '$1\n'), 'line breaks'],
  ])('unwraps %s and says so', (_name, text, removed) => {
    const r = readInput('pasted text', text, NOW_MS);
    expect(r.documents).toEqual([{ name: 'pasted text', text: JWS, at: NOW_MS }]);
    expect(r.notices).toEqual([{ name: 'pasted text', message: `read as a pasted token (removed ${removed})` }]);
  });

  it('lists at most 10 import warnings and counts the rest', () => {
    const broken = Array.from({ length: 15 }, () => ({ request: {} }));
    const r = readInput('broken.har', har([...broken, entry('https://a.example/')]), NOW_MS);
    expect(r.summary[0]!.warnings).toHaveLength(15);
    expect(r.notices.map((n) => n.message)).toEqual([...Array.from({ length: 10 }, (_, i) => `entry ${i}: no request.url, skipped`), '... and 5 more']);
  });

  it('recognises a redacted export of this extension and says what that means; a plain export is not', async () => {
    const { exchanges } = readInput('a.har', fixtureText('seed-defects.har'), NOW_MS);
    const redacted = readInput('redacted.har', JSON.stringify(await exportRedactedHar(exchanges, { name: 'Token Inspector', version: '0.1.0' }, { salt: 'a-salt-of-enough-length' })), NOW_MS);
    expect(redacted.errors).toEqual([]);
    expect(redacted.exchanges).toHaveLength(exchanges.length);
    expect(redacted.notices).toEqual([{ name: 'redacted.har', message: REDACTED_NOTICE }]);
    const plain = readInput('plain.har', JSON.stringify(exportHar(exchanges, { name: 'Token Inspector', version: '0.1.0' })), NOW_MS);
    expect(plain.notices).toEqual([]);
  });
});

describe('listedWarnings', () => {
  const w = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);
  it.each<[string, string[], string[]]>([
    ['none', [], []],
    ['up to the limit', w(MAX_LISTED_WARNINGS), w(MAX_LISTED_WARNINGS)],
    ['one over the limit', w(11), [...w(10), '... and 1 more']],
    ['the importer\'s count of 100 listed and 7 more', [...w(100), '... and 7 more warnings'], [...w(10), '... and 97 more']],
    ['the importer\'s count of one more', [...w(100), '... and 1 more warning'], [...w(10), '... and 91 more']],
    ['a few listed and some counted', [...w(3), '... and 9 more warnings'], [...w(3), '... and 9 more']],
  ])('%s', (_name, input, expected) => {
    expect(listedWarnings(input)).toEqual(expected);
  });
});
