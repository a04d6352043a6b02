/**
 * Which workers the page hook wraps, and the script a wrapped worker runs instead: the worker-side hook first,
 * then the page's own script, unchanged.
 */

/** A worker's type as the Worker constructor reads it from its options. */
export type WorkerType = 'classic' | 'module';

/** How the wrapper makes Blobs and their URLs: the browser's own constructors, taken at install. */
export interface ScriptMaker {
  blob(parts: BlobPart[], type: string): Blob;
  url(blob: Blob): string;
}

/** The script to start a wrapped worker with. */
export interface WrappedScript {
  /** The URL to construct the worker with; it may be revoked once the constructor returned. */
  url: string;
  /** URLs the worker still loads after the constructor (a module's imports): to revoke once it has. */
  pending: string[];
}

/** The essences of the JavaScript MIME types (WHATWG MIME Sniffing), the only ones a module worker accepts. */
const JAVASCRIPT_TYPES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

/** Whether a Blob's `type` is a JavaScript MIME type (parameters ignored). */
export function isJavaScriptType(type: string): boolean {
  return JAVASCRIPT_TYPES.has(type.split(';')[0]!.trim().toLowerCase());
}

/**
 * The worker type of constructor options: 'classic' for none (undefined or null) or no `type`, else the `type`
 * when it is 'classic' or 'module'. Undefined for anything else (a type the browser rejects, options that are
 * not an object): such a worker is not wrapped, so the browser throws its own error. Reads `type` once.
 */
export function workerType(options: unknown): WorkerType | undefined {
  if (options === undefined || options === null) return 'classic';
  if (typeof options !== 'object' && typeof options !== 'function') return undefined;
  const type: unknown = (options as { type?: unknown }).type;
  if (type === undefined || type === 'classic') return 'classic';
  return type === 'module' ? 'module' : undefined;
}

/**
 * The script of a wrapped worker whose own script is `blob` (of MIME type `blobType`), or undefined when it
 * cannot be wrapped faithfully.
 *
 * Classic: one new Blob, `hookSource` followed by `blob` on the same line, so the page's script keeps its line
 * numbers (columns of its first line shift) and is still the worker's main script. Not `importScripts`: that is
 * governed by the page's `script-src`, which sites running blob workers often leave without `blob:` (they allow
 * `worker-src blob:` only), and would break them. What the same script changes: a `"use strict"` directive at the
 * very top of the page's script no longer makes it strict (it is not first any more), and a `#!` first line would
 * not parse. Classic blob workers run whatever the Blob's type, so the new one is typed JavaScript.
 *
 * Module: a module that imports `hookModuleUrl()` (the hook as a module) and then a new URL of the same Blob, so
 * the hook is evaluated first and the page's module keeps its own text and positions. A module worker's imports
 * are fetched as the worker's script (`worker-src`), like the worker itself. Only for a JavaScript `blobType`:
 * with any other the browser refuses the page's module worker, and must go on doing so.
 */
export function wrappedScript(
  type: WorkerType,
  blob: Blob,
  blobType: string,
  hookSource: string,
  maker: ScriptMaker,
  hookModuleUrl: () => string,
): WrappedScript | undefined {
  if (type === 'classic') return { url: maker.url(maker.blob([hookSource, blob], 'text/javascript')), pending: [] };
  if (!isJavaScriptType(blobType)) return undefined;
  const copy = maker.url(blob);
  const source = `import ${JSON.stringify(hookModuleUrl())};import ${JSON.stringify(copy)};`;
  return { url: maker.url(maker.blob([source], 'text/javascript')), pending: [copy] };
}
