/**
 * The worker-side page hook: the first code of a dedicated worker the page started from a blob: URL (the page
 * hook's Worker wrapper puts it there, hook/wrap-worker.ts). It wraps the worker's `fetch` and
 * `XMLHttpRequest` with the page hook's own wrappers, so the worker gets exactly what it got without it, takes the
 * port the page hook offers as the worker's first message, and sends its exchanges over that port; the page hook
 * passes them on to the relay; the extension's worker keeps those on configured domains. It never learns the domains. Built by
 * the vite plugin scripts/worker-hook-source.ts into one line of script text (WORKER_HOOK_SOURCE), not loaded
 * as a file; declares no global, so it cannot collide with the page's script that follows it.
 */
import { installWorkerHook, type WorkerGlobal } from './hook/install-worker-hook.js';

try {
  installWorkerHook(self as unknown as WorkerGlobal);
} catch {
  // The hook must never break the worker.
}
