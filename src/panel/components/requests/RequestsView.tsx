import { useMemo } from 'preact/hooks';
import { filterExchanges, isEmpty } from '../../model/filters.js';
import type { Workspace } from '../../workspace/workspace.js';
import { VirtualList } from '../VirtualList.js';
import { RequestDetail } from './RequestDetail.js';
import { RequestRow } from './RequestRow.js';

/** Row height of the request list in pixels (one line; the CSS keeps rows at this height). */
export const REQUEST_ROW_HEIGHT = 22;

/**
 * Every captured or imported request that passes the filters, oldest first, in a virtualised list (only the
 * rows in view are in the DOM), and the selected request's detail.
 */
export function RequestsView({ workspace }: { workspace: Workspace }) {
  const dataset = workspace.dataset.value;
  const filters = workspace.filters.value;
  const shown = useMemo(() => (isEmpty(filters) || !dataset.filters ? dataset.exchanges : filterExchanges(dataset.exchanges, dataset.filters, filters)), [dataset, filters]);
  const selectedId = workspace.selectedExchange.value;
  const selected = selectedId === undefined ? undefined : dataset.index?.exchangeById.get(selectedId) ?? dataset.exchanges.find((e) => e.id === selectedId);
  const select = (id: string) => (workspace.selectedExchange.value = id);
  return (
    <section class="requests-view" aria-label="Requests" data-testid="requests" data-shown={String(shown.length)}>
      {dataset.exchanges.length === 0 ? (
        <p class="muted">No request captured yet.</p>
      ) : shown.length === 0 ? (
        <p class="muted">No request passes the filters.</p>
      ) : (
        <VirtualList items={shown} rowHeight={REQUEST_ROW_HEIGHT} keyOf={(e) => e.id} render={(e) => <RequestRow exchange={e} selected={e.id === selectedId} onSelect={select} />} />
      )}
      {selected && <RequestDetail exchange={selected} onClose={() => (workspace.selectedExchange.value = undefined)} />}
    </section>
  );
}
