/** Installing the page hook's wrappers in a dedicated worker, and its end of the worker's private port. */
import type { Observation } from '../../core/capture/observation.js';
import { adoptWorkerPort } from './adopt-port.js';
import { takeBuiltins, type HookScope } from './builtins.js';
import { createForwarder } from './forwarder.js';
import { wrapFetch, type HookEnv } from './wrap-fetch.js';
import { wrapXhr } from './wrap-xhr.js';
import type { ObservationMessage, ReadyMessage } from '../hook-protocol.js';

/** What the hook uses of a dedicated worker's global. */
export interface WorkerGlobal extends HookScope, EventTarget {
  fetch?: typeof fetch;
  XMLHttpRequest?: typeof XMLHttpRequest;
  location: { href: string };
}

/**
 * Installs the worker-side hook on `scope`. Exchanges are kept (at most 100) until the page hook's port
 * arrives, which is after the worker's scripts ran: the port's messages are dispatched only then. Throws when
 * `scope` lacks what the hook needs (the caller catches); never throws into the worker's code afterwards.
 */
export function installWorkerHook(scope: WorkerGlobal): void {
  const b = takeBuiltins(scope);
  let port: MessagePort | undefined;
  const forwarder = createForwarder((observation: Observation) => {
    const message: ObservationMessage = { kind: 'observation', observation };
    try {
      if (port) b.post(port, message);
    } catch {
      // An observation that cannot be cloned: dropped.
    }
  });
  adoptWorkerPort(scope, b, (adopted) => {
    port = adopted;
    const ready: ReadyMessage = { kind: 'ready' };
    b.post(adopted, ready);
    forwarder.configure(true);
  });
  const dateNow = Date.now.bind(Date);
  const location = scope.location;
  const env: HookEnv = { now: dateNow, baseUrl: () => location.href };
  if (typeof scope.fetch === 'function') scope.fetch = wrapFetch(scope.fetch, forwarder, env);
  if (typeof scope.XMLHttpRequest === 'function') {
    wrapXhr(scope.XMLHttpRequest.prototype as unknown as Parameters<typeof wrapXhr>[0], forwarder, env);
  }
}
