import { describe, expect, it } from 'vitest';
import { reinstallOnHostGrant, type GrantedPermissions } from '../../../src/background/capture/reinstall-on-grant.js';

/** permissions.onAdded with one listener, fired by the test. */
function fakeOnAdded() {
  let listener: ((granted: GrantedPermissions) => void) | undefined;
  return {
    addListener: (cb: (granted: GrantedPermissions) => void) => void (listener = cb),
    fire: (granted: GrantedPermissions) => listener?.(granted),
    get listening() {
      return listener !== undefined;
    },
  };
}

function source(name: string, log: string[], fails = false) {
  return {
    reinstall() {
      log.push(name);
      if (fails) throw new Error(`${name} broke`);
    },
  };
}

describe('reinstallOnHostGrant', () => {
  it.each([
    [{ origins: ['*://127.0.0.1/*'] }, ['webRequest', 'other']],
    [{ origins: ['*://localhost/*', '*://*.example.com/*'], permissions: [] }, ['webRequest', 'other']],
    [{ permissions: ['scripting'] }, []],
    [{ origins: [], permissions: ['storage'] }, []],
    [{}, []],
  ] as const)('on %j re-installs %j', (granted, expected) => {
    const onAdded = fakeOnAdded();
    const log: string[] = [];
    reinstallOnHostGrant(onAdded, [source('webRequest', log), source('other', log)], () => undefined);
    expect(onAdded.listening).toBe(true);
    expect(log).toEqual([]);
    onAdded.fire(granted as GrantedPermissions);
    expect(log).toEqual(expected);
  });

  it('re-installs again on every later grant', () => {
    const onAdded = fakeOnAdded();
    const log: string[] = [];
    reinstallOnHostGrant(onAdded, [source('webRequest', log)], () => undefined);
    onAdded.fire({ origins: ['*://127.0.0.1/*'] });
    onAdded.fire({ origins: ['*://localhost/*'] });
    expect(log).toEqual(['webRequest', 'webRequest']);
  });

  it('reports a source that throws and still re-installs the others', () => {
    const onAdded = fakeOnAdded();
    const log: string[] = [];
    const errors: unknown[] = [];
    reinstallOnHostGrant(onAdded, [source('broken', log, true), source('webRequest', log)], (e) => errors.push(e));
    onAdded.fire({ origins: ['*://127.0.0.1/*'] });
    expect(log).toEqual(['broken', 'webRequest']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(Error);
    expect((errors[0] as Error).message).toBe('broken broke');
  });
});
