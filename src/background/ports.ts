/**
 * Long-lived connections to the worker, routed by port name (src/shared/protocol.ts): the panel subscribes to a
 * tab and controls its capture; the devtools page sends what `devtools.network` saw. Listeners are removed when
 * the port disconnects; a panel reconnects by itself after a worker restart.
 */
import { sanitizeObservation } from '../capture/observation-guard.js';
import type { Observation } from '../core/capture/observation.js';
import type { PanelPush, PanelRequest } from '../shared/protocol.js';
import { httpUrl } from '../shared/domains.js';
import type { CaptureContext } from './capture/context.js';
import type { DevtoolsPresence } from './devtools-presence.js';
import type { Store } from './store.js';
import type { Subscriptions } from './subscriptions.js';

/** The part of `Runtime.Port` used here (a fake in unit tests). */
export interface PortLike {
  name: string;
  sender?: { id?: string; url?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void; removeListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void; removeListener(cb: () => void): void };
}

/** Sets up one connected port of a given name. */
export type PortHandler = (port: PortLike) => void;

/**
 * Whether a port or message comes from one of this extension's own pages (panel, devtools page, options page):
 * its URL is under the extension's origin. Content scripts carry the web page's URL and are refused. Pure.
 */
export function fromExtensionPage(sender: { url?: string } | undefined, extensionOrigin: string): boolean {
  return extensionOrigin !== '' && typeof sender?.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/**
 * The `runtime.onConnect` listener: hands a port to the handler of its name when it comes from an extension
 * page; disconnects any other port (unknown name, or opened by a content script). Does not keep ports.
 */
export function routePort(handlers: Record<string, PortHandler>, extensionOrigin: string): (port: PortLike) => void {
  return (port) => {
    const handler = Object.hasOwn(handlers, port.name) ? handlers[port.name] : undefined;
    if (!handler || !fromExtensionPage(port.sender, extensionOrigin)) {
      port.disconnect();
      return;
    }
    handler(port);
  };
}

/** Calls `onMessage` for each message until the port disconnects, then removes both listeners and calls `onGone`. */
function listen(port: PortLike, onMessage: (message: unknown) => void, onGone: () => void = () => undefined): void {
  const gone = (): void => {
    port.onMessage.removeListener(onMessage);
    port.onDisconnect.removeListener(gone);
    onGone();
  };
  port.onMessage.addListener(onMessage);
  port.onDisconnect.addListener(gone);
}

function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The request, when `message` is a well-formed {@link PanelRequest}. */
export function parsePanelRequest(message: unknown): PanelRequest | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (!isTabId(m['tabId'])) return undefined;
  const tabId = m['tabId'];
  switch (m['type']) {
    case 'subscribe':
    case 'pause':
    case 'resume':
    case 'clear':
      return { type: m['type'], tabId };
    case 'preserve':
      return typeof m['preserve'] === 'boolean' ? { type: 'preserve', tabId, preserve: m['preserve'] } : undefined;
    default:
      return undefined;
  }
}

type PanelHandlers = { [T in PanelRequest['type']]: (req: Extract<PanelRequest, { type: T }>, port: PortLike) => Promise<void> };

/** The panel port: `subscribe` pushes the tab's state now and after each change; the rest control the capture. */
export function panelPort(store: Pick<Store, 'pause' | 'resume' | 'clear' | 'setPreserve'>, subscriptions: Subscriptions): PortHandler {
  const handlers: PanelHandlers = {
    subscribe: (req, port) => subscriptions.subscribe(port, req.tabId),
    pause: (req) => store.pause(req.tabId),
    resume: (req) => store.resume(req.tabId),
    clear: (req) => store.clear(req.tabId),
    preserve: (req) => store.setPreserve(req.tabId, req.preserve),
  };
  return (port) => {
    const fail = (code: string, message: string): void => {
      const push: PanelPush = { type: 'error', code, message };
      try {
        port.postMessage(push);
      } catch {
        // The port is gone; its disconnect listener cleans up.
      }
    };
    listen(
      port,
      (message) => {
        const req = parsePanelRequest(message);
        if (!req) return fail('bad-request', 'not a panel request');
        const handler = handlers[req.type] as (r: PanelRequest, p: PortLike) => Promise<void>;
        handler(req, port).catch((err: unknown) => fail('failed', err instanceof Error ? err.message : String(err)));
      },
      () => subscriptions.unsubscribe(port),
    );
  };
}

/**
 * The key of a devtools observation: its HAR entry's start (ms), method and URL. The devtools page may report
 * one request twice (in `getHAR()` when it opens and in `onRequestFinished`, or again after a worker restart
 * dropped its port); equal keys make that one exchange, while polling requests, which start at different
 * milliseconds, stay apart. Pure.
 */
export function devtoolsKey(obs: Pick<Observation, 'startedAt' | 'method' | 'url'>): string {
  return `dt:${obs.startedAt} ${obs.method} ${obs.url}`;
}

/** The longest address the devtools page may report for a tab. */
const MAX_INSPECTED_URL = 8192;

function inspectedUrl(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_INSPECTED_URL ? httpUrl(value)?.href : undefined;
}

/**
 * The devtools port: `{type:'observations', tabId, observations}` from the devtools page, each observation
 * rebuilt by `sanitizeObservation` with the source forced to `devtools` and keyed by {@link devtoolsKey}
 * (malformed ones are dropped); and `{type:'inspected', tabId, url}`, which tells `presence` that DevTools is open
 * on the tab (an address that is not http(s) is kept as unknown). The port's DevTools counts as closed when it
 * disconnects.
 */
export function devtoolsPort(ctx: CaptureContext, presence?: DevtoolsPresence): PortHandler {
  return (port) => {
    listen(
      port,
      (message) => {
        if (typeof message !== 'object' || message === null) return;
        const m = message as Record<string, unknown>;
        if (!isTabId(m['tabId'])) return;
        if (m['type'] === 'inspected') {
          presence?.inspected(port, m['tabId'], inspectedUrl(m['url']));
          return;
        }
        ctx.count('devtools');
        if (m['type'] !== 'observations' || !Array.isArray(m['observations'])) return;
        presence?.active(port, m['tabId']);
        const list = m['observations']
          .map((o) => sanitizeObservation(o, 'devtools'))
          .filter((o): o is Observation => o !== undefined)
          .map((o) => ({ ...o, key: devtoolsKey(o) }));
        if (list.length > 0) ctx.record(m['tabId'], list);
      },
      () => presence?.closed(port),
    );
  };
}
