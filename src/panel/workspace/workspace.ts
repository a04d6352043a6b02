/**
 * The panel's state as signals: which dataset is shown (the live tab or an offline analysis), the current view,
 * the filters, and what is selected. Components read and write these; nothing here touches the DOM.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { TabState } from '../../shared/protocol.js';
import { NO_FILTERS, type Filters } from '../model/filters.js';
import { liveDataset, type Dataset } from './dataset.js';

/** The panel's views, in tab order. */
export const VIEWS = ['flows', 'requests', 'findings', 'compare', 'paste'] as const;
export type View = (typeof VIEWS)[number];

/** Two artifact ids side by side in the Compare view. */
export interface ComparePair {
  left?: string;
  right?: string;
}

/** See the module comment. */
export interface Workspace {
  tabId: number | undefined;
  live: ReadonlySignal<Dataset>;
  offline: Signal<Dataset | undefined>;
  /** The offline dataset when one is loaded and chosen, else the live one. */
  dataset: ReadonlySignal<Dataset>;
  showOffline: Signal<boolean>;
  view: Signal<View>;
  filters: Signal<Filters>;
  selectedFlow: Signal<string | undefined>;
  /** A request opened in the Requests view. */
  selectedExchange: Signal<string | undefined>;
  compare: Signal<ComparePair>;
  /** Shows an offline dataset and switches to it (and to the Flows view). */
  openOffline(dataset: Dataset): void;
  /**
   * Shows the live tab or the loaded offline dataset. Clears the selection when the shown dataset changes: flow,
   * artifact and exchange ids (`f1`, `a3`) are per analysis, so the same id names something else in the other one.
   */
  show(origin: Dataset['origin']): void;
  /** Drops the offline dataset and returns to the live tab. */
  closeOffline(): void;
}

/** Creates the workspace over a tab's live state signal (absent when the panel has no tab). */
export function createWorkspace(tabId: number | undefined, state: ReadonlySignal<TabState | undefined> | undefined): Workspace {
  const live = computed(() => liveDataset(tabId, state?.value));
  const offline = signal<Dataset | undefined>(undefined);
  const showOffline = signal(false);
  const dataset = computed(() => (showOffline.value && offline.value ? offline.value : live.value));
  const view = signal<View>('flows');
  const filters = signal<Filters>(NO_FILTERS);
  const selectedFlow = signal<string | undefined>(undefined);
  const selectedExchange = signal<string | undefined>(undefined);
  const compare = signal<ComparePair>({});
  const resetSelection = () => {
    selectedFlow.value = undefined;
    selectedExchange.value = undefined;
    compare.value = {};
  };
  return {
    tabId,
    live,
    offline,
    dataset,
    showOffline,
    view,
    filters,
    selectedFlow,
    selectedExchange,
    compare,
    openOffline(next) {
      offline.value = next;
      showOffline.value = true;
      resetSelection();
      view.value = 'flows';
    },
    show(origin) {
      const next = origin === 'offline' && offline.value !== undefined;
      if (next === showOffline.value) return;
      showOffline.value = next;
      resetSelection();
    },
    closeOffline() {
      offline.value = undefined;
      showOffline.value = false;
      resetSelection();
    },
  };
}
