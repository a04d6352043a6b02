/**
 * A vite plugin that keeps crxjs's leftovers of IIFE content scripts out of the build. For each `?script&iife`
 * import (the page hook and its relay, see src/background/capture/content-scripts.ts), crxjs emits the source as
 * an ordinary ESM chunk (`assets/page-hook.iife.ts-<hash>.js`) and then builds the IIFE that is actually
 * registered (`src/capture/page-hook.iife.js`) in a second build; it leaves the ESM chunk in the bundle on
 * purpose ("unreferenced and small", says its plugin-contentScripts_iife.ts), with the chunks only it imports.
 * Nothing loads those files, but they ship, and any page could fetch them if they were ever listed as web
 * accessible. This drops them (issue 10 §4).
 */
import type { Plugin, Rollup } from 'vite';

/** A module crxjs builds as an IIFE: its file name ends in `.iife.ts` (or .js, .tsx, …). */
const IIFE_SOURCE = /\.iife\.(?:ts|tsx|js|jsx|mjs|cjs)$/;

/** What this plugin reads of a bundle item (a subset of rollup's OutputChunk and OutputAsset). */
export type BundleItem =
  | { type: 'chunk'; facadeModuleId: string | null; isEntry: boolean; isDynamicEntry: boolean; imports: readonly string[]; dynamicImports: readonly string[] }
  | { type: 'asset'; source: string | Uint8Array };

function isIifeChunk(item: BundleItem): boolean {
  return item.type === 'chunk' && item.facadeModuleId !== null && IIFE_SOURCE.test(item.facadeModuleId.split('?')[0]!);
}

/** Every file a kept chunk imports, and whether a kept text asset (an HTML page) names `fileName`. */
function referenced(bundle: Readonly<Record<string, BundleItem>>, kept: ReadonlySet<string>, fileName: string): boolean {
  for (const name of kept) {
    const item = bundle[name]!;
    if (item.type === 'chunk' ? item.imports.includes(fileName) || item.dynamicImports.includes(fileName) : typeof item.source === 'string' && item.source.includes(fileName)) return true;
  }
  return false;
}

/**
 * The file names to delete from `bundle`: the ESM chunks of IIFE sources that nothing else imports, then, until
 * none is left, every chunk that is neither an entry nor imported by what is kept. Does not touch assets (the
 * IIFE scripts themselves are assets) or entries, and does not mutate `bundle`.
 */
export function leftoverIifeChunks(bundle: Readonly<Record<string, BundleItem>>): string[] {
  const kept = new Set(Object.keys(bundle));
  const dropped: string[] = [];
  const drop = (name: string) => {
    kept.delete(name);
    dropped.push(name);
  };
  const iife = Object.keys(bundle).filter((name) => isIifeChunk(bundle[name]!));
  for (const name of iife) kept.delete(name);
  // A source used as an IIFE and also imported as a module elsewhere stays.
  for (const name of iife) {
    if (referenced(bundle, kept, name)) kept.add(name);
    else dropped.push(name);
  }
  if (dropped.length === 0) return [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of [...kept]) {
      const item = bundle[name]!;
      if (item.type !== 'chunk' || item.isEntry || item.isDynamicEntry || referenced(bundle, kept, name)) continue;
      drop(name);
      changed = true;
    }
  }
  return dropped;
}

/** The plugin; list it after `crx()`, so that it runs after crxjs has emitted the IIFE scripts and the manifest. */
export function dropIifeChunks(): Plugin {
  return {
    name: 'token-inspector:drop-iife-chunks',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle: Rollup.OutputBundle) {
      for (const name of leftoverIifeChunks(bundle as unknown as Record<string, BundleItem>)) delete bundle[name];
    },
  };
}
