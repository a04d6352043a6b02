import type { PanelView } from '../store/view-model.js';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Counts of the tab's capture: exchanges, flows, findings, evictions, paused. */
export function CaptureStatus({ view }: { view: PanelView }) {
  const { counts } = view;
  return (
    <span
      class="capture-status"
      data-testid="capture-status"
      data-exchanges={String(view.exchanges)}
      data-evicted={String(view.evicted)}
      data-unsaved={String(view.unsaved)}
      data-paused={String(view.paused)}
      data-analyzed={String(view.analyzed)}
    >
      {plural(view.exchanges, 'exchange', 'exchanges')} · {plural(view.flows.length, 'flow', 'flows')} ·{' '}
      {plural(counts.error, 'error', 'errors')}, {plural(counts.warning, 'warning', 'warnings')}, {counts.info} info
      {view.evicted > 0 && ` · ${view.evicted} evicted (oldest first, capture cap reached)`}
      {view.unsaved > 0 && ` · ${view.unsaved} not saved (browser storage refused them; lost if the worker stops)`}
      {view.paused ? ' · paused' : ''}
      {!view.analyzed && view.exchanges > 0 ? ' · analysing…' : ''}
    </span>
  );
}
