import { describe, expect, it } from 'vitest';
import { listen } from '../../../src/background/capture/listen.js';

describe('listen', () => {
  it('adds the listener with its arguments and removes exactly it, once', () => {
    const calls: string[] = [];
    const event = {
      addListener: (cb: () => void, filter: { urls: string[] }, options?: string[]) => calls.push(`add ${cb.name} ${filter.urls.join()} ${options?.join() ?? '-'}`),
      removeListener: (cb: () => void) => calls.push(`remove ${cb.name}`),
    };
    const mine = function mine() {};
    const remove = listen(event, mine, { urls: ['<all_urls>'] }, ['requestBody']);
    expect(calls).toEqual(['add mine <all_urls> requestBody']);
    remove();
    remove();
    expect(calls).toEqual(['add mine <all_urls> requestBody', 'remove mine']);
  });

  it('passes what addListener throws to the caller and returns nothing to remove', () => {
    const event = {
      addListener: () => {
        throw new TypeError('Invalid enumeration value "extraHeaders"');
      },
      removeListener: () => undefined,
    };
    expect(() => listen(event, () => undefined)).toThrow(new TypeError('Invalid enumeration value "extraHeaders"'));
  });
});
