/** Which workers the page hook can wrap, read from the constructor's options and the Blob's type. */
import { describe, expect, it } from 'vitest';
import { isJavaScriptType, workerType } from '../../../src/capture/hook/worker-script.js';

describe('workerType', () => {
  it.each<[string, unknown, string | undefined]>([
    ['no options', undefined, 'classic'],
    ['null', null, 'classic'],
    ['no type', { name: 'w' }, 'classic'],
    ['type undefined', { type: undefined }, 'classic'],
    ['classic', { type: 'classic' }, 'classic'],
    ['module', { type: 'module', name: 'm' }, 'module'],
    ['a type the browser rejects', { type: 'Module' }, undefined],
    ['a type that is not a string', { type: { toString: () => 'module' } }, undefined],
    ['options that are a string', 'module', undefined],
    ['options that are a number', 1, undefined],
  ])('%s', (_name, options, expected) => {
    expect(workerType(options)).toBe(expected);
  });

  it('reads type once', () => {
    let reads = 0;
    const options = {
      get type() {
        reads += 1;
        return 'module';
      },
    };
    expect(workerType(options)).toBe('module');
    expect(reads).toBe(1);
  });
});

describe('isJavaScriptType', () => {
  it.each<[string, boolean]>([
    ['application/javascript', true],
    ['text/javascript', true],
    ['text/javascript;charset=utf-8', true],
    ['TEXT/JavaScript', true],
    ['application/x-javascript', true],
    ['text/ecmascript', true],
    ['', false],
    ['text/plain', false],
    ['application/json', false],
    ['application/octet-stream', false],
    ['text/javascriptx', false],
  ])('%s: %s', (type, expected) => {
    expect(isJavaScriptType(type)).toBe(expected);
  });
});
