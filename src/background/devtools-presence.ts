/**
 * Which tabs have DevTools open on them, and the address their devtools page reported: the devtools capture
 * source runs there, for every host, and the worker may not be allowed to read the tab's address itself.
 */

/** What {@link DevtoolsPresence} keys an open DevTools by: its port. */
export type PresenceKey = object;

/** The open DevTools, by tab. */
export interface DevtoolsPresence {
  /** A devtools page on `port` inspects `tabId`, now at `url` (undefined: an address it can't tell, or not http). */
  inspected(port: PresenceKey, tabId: number, url: string | undefined): void;
  /** A devtools page on `port` sent captures of `tabId`: it inspects that tab (the address stays as reported). */
  active(port: PresenceKey, tabId: number): void;
  /** The devtools page's port closed (DevTools closed, or the page went away). */
  closed(port: PresenceKey): void;
  /** Whether DevTools is open on the tab. */
  isOpen(tabId: number): boolean;
  /** The tab's address as its devtools page last reported it, while DevTools is open there. */
  urlOf(tabId: number): string | undefined;
}

/**
 * An empty registry; `onChange` is called with the tab id after each change. Keeps nothing beyond the ports'
 * lives (memory only: after a worker restart the devtools pages say it again on their new ports).
 */
export function createDevtoolsPresence(onChange: (tabId: number) => void = () => undefined): DevtoolsPresence {
  const byPort = new Map<PresenceKey, { tabId: number; url?: string }>();
  const entriesOf = (tabId: number) => [...byPort.values()].filter((e) => e.tabId === tabId);
  const set = (port: PresenceKey, next: { tabId: number; url?: string }): void => {
    const before = byPort.get(port);
    byPort.set(port, next);
    if (before !== undefined && before.tabId !== next.tabId) onChange(before.tabId);
    if (before?.tabId !== next.tabId || before.url !== next.url) onChange(next.tabId);
  };
  return {
    inspected: (port, tabId, url) => set(port, url === undefined ? { tabId } : { tabId, url }),
    active(port, tabId) {
      const before = byPort.get(port);
      set(port, before?.tabId === tabId ? before : { tabId });
    },
    closed(port) {
      const before = byPort.get(port);
      if (!before) return;
      byPort.delete(port);
      onChange(before.tabId);
    },
    isOpen: (tabId) => entriesOf(tabId).length > 0,
    urlOf: (tabId) => entriesOf(tabId).map((e) => e.url).filter((u): u is string => u !== undefined).at(-1),
  };
}
