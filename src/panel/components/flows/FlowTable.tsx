import { useLayoutEffect, useRef } from 'preact/hooks';
import type { FlowRow } from '../../model/flow-rows.js';
import '../../styles/flows.css';
import { useVirtualWindow } from '../VirtualList.js';
import { FlowRowView } from './FlowRowView.js';

/** Height of a flow row and of the header row in pixels (flows.css keeps them at this height). */
export const FLOW_ROW_HEIGHT = 22;
/** Above this many rows the table body is virtualised. */
export const VIRTUALISE_ABOVE = 200;
/** Height of the virtualised table's scroll box in pixels. */
export const FLOW_TABLE_HEIGHT = 12 * FLOW_ROW_HEIGHT;

/** Props of {@link FlowTable}. */
export interface FlowTableProps {
  rows: readonly FlowRow[];
  /** Id of the selected flow, if any. */
  selected: string | undefined;
  onSelect(id: string): void;
}

const COLUMNS = ['Issuer · profile', 'Client', 'Subject', 'Started', 'State', 'Findings'];

/** The index a key moves to from `at` (-1: none selected), or undefined for keys the table does not handle. */
function target(key: string, at: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return at < 0 ? 0 : Math.min(count - 1, at + 1);
    case 'ArrowUp':
      return at < 0 ? count - 1 : Math.max(0, at - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * The login flows as a compact table (a `grid`): click a row or use the arrow keys, Home, End and Enter to select
 * one; focus follows the selection. Above {@link VIRTUALISE_ABOVE} rows only the rows in view are rendered, in a
 * scroll box of fixed height. Does not sort or filter the rows, and does not show the selected flow.
 */
export function FlowTable({ rows, selected, onSelect }: FlowTableProps) {
  const virtual = rows.length > VIRTUALISE_ABOVE;
  const win = useVirtualWindow<HTMLDivElement>({
    count: rows.length,
    rowHeight: FLOW_ROW_HEIGHT,
    height: FLOW_TABLE_HEIGHT,
    offset: FLOW_ROW_HEIGHT,
  });
  const focusNext = useRef<string | undefined>(undefined);
  const body = useRef<HTMLTableSectionElement>(null);
  const start = virtual ? win.start : 0;
  const end = virtual ? win.end : rows.length;
  const selectedAt = selected === undefined ? -1 : rows.findIndex((r) => r.id === selected);

  useLayoutEffect(() => {
    const want = focusNext.current;
    focusNext.current = undefined;
    if (want === undefined || want !== selected) return;
    const trs = body.current?.querySelectorAll<HTMLElement>('tr[data-flow-id]') ?? [];
    for (const tr of trs) if (tr.getAttribute('data-flow-id') === selected) tr.focus();
  });

  const onKeyDown = (e: KeyboardEvent) => {
    // While a move waits for its render (a held-down arrow key repeats faster), go on from where it goes.
    const tr = (e.target as Element | null)?.closest?.('tr[data-flow-id]');
    const fromId = focusNext.current ?? tr?.getAttribute('data-flow-id') ?? selected;
    const from = rows.findIndex((r) => r.id === fromId);
    if (e.key === 'Enter' || e.key === ' ') {
      const row = rows[from];
      if (!row) return;
      e.preventDefault();
      onSelect(row.id);
      return;
    }
    const to = target(e.key, from, rows.length);
    const row = to === undefined ? undefined : rows[to];
    if (to === undefined || !row) return;
    e.preventDefault();
    focusNext.current = row.id;
    if (virtual) win.scrollToIndex(to);
    onSelect(row.id);
  };

  const shownSelected = selectedAt >= start && selectedAt < end;
  const trs = [];
  for (let i = start; i < end; i += 1) {
    const row = rows[i] as FlowRow;
    trs.push(<FlowRowView key={row.id} row={row} position={i} selected={i === selectedAt} tabbable={shownSelected ? i === selectedAt : i === start} onSelect={onSelect} />);
  }
  const spacer = (rowsHidden: number, key: string) =>
    rowsHidden > 0 && (
      <tr key={key} class="spacer" aria-hidden="true" style={{ height: `${rowsHidden * FLOW_ROW_HEIGHT}px` }}>
        <td colSpan={COLUMNS.length} />
      </tr>
    );
  const table = (
    <table class="flow-table" role="grid" aria-label="Login flows" aria-rowcount={rows.length + 1} data-testid="flow-table" data-virtual={String(virtual)}>
      <thead>
        <tr aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={onKeyDown}>
        {spacer(start, 'before')}
        {trs}
        {spacer(rows.length - end, 'after')}
      </tbody>
    </table>
  );
  if (!virtual) return <div class="flow-table-box">{table}</div>;
  return (
    <div class="flow-table-box virtual" ref={win.ref} onScroll={win.onScroll} style={{ height: `${FLOW_TABLE_HEIGHT}px` }}>
      {table}
    </div>
  );
}
