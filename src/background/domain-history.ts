/**
 * When each configured domain was configured, kept in the session storage area next to the captures, so that a
 * capture is judged by what could be seen when it was made: a host the user configures after a login (the panel
 * offers it when that login's code exchange was not captured) must not turn "not captured" into "server-side".
 */
import type { StorageArea } from './store/storage-area.js';

/** The storage key: outside the capture store's `x:` and `t:` keys. */
export const DOMAIN_SINCE_KEY = 'c:domain-since';

/** When each configured domain was configured. */
export interface DomainHistory {
  /** Takes the configured domains now (after loading or changing the settings); resolves once written. */
  update(domains: readonly string[]): Promise<void>;
  /** Milliseconds since the epoch each configured domain was configured at (0: before this browser session's captures). */
  since(): Readonly<Record<string, number>>;
}

function readSince(value: unknown): Record<string, number> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, number> = {};
  for (const [domain, at] of Object.entries(value)) if (typeof at === 'number' && Number.isFinite(at)) out[domain] = at;
  return out;
}

/**
 * A history over `area` (the session storage area: it lives as long as the captures do). The first update of a
 * browser session (nothing stored yet) dates every domain 0, as it was configured before anything was captured;
 * later updates date new domains `now()` and forget removed ones. Updates run one after another. A failing
 * area leaves the history in memory only. Does not read the settings itself.
 */
export function createDomainHistory(area: Pick<StorageArea, 'get' | 'set'>, now: () => number = Date.now): DomainHistory {
  let since: Record<string, number> | undefined;
  let queue: Promise<void> = Promise.resolve();
  const load = async (): Promise<Record<string, number> | undefined> => {
    try {
      return readSince((await area.get(DOMAIN_SINCE_KEY))[DOMAIN_SINCE_KEY]);
    } catch {
      return undefined;
    }
  };
  return {
    update(domains) {
      const run = queue.then(async () => {
        const known = since ?? (await load());
        const next: Record<string, number> = {};
        for (const domain of domains) next[domain] = known ? (known[domain] ?? now()) : 0;
        since = next;
        await area.set({ [DOMAIN_SINCE_KEY]: next }).catch(() => undefined);
      });
      queue = run.catch(() => undefined);
      return run;
    },
    since: () => since ?? {},
  };
}
