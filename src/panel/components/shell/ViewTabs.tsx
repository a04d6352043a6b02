import type { Signal } from '@preact/signals';
import { VIEWS, type View } from '../../workspace/workspace.js';

const LABELS: Record<View, string> = { flows: 'Flows', requests: 'Requests', findings: 'Findings', compare: 'Compare', paste: 'Paste' };

/** The view switcher: a tab list whose counts say what each view holds (counts absent for Compare and Paste). */
export function ViewTabs({ view, counts }: { view: Signal<View>; counts: Partial<Record<View, number>> }) {
  return (
    <nav class="view-tabs" role="tablist" aria-label="Views">
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          data-testid={`view-${v}`}
          aria-selected={view.value === v}
          class={view.value === v ? 'selected' : ''}
          onClick={() => (view.value = v)}
        >
          {LABELS[v]}
          {counts[v] !== undefined && <span class="count"> {counts[v]}</span>}
        </button>
      ))}
    </nav>
  );
}
