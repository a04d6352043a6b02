/**
 * Sending the devtools page's observations to the worker over the PORT_DEVTOOLS port, across worker restarts:
 * a dropped port is opened again, and what was sent shortly before the drop is sent again (the worker may have
 * stopped before it stored it; the merge drops duplicates).
 */
import type { Observation } from '../core/capture/observation.js';
import type { DevtoolsRequest } from '../shared/protocol.js';

/** The part of a runtime port used here. */
export interface PortLike {
  postMessage(message: unknown): void;
  onDisconnect: { addListener(cb: () => void): void };
}

/** Sends observations of the inspected tab, and the tab's address. */
export interface ObservationSender {
  send(observations: Observation[]): void;
  /**
   * Tells the worker DevTools is open on the tab, at `url`; said again on every new port, and a dropped port is
   * opened again for it (the worker keeps no record of open DevTools across a restart).
   */
  inspected(url: string): void;
}

/** Tuning and injected clocks of {@link createObservationSender}. */
export interface SenderOptions {
  now?: () => number;
  schedule?: (fn: () => void, ms: number) => unknown;
  /** Messages sent less than this long before a drop are sent again. */
  resendWindowMs?: number;
  /** Messages remembered for resending, at most. */
  maxRecent?: number;
  /** Reconnection attempts after a drop before waiting for the next `send`. */
  maxAttempts?: number;
}

/**
 * A sender for `tabId` over ports made by `connect`. The port is opened on the first send, and after a drop
 * again (with backoff from 100 ms to 5 s, at most `maxAttempts` times) when messages of the last
 * `resendWindowMs` need resending or the tab's address was announced (`inspected`, said first on every new
 * port); otherwise lazily on the next send. Never throws. Does not wait for acknowledgements (the protocol has
 * none) and does not keep messages longer than the window.
 */
export function createObservationSender(tabId: number, connect: () => PortLike, options: SenderOptions = {}): ObservationSender {
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? setTimeout;
  const windowMs = options.resendWindowMs ?? 15_000;
  const maxRecent = options.maxRecent ?? 50;
  const maxAttempts = options.maxAttempts ?? 6;
  let port: PortLike | undefined;
  let recent: { at: number; message: DevtoolsRequest }[] = [];
  let attempts = 0;
  let retrying = false;
  let presence: DevtoolsRequest | undefined;

  const open = (): PortLike => {
    const p = connect();
    p.onDisconnect.addListener(() => {
      if (port !== p) return;
      port = undefined;
      dropped();
    });
    port = p;
    if (presence) p.postMessage(presence);
    return p;
  };
  const post = (message: DevtoolsRequest): boolean => {
    if (port) {
      try {
        port.postMessage(message);
        return true;
      } catch {
        // The port died without telling (the worker stopped between events): try one fresh port at once.
        port = undefined;
      }
    }
    try {
      open().postMessage(message);
      return true;
    } catch {
      port = undefined;
      return false;
    }
  };
  const dropped = (): void => {
    const since = now() - windowMs;
    recent = recent.filter((r) => r.at >= since);
    if ((recent.length === 0 && !presence) || retrying || attempts >= maxAttempts) return;
    retrying = true;
    const delay = Math.min(5000, 100 * 2 ** attempts);
    attempts++;
    schedule(() => {
      retrying = false;
      if (recent.length === 0 && presence && !port) {
        try {
          open();
        } catch {
          port = undefined;
          dropped();
          return;
        }
      }
      for (const { message } of recent) {
        if (!post(message)) {
          dropped();
          return;
        }
      }
      attempts = 0;
    }, delay);
  };

  return {
    inspected(url) {
      const message: DevtoolsRequest = { type: 'inspected', tabId, url };
      const current = port;
      presence = message;
      // A new port says it first by itself (open()); an existing one is told now.
      if (current) {
        if (!post(message)) dropped();
        return;
      }
      try {
        open();
      } catch {
        port = undefined;
        dropped();
      }
    },
    send(observations) {
      if (observations.length === 0) return;
      const message: DevtoolsRequest = { type: 'observations', tabId, observations };
      recent.push({ at: now(), message });
      if (recent.length > maxRecent) recent.shift();
      if (!post(message)) dropped();
    },
  };
}
