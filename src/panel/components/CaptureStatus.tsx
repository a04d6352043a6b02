import type { CaptureSummary } from '../model/capture-summary.js';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Counts of what is shown: exchanges, flows, findings, evictions, unsaved, paused. */
export function CaptureStatus({ summary }: { summary: CaptureSummary }) {
  const { counts } = summary;
  return (
    <span
      class="capture-status"
      data-testid="capture-status"
      data-exchanges={String(summary.exchanges)}
      data-evicted={String(summary.evicted)}
      data-unsaved={String(summary.unsaved)}
      data-paused={String(summary.paused)}
      data-analyzed={String(summary.analyzed)}
    >
      {plural(summary.exchanges, 'exchange', 'exchanges')} · {plural(summary.flows, 'flow', 'flows')} ·{' '}
      <span class={counts.error > 0 ? 'count-error' : ''}>{plural(counts.error, 'error', 'errors')}</span>,{' '}
      <span class={counts.warning > 0 ? 'count-warning' : ''}>{plural(counts.warning, 'warning', 'warnings')}</span>, {counts.info} info
      {summary.evicted > 0 && ` · ${summary.evicted} evicted (oldest first, capture cap reached)`}
      {summary.unsaved > 0 && ` · ${summary.unsaved} not saved (browser storage refused them; lost if the worker stops)`}
      {summary.paused ? ' · paused' : ''}
      {!summary.analyzed && summary.exchanges > 0 ? ' · analysing…' : ''}
    </span>
  );
}
