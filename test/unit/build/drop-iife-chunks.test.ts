import { describe, expect, it } from 'vitest';
import { dropIifeChunks, leftoverIifeChunks, type BundleItem } from '../../../scripts/drop-iife-chunks.js';

const chunk = (facade: string | null, imports: string[] = [], more: Partial<Extract<BundleItem, { type: 'chunk' }>> = {}): BundleItem => ({
  type: 'chunk',
  facadeModuleId: facade,
  isEntry: facade !== null,
  isDynamicEntry: false,
  imports,
  dynamicImports: [],
  ...more,
});
const asset = (source: string): BundleItem => ({ type: 'asset', source });

/** What crxjs leaves for two `?script&iife` imports: ESM chunks of the sources and the chunk only they share. */
const crxjsLike = (): Record<string, BundleItem> => ({
  'service-worker-loader.js': asset("import './assets/index.ts-1.js';"),
  'assets/index.ts-1.js': chunk('/p/src/background/index.ts', ['assets/form-1.js']),
  'assets/page-hook.iife.ts-1.js': chunk('/p/src/capture/page-hook.iife.ts', ['assets/form-1.js', 'assets/hook-protocol-1.js']),
  'assets/relay.iife.ts-1.js': chunk('/p/src/capture/relay.iife.ts', ['assets/hook-protocol-1.js']),
  'assets/form-1.js': chunk(null),
  'assets/hook-protocol-1.js': chunk(null),
  'src/capture/page-hook.iife.js': asset('(function(){})()'),
  'src/capture/relay.iife.js': asset('(function(){})()'),
  'src/panel/panel.html': asset('<script type="module" src="/assets/panel-1.js"></script>'),
  'assets/panel-1.js': chunk('/p/src/panel/panel.html'),
});

describe('leftoverIifeChunks', () => {
  it('drops the ESM chunks of IIFE sources and the chunks only they import, keeps the IIFE scripts and the rest', () => {
    expect(leftoverIifeChunks(crxjsLike()).sort()).toEqual(['assets/hook-protocol-1.js', 'assets/page-hook.iife.ts-1.js', 'assets/relay.iife.ts-1.js']);
  });

  it.each<[string, Record<string, BundleItem>, string[]]>([
    ['nothing without IIFE sources, even an unimported chunk', { 'a.js': chunk('/p/a.ts'), 'b.js': chunk(null) }, []],
    ['a facade id with a query', { 'x.js': chunk('/p/src/x.iife.tsx?script') }, ['x.js']],
    ['a name that only contains iife', { 'x.js': chunk('/p/src/iife.ts'), 'y.js': chunk('/p/src/x.iife.json') }, []],
    ['an IIFE source also imported as a module', { 'main.js': chunk('/p/main.ts', ['h.js']), 'h.js': chunk('/p/h.iife.ts') }, []],
    ['an IIFE source also loaded dynamically', { 'main.js': chunk('/p/main.ts', [], { dynamicImports: ['h.js'] }), 'h.js': chunk('/p/h.iife.ts') }, []],
    ['a chunk an HTML page names', { 'h.js': chunk('/p/h.iife.ts', ['s.js']), 's.js': chunk(null), 'p.html': asset('<link rel="modulepreload" href="/s.js">') }, ['h.js']],
    ['a chain of chunks only the IIFE source needed', { 'h.js': chunk('/p/h.iife.ts', ['a.js']), 'a.js': chunk(null, ['b.js']), 'b.js': chunk(null) }, ['h.js', 'a.js', 'b.js']],
    ['a dynamic entry stays', { 'h.js': chunk('/p/h.iife.ts', ['d.js']), 'd.js': chunk(null, [], { isDynamicEntry: true }) }, ['h.js']],
  ])('%s', (_name, bundle, expected) => {
    const copy = structuredClone(bundle);
    expect(leftoverIifeChunks(bundle)).toEqual(expected);
    expect(bundle).toEqual(copy);
  });
});

describe('dropIifeChunks', () => {
  it('deletes them from the bundle in generateBundle, after the other post plugins', () => {
    const plugin = dropIifeChunks();
    expect(plugin).toMatchObject({ apply: 'build', enforce: 'post' });
    const bundle = crxjsLike();
    (plugin.generateBundle as unknown as (o: unknown, b: Record<string, BundleItem>) => void)({}, bundle);
    expect(Object.keys(bundle).sort()).toEqual([
      'assets/form-1.js',
      'assets/index.ts-1.js',
      'assets/panel-1.js',
      'service-worker-loader.js',
      'src/capture/page-hook.iife.js',
      'src/capture/relay.iife.js',
      'src/panel/panel.html',
    ]);
  });
});
