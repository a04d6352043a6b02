import { describe, expect, it } from 'vitest';
import { privateIifeScripts, withoutIifeScripts } from '../../../scripts/private-iife-scripts.js';

const pages = ['http://*/*', 'https://*/*'];

describe('withoutIifeScripts', () => {
  it.each([
    ['only the page hook', [{ matches: pages, resources: ['src/capture/page-hook.iife.js'] }], []],
    ['the hook and its source map', [{ matches: pages, resources: ['a.iife.js', 'a.iife.js.map'] }], []],
    [
      'a loader chunk stays',
      [{ matches: pages, resources: ['src/capture/page-hook.iife.js', 'assets/relay.ts-loader.js'] }],
      [{ matches: pages, resources: ['assets/relay.ts-loader.js'] }],
    ],
    ['a name that only contains iife', [{ matches: pages, resources: ['assets/iife.jsx', 'x.iife.json'] }], [{ matches: pages, resources: ['assets/iife.jsx', 'x.iife.json'] }]],
    ['nothing', [], []],
  ])('%s', (_name, input, expected) => {
    const copy = structuredClone(input);
    expect(withoutIifeScripts(input)).toEqual(expected);
    expect(input).toEqual(copy);
  });
});

describe('privateIifeScripts', () => {
  type Render = (manifest: Record<string, unknown>) => Record<string, unknown>;
  const render = privateIifeScripts().renderCrxManifest as unknown as Render;

  it('drops web_accessible_resources left empty', () => {
    const out = render({ name: 'x', web_accessible_resources: [{ matches: pages, resources: ['h.iife.js'] }] });
    expect(out).toEqual({ name: 'x' });
  });

  it('keeps other resources and manifests without any', () => {
    const other = [{ matches: pages, resources: ['x.js'] }];
    expect(render({ web_accessible_resources: other })).toEqual({ web_accessible_resources: other });
    expect(render({ name: 'x' })).toEqual({ name: 'x' });
  });
});
