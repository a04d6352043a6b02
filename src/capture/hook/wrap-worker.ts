/** The page hook's `Worker`: the page's own, with the worker-side hook in the dedicated workers it can wrap. */
import { HOOK_TAG, isObservationMessage, isReadyMessage, type PortOffer } from '../hook-protocol.js';
import { bare, list, reader, uncurry, type Builtins } from './builtins.js';
import type { ObjectUrls } from './object-urls.js';
import { classOf } from './request-body.js';
import { workerType, wrappedScript } from './worker-script.js';

/** Added to the notes of every exchange a worker-side hook saw. */
export const WORKER_NOTE = 'captured in a dedicated Web Worker the page started (blob: script)';

/** What the wrapper takes from the page when it installs. */
export interface WorkerScope {
  Worker: typeof Worker;
  Blob: typeof Blob;
  URL: typeof URL;
}

/** What the wrapper works with. */
export interface WorkerWrapDeps {
  b: Builtins;
  urls: ObjectUrls;
  /** The worker-side hook as classic script text (one line, ends with `;`). */
  hookSource: string;
  /** Gets each observation a wrapped worker's hook sends, with {@link WORKER_NOTE} added; not checked here. */
  onObservation(observation: unknown): void;
}

/** One worker to start wrapped. */
interface Plan {
  args: unknown[];
  /** Revokes every URL made for it (construction failed). */
  discard(): void;
  /** Connects the constructed worker and revokes what it no longer needs. */
  started(worker: Worker): void;
}

function noted(observation: unknown): unknown {
  if (typeof observation !== 'object' || observation === null) return observation;
  const o = observation as { notes?: unknown };
  o.notes = Array.isArray(o.notes) ? [WORKER_NOTE, ...(o.notes as unknown[])] : [WORKER_NOTE];
  return o;
}

/**
 * A `Worker` constructor for the page. Called with `new`, it decides whether the worker can be wrapped
 * faithfully: a dedicated worker (this is not SharedWorker) whose script URL is an object URL the page made for a
 * Blob (`urls.blobOf`; a string or a URL object), of type classic or module ({@link wrappedScript} says how).
 * Then it constructs the browser's Worker, with the page's own `new.target` and options (so `name`, `type`,
 * `credentials` and subclasses are kept), on the wrapped script, and posts the worker a port offer as its first
 * message, before the page can post anything; the worker-side hook takes it (hook/adopt-port.ts) and sends its
 * exchanges over it. Otherwise, and whenever planning or that construction throws, it constructs the browser's
 * Worker with the page's very arguments, so the page gets what it got without the hook, errors included.
 *
 * Does not wrap workers from http(s) URLs (the wrapper would have another URL, so the worker's relative
 * `importScripts` and `fetch` would resolve elsewhere), data: URLs (an opaque origin of their own), object URLs
 * made in another frame or before the hook, or nested workers. The object URLs it makes are revoked once the
 * worker has loaded them (after construction for the main script; for a module's imports when the worker's
 * hook reports ready or the worker reports an error).
 */
export function wrapWorker(scope: WorkerScope, deps: WorkerWrapDeps): typeof Worker {
  const { b, urls, hookSource, onObservation } = deps;
  const Original = scope.Worker;
  const BlobCtor = scope.Blob;
  const construct = Reflect.construct;
  const apply = Reflect.apply;
  const postToWorker = uncurry(Original.prototype.postMessage as (message: unknown, transfer: Transferable[]) => void);
  const blobType = reader<string>(BlobCtor.prototype, 'type');
  const href = reader<string>(scope.URL.prototype, 'href');
  const maker = {
    blob(parts: BlobPart[], type: string): Blob {
      const safe = list<BlobPart>();
      for (let i = 0; i < parts.length; i++) safe[i] = parts[i] as BlobPart;
      return new BlobCtor(safe, bare({ type }));
    },
    url: (blob: Blob) => urls.create(blob),
  };
  let hookModule: string | undefined;
  const hookModuleUrl = (): string => (hookModule ??= maker.url(maker.blob([hookSource], 'text/javascript')));

  const connect = (worker: Worker, pending: string[]): void => {
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      for (let i = 0; i < pending.length; i++) urls.revoke(pending[i] as string);
    };
    const { port1, port2 } = b.channel();
    b.listen(port1, 'message', (event) => {
      try {
        const data = b.data(event as MessageEvent);
        if (isReadyMessage(data)) release();
        else if (isObservationMessage(data)) onObservation(noted(data.observation));
      } catch {
        // A message that cannot be read: ignored.
      }
    }, false);
    b.start(port1);
    if (pending.length > 0) b.listen(worker, 'error', release, false);
    const offer: PortOffer = { tag: HOOK_TAG, kind: 'port' };
    postToWorker(worker, offer, list<Transferable>(port2));
  };

  const plan = (args: unknown[]): Plan | undefined => {
    const input = args[0];
    const url = typeof input === 'string' ? input : classOf(input) === 'URL' ? href(input) : undefined;
    if (url === undefined || !/^blob:/i.test(url)) return undefined;
    const blob = urls.blobOf(url);
    const type = workerType(args[1]);
    if (!blob || !type) return undefined;
    const script = wrappedScript(type, blob, blobType(blob), hookSource, maker, hookModuleUrl);
    if (!script) return undefined;
    const wrappedArgs: unknown[] = [script.url];
    for (let i = 1; i < args.length; i++) wrappedArgs[i] = args[i];
    return {
      args: wrappedArgs,
      discard() {
        urls.revoke(script.url);
        for (let i = 0; i < script.pending.length; i++) urls.revoke(script.pending[i] as string);
      },
      started(worker) {
        urls.revoke(script.url);
        connect(worker, script.pending);
      },
    };
  };

  const wrapped = function Worker(this: unknown, ...args: unknown[]): Worker {
    // Without `new`: the browser's own TypeError.
    if (new.target === undefined) return apply(Original, this, args) as Worker;
    let chosen: Plan | undefined;
    try {
      chosen = plan(args);
    } catch {
      chosen = undefined;
    }
    if (!chosen) return construct(Original, args, new.target) as Worker;
    let worker: Worker;
    try {
      worker = construct(Original, chosen.args, new.target) as Worker;
    } catch {
      try {
        chosen.discard();
      } catch {
        // Leaves a URL behind at worst.
      }
      return construct(Original, args, new.target) as Worker;
    }
    try {
      chosen.started(worker);
    } catch {
      // The worker runs without a port: its hook keeps what it sees, bounded, and the page is unaffected.
    }
    return worker;
  };
  try {
    Object.defineProperty(wrapped, 'prototype', { value: Original.prototype, writable: false });
    Object.defineProperty(wrapped, 'length', { value: Original.length });
  } catch {
    // Cosmetic only (instanceof goes through `prototype`, set first).
  }
  return wrapped as unknown as typeof Worker;
}
