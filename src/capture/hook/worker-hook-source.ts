/**
 * The worker-side hook (src/capture/worker-hook.ts) as script text, bundled at build time by the vite plugin
 * scripts/worker-hook-source.ts and injected as a `define` (the page hook needs it as text to put it into the
 * workers it wraps). One module reads the define so the rest of the code imports a plain constant.
 */
declare const __TI_WORKER_HOOK_SOURCE__: string;

/** One line of classic script, ending with `;`, that installs the worker-side hook; empty when not built in. */
export const WORKER_HOOK_SOURCE: string = typeof __TI_WORKER_HOOK_SOURCE__ === 'string' ? __TI_WORKER_HOOK_SOURCE__ : '';
