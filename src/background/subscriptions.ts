/**
 * Which panels watch which tab, and the {@link TabState} pushes they get: one at once on subscribe, then after
 * every change of the tab (coalesced) and after every finished analysis.
 */
import type { CaptureHealth, PanelPush, TabState } from '../shared/protocol.js';
import type { TabAnalysis } from './analysis.js';
import { createCoalescer } from './coalesce.js';
import type { TabView } from './store.js';

/** Pushes to one tab's panels at most this often (the analysis has its own interval). */
export const PUSH_INTERVAL_MS = 50;

/** What a subscription needs of a port. */
export interface PushTarget {
  postMessage(message: unknown): void;
}

/**
 * The state a panel gets. The analysis is included only when it was computed from exactly these exchanges
 * (an older one would show flows of exchanges that are gone, or miss new ones); a panel may keep showing the
 * previous one until the next push. Pure.
 */
export function tabState(view: TabView, latest: TabAnalysis | undefined, health?: CaptureHealth): TabState {
  const state: TabState = {
    tabId: view.tabId,
    exchanges: view.exchanges,
    paused: view.paused,
    preserve: view.preserve,
    evicted: view.evicted,
    bytes: view.bytes,
  };
  if (view.unsaved > 0) state.unsaved = view.unsaved;
  if (health) state.health = health;
  if (latest && latest.version === view.version) {
    state.analysis = latest.analysis;
    state.analyzedAt = latest.analyzedAt;
  }
  return state;
}

/** What subscriptions need from the store and the analyzer. */
export interface SubscriptionDeps {
  view(tabId: number): Promise<TabView>;
  latest(tabId: number): TabAnalysis | undefined;
  /** Asks for an analysis of the tab (coalesced by the analyzer). */
  analyse(tabId: number): void;
  /** The last watcher of a tab left: its analysis may be dropped (it is computed again on the next subscribe). */
  unwatched?(tabId: number): void;
  /** What captures the tab now (its capture-health line); absent or undefined: the state goes without it. */
  health?(tabId: number, view: TabView): Promise<CaptureHealth | undefined>;
  intervalMs?: number;
  onError?(err: unknown): void;
}

/** The panels watching tabs. */
export interface Subscriptions {
  /** Adds `target` to the tab's watchers, sends it the state at once, and has the tab analysed if needed. */
  subscribe(target: PushTarget, tabId: number): Promise<void>;
  /** Removes `target` from every tab (its port disconnected). */
  unsubscribe(target: PushTarget): void;
  /** The tab's exchanges or flags changed: analyse (when watched) and push. */
  changed(tabId: number): void;
  /** An analysis of the tab finished: push. */
  analysed(tabId: number): void;
  watched(tabId: number): boolean;
  /** Something the state shows besides the exchanges changed (DevTools opened, access granted): push again. */
  refresh(tabId: number): void;
  /** {@link refresh} for every watched tab. */
  refreshAll(): void;
}

/** Subscriptions over `deps`. A target whose `postMessage` throws (a port gone) is dropped. Never pushes unwatched tabs. */
export function createSubscriptions(deps: SubscriptionDeps): Subscriptions {
  const watchers = new Map<number, Set<PushTarget>>();

  const send = (targets: Iterable<PushTarget>, message: PanelPush): void => {
    for (const target of [...targets]) {
      try {
        target.postMessage(message);
      } catch {
        unsubscribe(target);
      }
    }
  };

  const stateOf = async (tabId: number): Promise<{ state: TabState; current: boolean }> => {
    const view = await deps.view(tabId);
    const latest = deps.latest(tabId);
    const health = await deps.health?.(tabId, view).catch(() => undefined);
    return { state: tabState(view, latest, health), current: latest?.version === view.version };
  };

  const pushes = createCoalescer<number>(
    async (tabId) => {
      const targets = watchers.get(tabId);
      if (!targets || targets.size === 0) return;
      const { state } = await stateOf(tabId);
      send(watchers.get(tabId) ?? [], { type: 'state', state });
    },
    { intervalMs: deps.intervalMs ?? PUSH_INTERVAL_MS, onError: (_tabId, err) => deps.onError?.(err) },
  );

  function unsubscribe(target: PushTarget): void {
    for (const [tabId, targets] of watchers) {
      targets.delete(target);
      if (targets.size === 0) {
        watchers.delete(tabId);
        pushes.cancel(tabId);
        deps.unwatched?.(tabId);
      }
    }
  }

  return {
    async subscribe(target, tabId) {
      let targets = watchers.get(tabId);
      if (!targets) watchers.set(tabId, (targets = new Set()));
      targets.add(target);
      const { state, current } = await stateOf(tabId);
      if (!watchers.get(tabId)?.has(target)) return;
      send([target], { type: 'state', state });
      if (!current) deps.analyse(tabId);
    },
    unsubscribe,
    changed(tabId) {
      if (!watchers.has(tabId)) return;
      deps.analyse(tabId);
      pushes.trigger(tabId);
    },
    analysed(tabId) {
      if (watchers.has(tabId)) pushes.trigger(tabId);
    },
    watched: (tabId) => watchers.has(tabId),
    refresh(tabId) {
      if (watchers.has(tabId)) pushes.trigger(tabId);
    },
    refreshAll() {
      for (const tabId of watchers.keys()) pushes.trigger(tabId);
    },
  };
}
