/**
 * The panel's link to the worker: a named port, a `subscribe` for one tab, the latest {@link TabState} as a
 * signal, and reconnection when the port drops (MV3 stops idle workers; a restarted worker has no ports). The
 * port is injected so tests drive it with a fake; panel-port.ts opens the real one.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { PanelPush, PanelRequest, TabState } from '../shared/protocol.js';

/** `connected` once the worker answered on the current port; `reconnecting` before that and after a drop. */
export type ConnectionState = 'connected' | 'reconnecting';

interface EventLike<F> {
  addListener(listener: F): void;
  removeListener(listener: F): void;
}

/** The part of `runtime.Port` the connection uses. */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: EventLike<(message: unknown) => void>;
  onDisconnect: EventLike<() => void>;
}

/** What {@link connectPanel} needs: the tab, a way to open a port, and (for tests) the timers. */
export interface ConnectionOptions {
  tabId: number;
  /** Opens a new port to the worker; may throw (the connection then retries). */
  connect(): PortLike;
  /** Milliseconds to wait before each retry; the last one repeats. */
  delays?: readonly number[];
  setTimer?(callback: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

/** A live subscription to one tab's state; see {@link connectPanel}. */
export interface PanelConnection {
  state: ReadonlySignal<TabState | undefined>;
  status: ReadonlySignal<ConnectionState>;
  /** Whether the worker ever answered (to tell "connecting" from "reconnecting" in words). */
  everConnected: ReadonlySignal<boolean>;
  /** The last error the worker pushed. */
  error: ReadonlySignal<{ code: string; message: string } | undefined>;
  /** Sends a request on the current port; false when not connected (the request is dropped, not queued). */
  send(request: PanelRequest): boolean;
  /** Disconnects for good: no more retries. */
  close(): void;
}

/** Retry delays: quick at first (a worker restart takes a moment), then every two seconds. */
export const RETRY_DELAYS: readonly number[] = [100, 250, 500, 1000, 2000];

function isPush(message: unknown): message is PanelPush {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

/**
 * Connects at once and keeps connecting until {@link PanelConnection.close}. Each new port gets a fresh
 * `subscribe`; listeners of a dropped port are removed. Pushes of another tab are ignored. Does not validate
 * the state beyond its tab id: the worker is trusted for shape, claims inside it are not trusted for content.
 */
export function connectPanel(options: ConnectionOptions): PanelConnection {
  const { tabId, connect } = options;
  const delays = options.delays ?? RETRY_DELAYS;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  const state = signal<TabState | undefined>(undefined);
  const status = signal<ConnectionState>('reconnecting');
  const everConnected = signal(false);
  const error = signal<{ code: string; message: string } | undefined>(undefined);
  let port: PortLike | undefined;
  let detach: (() => void) | undefined;
  let timer: unknown;
  let attempt = 0;
  let closed = false;

  const handlers: { [K in PanelPush['type']]: (push: Extract<PanelPush, { type: K }>) => void } = {
    state: (push) => {
      if (push.state?.tabId === tabId) state.value = push.state;
    },
    error: (push) => {
      error.value = { code: String(push.code), message: String(push.message) };
    },
  };

  function answered(): void {
    attempt = 0;
    status.value = 'connected';
    everConnected.value = true;
  }

  function schedule(): void {
    if (closed || timer !== undefined) return;
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
    attempt += 1;
    timer = setTimer(() => {
      timer = undefined;
      open();
    }, delay);
  }

  function dropped(): void {
    detach?.();
    detach = undefined;
    port = undefined;
    status.value = 'reconnecting';
    schedule();
  }

  function open(): void {
    if (closed) return;
    let next: PortLike;
    try {
      next = connect();
    } catch {
      schedule();
      return;
    }
    const onMessage = (message: unknown): void => {
      if (!isPush(message) || !Object.hasOwn(handlers, message.type)) return;
      answered();
      (handlers[message.type] as (push: PanelPush) => void)(message);
    };
    const onDisconnect = (): void => dropped();
    next.onMessage.addListener(onMessage);
    next.onDisconnect.addListener(onDisconnect);
    detach = () => {
      next.onMessage.removeListener(onMessage);
      next.onDisconnect.removeListener(onDisconnect);
    };
    port = next;
    try {
      next.postMessage({ type: 'subscribe', tabId } satisfies PanelRequest);
    } catch {
      // The port died between connect and post; its onDisconnect may not come.
      try {
        next.disconnect();
      } catch {
        // Already gone.
      }
      dropped();
    }
  }

  function send(request: PanelRequest): boolean {
    if (port === undefined || status.value !== 'connected') return false;
    try {
      port.postMessage(request);
      return true;
    } catch {
      return false;
    }
  }

  function close(): void {
    closed = true;
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
    const last = port;
    detach?.();
    detach = undefined;
    port = undefined;
    try {
      last?.disconnect();
    } catch {
      // Already gone.
    }
  }

  open();
  return { state, status, everConnected, error, send, close };
}
