/**
 * The messages between the page hook (the page's MAIN world), its relay (the extension's ISOLATED world) and the
 * worker-side hook (in a dedicated worker the page started).
 *
 * Two kinds travel where page scripts could see them, and neither carries data: the relay's {@link PortOffer}
 * on the window (one MessagePort in `ports`, which the hook takes and stops before any page listener runs, see
 * hook/adopt-port.ts) and the hook's {@link Hello} on the window (asking the relay for another offer, for when
 * the hook started after the first one was dispatched). The page hook also offers a port to each worker it
 * wraps, as that worker's first message. Everything else travels over those private ports:
 * {@link ObservationMessage}s towards the relay, a {@link ConfigMessage} from it, {@link ReadyMessage} from a
 * worker. The configured domains are never among them: they stay in the extension's worker, which filters (relay/hook-ports.ts
 * says why).
 */
import type { Observation } from '../core/capture/observation.js';

/** Marks this extension's window and worker messages among the page's own. */
export const HOOK_TAG = 'token-inspector:page-hook';

/** On the window (relay → hook) or as a worker's first message (page hook → worker): take the port in `ports[0]`. */
export interface PortOffer {
  tag: typeof HOOK_TAG;
  kind: 'port';
}

/** On the window, hook → relay: "offer me a port" (sent once, when the hook installs). */
export interface Hello {
  tag: typeof HOOK_TAG;
  kind: 'hello';
}

/** Over a private port, towards the relay: one exchange seen by a hook. */
export interface ObservationMessage {
  kind: 'observation';
  observation: Observation;
}

/** Over the relay's port, relay → hook: whether to capture at all (false: the extension has nothing configured or did not answer). */
export interface ConfigMessage {
  kind: 'config';
  capture: boolean;
}

/** Over a worker's port, worker → page hook: the worker-side hook took its port (the worker's scripts are loaded). */
export interface ReadyMessage {
  kind: 'ready';
}

function isObject(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null;
}

function tagged(data: unknown, kind: string): boolean {
  return isObject(data) && data.tag === HOOK_TAG && data.kind === kind;
}

/** Whether `data` is a port offer by shape (the port itself is in the event's `ports`, checked by the receiver). */
export function isPortOffer(data: unknown): data is PortOffer {
  return tagged(data, 'port');
}

/** Whether `data` is a hello. */
export function isHello(data: unknown): data is Hello {
  return tagged(data, 'hello');
}

/** Whether `data` is an observation message by shape (the observation is checked by the relay and the worker). */
export function isObservationMessage(data: unknown): data is ObservationMessage {
  return isObject(data) && data.kind === 'observation' && isObject(data.observation);
}

/** Whether `data` is a config message with a boolean `capture`. */
export function isConfigMessage(data: unknown): data is ConfigMessage {
  return isObject(data) && data.kind === 'config' && typeof data.capture === 'boolean';
}

/** Whether `data` is a worker's ready message. */
export function isReadyMessage(data: unknown): data is ReadyMessage {
  return isObject(data) && data.kind === 'ready';
}
