/**
 * A vite plugin that bundles the worker-side page hook (src/capture/worker-hook.ts) with esbuild into one line of
 * classic script and gives it to the code as the `__TI_WORKER_HOOK_SOURCE__` define, which
 * src/capture/hook/worker-hook-source.ts reads: the page hook puts that text in front of the scripts of the
 * workers it wraps.
 *
 * A define, not an import suffix: crxjs builds each `?script&iife` content script (the page hook among them) in a
 * vite build of its own that gets the config's `define` but none of its plugins, so a suffix would not resolve
 * there. The text is one line, so that the page's script after it keeps its line numbers; it declares no global
 * and has no top-level directive, so it changes neither the page's names nor its strictness.
 */
import { build } from 'esbuild';
import type { Plugin } from 'vite';

/** The entry of the worker-side hook, relative to the project root. */
export const WORKER_HOOK_ENTRY = 'src/capture/worker-hook.ts';

/** The define the plugin sets. */
export const WORKER_HOOK_DEFINE = '__TI_WORKER_HOOK_SOURCE__';

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * Bundles `entry` (with what it imports) into one line of classic script: the bundle as ES2022, minified, ASCII
 * only (so no U+2028 or U+2029 either), without template literals (whose text could hold a line break), wrapped
 * in a strict function expression that is called at once and ends with `;`. Rejects when esbuild fails or the
 * result still holds a line terminator. Does not write anything.
 */
export async function bundleWorkerHook(entry: string = WORKER_HOOK_ENTRY): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    charset: 'ascii',
    legalComments: 'none',
    supported: { 'template-literal': false },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text.trim() ?? '';
  if (code === '') throw new Error(`${entry}: esbuild produced no code`);
  const source = `(function(){"use strict";${code}})();`;
  if (LINE_TERMINATOR.test(source)) throw new Error(`${entry}: the bundled worker hook is not one line`);
  return source;
}

/** The plugin: bundles the worker hook once per build (or vitest run) and sets the define. */
export function workerHookSource(entry: string = WORKER_HOOK_ENTRY): Plugin {
  return {
    name: 'token-inspector:worker-hook-source',
    async config() {
      return { define: { [WORKER_HOOK_DEFINE]: JSON.stringify(await bundleWorkerHook(entry)) } };
    },
  };
}
