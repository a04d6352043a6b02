/**
 * Taking a private MessagePort from a port offer, before anyone else can: on the page's window (from the relay)
 * or on a worker's global (from the page hook).
 */
import { isPortOffer } from '../hook-protocol.js';
import type { Builtins } from './builtins.js';

/**
 * On the window: listens (capturing, registered when the hook installs, so before any page script could add a
 * listener) for port offers whose source is `win` itself. Every such offer is stopped with
 * stopImmediatePropagation, so no page listener sees it (a window is the whole path of its own message events,
 * and a listener registered earlier on the same target runs earlier: Chromium runs target listeners in
 * registration order, Firefox capturing ones first, and ours is both). The first offer with exactly one port
 * gives `adopt` that port; ports of later offers are closed. The listener stays: the relay may offer again (it
 * answers the hook's hello, and a page can post a hello too), and such an offer must not reach the page either.
 * Offers from other windows (frames, openers) are not ours and are left alone. Never throws into the dispatch.
 *
 * What this does not protect: a same-origin parent or opener can script a frame's or popup's initial
 * about:blank window and keep its listeners and prototypes when the window is reused for the real document
 * (HTML's window reuse); its listener then runs first. Nothing secret travels over the port (see
 * relay/hook-ports.ts), so such a page can at most talk to the relay as if it were the hook.
 */
export function adoptWindowPort(win: Window, b: Builtins, adopt: (port: MessagePort) => void): void {
  let adopted = false;
  const listener = (event: Event): void => {
    try {
      const message = event as MessageEvent;
      if (b.source(message) !== win || !isPortOffer(b.data(message))) return;
      b.stopImmediately(message);
      const ports = b.ports(message);
      if (!adopted && ports.length === 1) {
        adopted = true;
        adopt(ports[0] as MessagePort);
        return;
      }
      for (let i = 0; i < ports.length; i++) b.close(ports[i] as MessagePort);
    } catch {
      // Nothing the hook does may throw into the page's event dispatch.
    }
  };
  b.listen(win, 'message', listener, true);
}

/**
 * On a worker's global: looks at the worker's first message only, which is the page hook's offer (it posts it
 * inside the Worker constructor, before the page can post anything). When it is an offer with exactly one port,
 * stops it (the worker's scripts, whose listeners were added later, never see it) and gives `adopt` the port.
 * Any other first message is left alone. The listener is removed after the first message, so the worker's own
 * messages (even tagged ones the page posts later) reach its code as they would without the hook. Never throws
 * into the dispatch.
 */
export function adoptWorkerPort(scope: EventTarget, b: Builtins, adopt: (port: MessagePort) => void): void {
  const listener = (event: Event): void => {
    try {
      b.unlisten(scope, 'message', listener, true);
      const message = event as MessageEvent;
      if (!isPortOffer(b.data(message))) return;
      const ports = b.ports(message);
      if (ports.length !== 1) return;
      b.stopImmediately(message);
      adopt(ports[0] as MessagePort);
    } catch {
      // Nothing the hook does may throw into the worker's event dispatch.
    }
  };
  b.listen(scope, 'message', listener, true);
}
