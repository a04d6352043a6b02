import type { Signal } from '@preact/signals';
import type { ArtifactKind, Severity } from '../../../core/model.js';
import type { Filters } from '../../model/filters.js';

/** Props of {@link FilterBar}. */
export interface FilterBarProps {
  filters: Signal<Filters>;
  /** Hosts and artifact kinds present in the shown dataset. */
  hosts: readonly string[];
  kinds: readonly ArtifactKind[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * Text, artifact kind, host and minimum severity filters. Each change replaces the `filters` signal's value;
 * the views filter from precomputed facts, so a keystroke stays cheap. A filter value that no longer exists in
 * the dataset (a host after a clear) stays selectable so the user sees why nothing shows.
 */
export function FilterBar({ filters, hosts, kinds }: FilterBarProps) {
  const f = filters.value;
  const set = (patch: Partial<Filters>) => (filters.value = { ...filters.value, ...patch });
  const hostOptions = f.host !== '' && !hosts.includes(f.host) ? [f.host, ...hosts] : hosts;
  const kindOptions = f.kind !== '' && !kinds.includes(f.kind) ? [f.kind, ...kinds] : kinds;
  return (
    <div class="filter-bar" role="search">
      <input
        type="search"
        data-testid="filter-text"
        placeholder="Filter: issuer, subject, claim value, URL…"
        aria-label="Filter text"
        value={f.text}
        onInput={(e) => set({ text: e.currentTarget.value })}
      />
      <select data-testid="filter-kind" aria-label="Artifact kind" value={f.kind} onChange={(e) => set({ kind: e.currentTarget.value as ArtifactKind | '' })}>
        <option value="">All kinds</option>
        {kindOptions.map((k) => (
          <option key={k} value={k}>
            {k.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
      <select data-testid="filter-host" aria-label="Host" value={f.host} onChange={(e) => set({ host: e.currentTarget.value })}>
        <option value="">All hosts</option>
        {hostOptions.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
      <select data-testid="filter-severity" aria-label="Minimum severity" value={f.severity} onChange={(e) => set({ severity: e.currentTarget.value as Severity | '' })}>
        <option value="">Any severity</option>
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {s === 'info' ? 'info and worse' : s === 'warning' ? 'warnings and errors' : 'errors only'}
          </option>
        ))}
      </select>
    </div>
  );
}
