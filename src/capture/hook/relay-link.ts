/** The page hook's end of its private channel to the relay. */
import { HOOK_TAG, isConfigMessage, type Hello, type ObservationMessage } from '../hook-protocol.js';
import { adoptWindowPort } from './adopt-port.js';
import type { Builtins } from './builtins.js';

/** The link: observations go to the relay once a port is adopted. */
export interface RelayLink {
  /** Posts over the adopted port; drops the message while there is none. Never throws. */
  send(message: ObservationMessage): void;
}

/**
 * Connects the page hook to its relay: adopts the relay's port offer on `win` (see {@link adoptWindowPort}),
 * then posts a {@link Hello} on the window with `postToWindow` (the window's own postMessage, taken at install),
 * so that a relay whose first offer was dispatched before this listener existed offers again. Whichever of the
 * two content scripts the browser runs first, the other one's message is dispatched later, as a task, by which
 * time both have registered their listeners: the relay's offer reaches the hook, or the hook's hello reaches the
 * relay. `onConfig` gets the relay's config messages from the adopted port. Does not buffer: the forwarder holds
 * observations until the config arrives, and the config arrives over the port.
 */
export function linkToRelay(
  win: Window,
  b: Builtins,
  postToWindow: (message: Hello) => void,
  onConfig: (capture: boolean) => void,
): RelayLink {
  let port: MessagePort | undefined;
  adoptWindowPort(win, b, (adopted) => {
    port = adopted;
    b.listen(adopted, 'message', (event) => {
      try {
        const data = b.data(event as MessageEvent);
        if (isConfigMessage(data)) onConfig(data.capture);
      } catch {
        // A malformed message: ignored.
      }
    }, false);
    b.start(adopted);
  });
  try {
    postToWindow({ tag: HOOK_TAG, kind: 'hello' });
  } catch {
    // An opaque origin or a closing window: the relay's own offer is the only way in.
  }
  return {
    send(message) {
      if (!port) return;
      try {
        b.post(port, message);
      } catch {
        // An observation that cannot be cloned, or a closed port: dropped.
      }
    },
  };
}
