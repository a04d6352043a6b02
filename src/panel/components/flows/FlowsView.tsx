import { useMemo } from 'preact/hooks';
import type { Artifact } from '../../../core/model.js';
import { isEmpty, passes } from '../../model/filters.js';
import { flowRows } from '../../model/flow-rows.js';
import type { Workspace } from '../../workspace/workspace.js';
import { FlowDetail, UnlinkedDetail } from './FlowDetail.js';
import { FlowTable } from './FlowTable.js';

/** Props of {@link FlowsView}. */
export interface FlowsViewProps {
  workspace: Workspace;
  now: number;
  copy(text: string): Promise<void>;
}

/** Id the workspace uses for "the artifacts in no flow" in place of a flow id. */
export const UNLINKED = '';

/**
 * The login flows that pass the filters, and the selected one in detail (the latest one until the user picks
 * another). Artifacts in no flow (discovery, JWKS, tokens pasted on their own) get an entry of their own.
 */
export function FlowsView({ workspace, now, copy }: FlowsViewProps) {
  const dataset = workspace.dataset.value;
  const { index } = dataset;
  const filters = workspace.filters.value;
  const rows = useMemo(() => (index ? flowRows(index, now) : []), [index, now]);
  if (!index) {
    return <p class="muted">{dataset.exchanges.length > 0 ? 'Analysing…' : 'No login flow yet.'}</p>;
  }
  const fi = isEmpty(filters) ? undefined : dataset.filters;
  const shownRows = fi === undefined ? rows : rows.filter((r) => passes(fi.flows.get(r.id), filters));
  const unlinked = fi === undefined ? index.unlinked : index.unlinked.filter((a) => passes(fi.artifacts.get(a.id), filters));
  const chosen = workspace.selectedFlow.value;
  const selected =
    chosen !== undefined && (chosen === UNLINKED ? unlinked.length > 0 : shownRows.some((r) => r.id === chosen))
      ? chosen
      : // Artifacts in no flow are shown unasked only when there is no flow at all (a pasted token).
        (shownRows.at(-1)?.id ?? (rows.length === 0 && unlinked.length > 0 ? UNLINKED : undefined));
  const row = shownRows.find((r) => r.id === selected);
  const kindFilter = (a: Artifact) => filters.kind === '' || a.kind === filters.kind;
  return (
    <section class="flows-view" aria-label="Flows">
      {shownRows.length > 0 ? (
        <FlowTable rows={shownRows} selected={selected} onSelect={(id) => (workspace.selectedFlow.value = id)} />
      ) : (
        <p class="muted">{rows.length === 0 ? 'No login flow found.' : 'No flow passes the filters.'}</p>
      )}
      {unlinked.length > 0 && (
        <button
          type="button"
          class={`unlinked-entry${selected === UNLINKED ? ' selected' : ''}`}
          data-testid="unlinked"
          aria-pressed={selected === UNLINKED}
          onClick={() => (workspace.selectedFlow.value = UNLINKED)}
        >
          {unlinked.length} {unlinked.length === 1 ? 'artifact' : 'artifacts'} in no flow
        </button>
      )}
      {row && <FlowDetail row={row} index={index} now={now} copy={copy} show={kindFilter} workspace={workspace} />}
      {selected === UNLINKED && <UnlinkedDetail artifacts={unlinked.filter(kindFilter)} index={index} now={now} copy={copy} />}
    </section>
  );
}
