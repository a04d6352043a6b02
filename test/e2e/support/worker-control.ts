/**
 * Stops the extension's service worker the way Chrome does when it is idle, over CDP, for the worker-restart
 * test. What works here (Chromium 156, found by trying): on a page's CDP session, `ServiceWorker.enable` then
 * `ServiceWorker.stopAllWorkers`; the worker reports `stopped` and starts again on its next event (a webRequest,
 * a message). Not `Target.closeTarget` on the worker target: Playwright's Worker then hangs on evaluate.
 * While stopped, do not `evaluate` in the old Worker object: it waits until the worker runs again.
 */
import type { BrowserContext, CDPSession } from '@playwright/test';

/** Running states of the extension's worker as CDP reports them. */
export type WorkerRunning = 'stopped' | 'starting' | 'running' | 'stopping';

/** Watches the extension worker's running state and stops it on demand. */
export interface WorkerControl {
  /** Stops the worker; resolves once CDP reports it `stopped`. */
  stop(): Promise<void>;
  /** Resolves once the worker is `running` again (after any event woke it). */
  running(timeoutMs?: number): Promise<void>;
  /** How many times the worker was seen `stopped`, then `running` again. */
  restarts(): number;
  detach(): Promise<void>;
}

/** Attaches to the ServiceWorker domain through a page of the context (any page; one is opened if none). */
export async function controlWorker(context: BrowserContext, extensionId: string): Promise<WorkerControl> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp: CDPSession = await context.newCDPSession(page);
  const prefix = `chrome-extension://${extensionId}/`;
  let state: WorkerRunning | undefined;
  let restarts = 0;
  let wasStopped = false;
  const waiters: { want: WorkerRunning; resolve: () => void }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions) {
      if (!version.scriptURL.startsWith(prefix)) continue;
      const next = version.runningStatus as WorkerRunning;
      if (next === 'stopped') wasStopped = true;
      if (wasStopped && next === 'running') {
        restarts++;
        wasStopped = false;
      }
      state = next;
      for (const w of waiters.filter((x) => x.want === next)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  await cdp.send('ServiceWorker.enable');
  const reach = (want: WorkerRunning, timeoutMs: number) =>
    state === want
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`the extension worker did not become ${want} within ${timeoutMs} ms (it is ${state ?? 'unknown'})`)), timeoutMs);
          waiters.push({ want, resolve: () => (clearTimeout(timer), resolve()) });
        });
  return {
    stop: async () => {
      const stopped = reach('stopped', 10_000);
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
    },
    running: (timeoutMs = 15_000) => reach('running', timeoutMs),
    restarts: () => restarts,
    detach: () => cdp.detach().catch(() => undefined),
  };
}
