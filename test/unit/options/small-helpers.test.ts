import { describe, expect, it } from 'vitest';
import { parseIdList, recordFromRows, rowsFromRecord, sameRecord } from '../../../src/options/client-id-rows.js';
import { domainProblemMessage, type DomainEntryProblem } from '../../../src/options/domain-messages.js';
import { isNoReceiverError } from '../../../src/options/no-receiver.js';
import { parseSkew } from '../../../src/options/skew.js';
import { visibleSources } from '../../../src/options/sources.js';

describe('parseSkew', () => {
  it.each([
    ['0', 0],
    ['60', 60],
    [' 300 ', 300],
    ['301', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['', undefined],
    ['abc', undefined],
    ['1e2', undefined],
  ])('%j gives %j', (text, expected) => {
    expect(parseSkew(text)).toBe(expected);
  });
});

describe('client id rows', () => {
  it.each([
    ['a, b,,c , a', ['a', 'b', 'c']],
    ['', []],
    [' , ,', []],
    ['single', ['single']],
  ])('parseIdList(%j)', (text, ids) => {
    expect(parseIdList(text)).toEqual(ids);
  });

  it('leaves out rows still being typed and merges rows of one issuer', () => {
    expect(
      recordFromRows([
        { issuer: ' https://idp.example.com ', ids: 'web, app' },
        { issuer: '', ids: 'orphan' },
        { issuer: 'https://other.example', ids: ' , ' },
        { issuer: 'https://idp.example.com', ids: 'app, cli' },
      ]),
    ).toEqual({ 'https://idp.example.com': ['web', 'app', 'cli'] });
  });

  it('round-trips a stored record', () => {
    const record = { 'https://idp.example.com': ['web', 'app'], 'https://b.example': ['x'] };
    expect(rowsFromRecord(record)).toEqual([
      { issuer: 'https://idp.example.com', ids: 'web, app' },
      { issuer: 'https://b.example', ids: 'x' },
    ]);
    expect(sameRecord(recordFromRows(rowsFromRecord(record)), record)).toBe(true);
    expect(sameRecord(record, { 'https://idp.example.com': ['web'] })).toBe(false);
  });
});

describe('visibleSources', () => {
  it.each([
    ['chrome', false, ['webRequest', 'pageHook', 'devtools']],
    ['chrome', true, ['webRequest', 'pageHook', 'devtools', 'debugger']],
    ['firefox', false, ['webRequest', 'pageHook', 'devtools', 'filterResponseData']],
  ] as const)('%s, deep capture %s', (target, deep, keys) => {
    const sources = visibleSources(target, deep);
    expect(sources.map((s) => s.key)).toEqual(keys);
    for (const s of sources) expect(s.label).not.toBe('');
  });
});

describe('domainProblemMessage', () => {
  it.each([
    ['empty', /enter a host/i],
    ['scheme-or-path', /no path/i],
    ['bad-host', /not a valid host/i],
    ['bad-port', /1 to 65535/],
    ['duplicate', /already configured/i],
  ] as [DomainEntryProblem, RegExp][])('%s', (problem, words) => {
    expect(domainProblemMessage(problem)).toMatch(words);
  });
});

describe('isNoReceiverError', () => {
  it.each([
    [new Error('Could not establish connection. Receiving end does not exist.'), true],
    ['Could not establish connection. Receiving end does not exist.', true],
    [new Error('Extension context invalidated.'), false],
    [new Error('Quota exceeded'), false],
    [undefined, false],
    [{ message: 'Receiving end does not exist' }, false],
  ])('%j: %s', (error, expected) => {
    expect(isNoReceiverError(error)).toBe(expected);
  });
});
