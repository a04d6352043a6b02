/**
 * The relay's end of the private channel to the page hook.
 *
 * Why the configured domains never cross it (nor reach the relay, issue 10 §3): the hook runs in the page's own
 * JavaScript world, so whatever it holds a page could read sooner or later. A page cannot reach a listener registered before its scripts, but
 * HTML reuses the window of a frame's or popup's initial about:blank document for a same-origin document, with
 * the listeners and the patched prototypes a same-origin parent or opener gave it beforehand (seen in
 * Chromium); such a page can be first to receive the port, or read what the hook reads. So the relay tells the
 * hook only whether to capture at all; the hook sends every exchange it sees (readable bodies up to 512 KB),
 * the relay passes them on, and the extension's worker keeps only those on configured domains (the relay runs in
 * the page's process, so it is not told the domains either).
 */
import { HOOK_TAG, isHello, isObservationMessage, type ConfigMessage, type PortOffer } from '../hook-protocol.js';

/** Port offers made at most per page: the first one, and one answer to the hook's hello (see hook/relay-link.ts). */
export const MAX_PORT_OFFERS = 2;

/** The relay's ports to its hook. */
export interface HookPorts {
  /** Tells the hook, over every port offered (and any offered later), whether to capture. */
  configure(capture: boolean): void;
}

/**
 * Offers the hook a private MessagePort at once (a {@link PortOffer} posted on `win` with the port transferred)
 * and again when a {@link Hello} from `win` itself arrives, up to `max` offers in all; a page that posts hellos
 * gains nothing, as the hook stops every offer before page listeners run. Hands `onObservation` the
 * `observation` of each well-formed observation message arriving on any offered port, unchecked (the caller
 * sanitises and filters). Does not read anything else from the page.
 */
export function offerHookPorts(win: Window, onObservation: (observation: unknown) => void, max = MAX_PORT_OFFERS): HookPorts {
  // Our own window: an opaque origin ("null") cannot be named as a target, and there is no other document to miss.
  const target = win.location.origin === 'null' ? '*' : win.location.origin;
  const ports: MessagePort[] = [];
  let capture: boolean | undefined;
  let offers = 0;
  const config = (on: boolean): ConfigMessage => ({ kind: 'config', capture: on });

  const offer = (): void => {
    if (offers >= max) return;
    offers += 1;
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = (event: MessageEvent) => {
      const data: unknown = event.data;
      if (isObservationMessage(data)) onObservation(data.observation);
    };
    const message: PortOffer = { tag: HOOK_TAG, kind: 'port' };
    try {
      win.postMessage(message, target, [port2]);
    } catch {
      port1.close();
      return;
    }
    ports.push(port1);
    if (capture !== undefined) port1.postMessage(config(capture));
  };

  win.addEventListener('message', (event) => {
    if (event.source === win && isHello(event.data)) offer();
  });
  offer();
  return {
    configure(on) {
      capture = on;
      for (const port of ports) port.postMessage(config(on));
    },
  };
}
