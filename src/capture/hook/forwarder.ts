/** The page hook's gate: whether it reads exchanges at all, and what it keeps until it knows. */
import type { Observation } from '../../core/capture/observation.js';

/** What the fetch and XHR wrappers hand their exchanges to. */
export interface HookSink {
  /** Whether an exchange with this URL is worth reading. */
  wants(url: string): boolean;
  /** Takes one exchange. */
  offer(observation: Observation): void;
}

/** A sink that learns from its relay whether to capture. */
export interface Forwarder extends HookSink {
  /** Switches capture on (forwarding what was kept) or off (dropping it, and reading nothing more). */
  configure(capture: boolean): void;
}

/** Exchanges kept, at most, while the configuration is not known yet (the oldest are dropped first). */
export const MAX_BUFFERED = 100;

/**
 * A forwarder that posts through `post`. Until `configure` is called it keeps up to `max` exchanges and wants
 * every URL; after `configure(true)` it posts every exchange at once, after `configure(false)` none, and `wants`
 * then says no, so the wrappers do not even read them. A later `configure` replaces the earlier one.
 *
 * It does not filter by domain: a hook never learns the configured domains (they would be readable by the page
 * whose world the hook runs in); the extension's worker filters. Does not catch what `post` throws.
 */
export function createForwarder(post: (observation: Observation) => void, max = MAX_BUFFERED): Forwarder {
  let capture: boolean | undefined;
  const buffered: Observation[] = [];
  return {
    wants: () => capture !== false,
    offer(observation) {
      if (capture !== undefined) {
        if (capture) post(observation);
        return;
      }
      if (buffered.length >= max) buffered.shift();
      buffered.push(observation);
    },
    configure(on) {
      capture = on;
      const waiting = buffered.splice(0);
      if (on) for (const observation of waiting) post(observation);
    },
  };
}
