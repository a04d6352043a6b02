import { describe, expect, it } from 'vitest';
import { HOOK_SCRIPT_ID, RELAY_SCRIPT_ID, pageScripts, planScripts, type PageScript } from '../../../src/background/capture/page-hook-scripts.js';

const files = { hook: '/assets/page-hook.iife-abc.js', relay: 'assets/relay.iife-def.js' };

describe('pageScripts', () => {
  it('registers the hook in the MAIN world and the relay isolated, at document_start in all frames', () => {
    expect(pageScripts(['*://idp.example.com/*', '*://*.example.org/*', '*://idp.example.com/*'], files)).toEqual([
      {
        id: HOOK_SCRIPT_ID,
        js: ['assets/page-hook.iife-abc.js'],
        world: 'MAIN',
        matches: ['*://*.example.org/*', '*://idp.example.com/*'],
        runAt: 'document_start',
        allFrames: true,
        persistAcrossSessions: true,
      },
      {
        id: RELAY_SCRIPT_ID,
        js: ['assets/relay.iife-def.js'],
        world: 'ISOLATED',
        matches: ['*://*.example.org/*', '*://idp.example.com/*'],
        runAt: 'document_start',
        allFrames: true,
        persistAcrossSessions: true,
      },
    ]);
  });

  it('gives no scripts without patterns', () => {
    expect(pageScripts([], files)).toEqual([]);
  });
});

describe('planScripts', () => {
  const desired = pageScripts(['*://idp.example.com/*'], files);
  // What Chrome lists back: no persistAcrossSessions, ISOLATED left out.
  const listed: PageScript[] = desired.map(({ persistAcrossSessions: _p, ...s }) =>
    s.world === 'ISOLATED' ? { ...s, world: undefined } : s,
  );

  it.each<[string, PageScript[], PageScript[], ReturnType<typeof planScripts>]>([
    ['registers both when none exist', [], desired, { unregister: [], register: desired, update: [] }],
    ['does nothing when they match', listed, desired, { unregister: [], register: [], update: [] }],
    ['unregisters both when none are desired', listed, [], { unregister: [HOOK_SCRIPT_ID, RELAY_SCRIPT_ID], register: [], update: [] }],
    [
      'updates when the domains changed',
      listed,
      pageScripts(['*://idp.example.com/*', '*://api.example.com/*'], files),
      { unregister: [], register: [], update: pageScripts(['*://idp.example.com/*', '*://api.example.com/*'], files) },
    ],
    [
      'updates when the built files changed',
      listed,
      pageScripts(['*://idp.example.com/*'], { hook: 'assets/page-hook.iife-new.js', relay: files.relay }),
      { unregister: [], register: [], update: [pageScripts(['*://idp.example.com/*'], { hook: 'assets/page-hook.iife-new.js', relay: files.relay })[0]!] },
    ],
    ['registers the one that is missing', [listed[0]!], desired, { unregister: [], register: [desired[1]!], update: [] }],
    ['ignores scripts with other ids', [{ id: 'someone-else', js: ['x.js'] }], [], { unregister: [], register: [], update: [] }],
    [
      'updates a script registered in the wrong world',
      [{ ...listed[0]!, world: 'ISOLATED' }, listed[1]!],
      desired,
      { unregister: [], register: [], update: [desired[0]!] },
    ],
  ])('%s', (_name, existing, want, expected) => {
    expect(planScripts(existing, want)).toEqual(expected);
  });
});
