/** The page hook's filter: which exchanges it reads and forwards, and what it keeps until it knows. */
import type { Observation } from '../../core/capture/observation.js';
import { parseDomains, urlOnDomains, type Domain } from '../../shared/domains.js';

/** What the fetch and XHR wrappers hand their exchanges to. */
export interface HookSink {
  /** Whether an exchange with this URL is worth reading (before the domains are known: yes). */
  wants(url: string): boolean;
  /** Takes one exchange; forwards it when its URL is on a configured domain. */
  offer(observation: Observation): void;
}

/** A sink that learns the configured domains from the relay. */
export interface Forwarder extends HookSink {
  /** Sets the domains (user entries, parsed here) and forwards what was kept and is on them. */
  configure(domains: readonly string[]): void;
}

/** Exchanges kept, at most, while the domains are not known yet (the oldest are dropped first). */
export const MAX_BUFFERED = 100;

/**
 * A forwarder that posts through `post`. Until `configure` is called it keeps up to `max` exchanges; afterwards
 * it posts only exchanges whose URL is on the domains (none when the list is empty) and `wants` says no to the
 * rest, so the wrappers do not even read them. A later `configure` replaces the domains. Does not throw from
 * `post` failures (they are the caller's).
 */
export function createForwarder(post: (observation: Observation) => void, max = MAX_BUFFERED): Forwarder {
  let domains: Domain[] | undefined;
  const buffered: Observation[] = [];
  const forward = (observation: Observation): void => {
    if (domains && urlOnDomains(observation.url, domains)) post(observation);
  };
  return {
    wants: (url) => domains === undefined || urlOnDomains(url, domains),
    offer(observation) {
      if (domains) {
        forward(observation);
        return;
      }
      if (buffered.length >= max) buffered.shift();
      buffered.push(observation);
    },
    configure(entries) {
      domains = parseDomains(entries);
      for (const observation of buffered.splice(0)) forward(observation);
    },
  };
}
