// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { FLOW_ROW_HEIGHT, FLOW_TABLE_HEIGHT, FlowTable, VIRTUALISE_ABOVE } from '../../../../src/panel/components/flows/FlowTable.js';
import { DEFAULT_OVERSCAN, visibleRange } from '../../../../src/panel/components/VirtualList.js';
import { flowRows, sessionEndsAt, type FlowRow } from '../../../../src/panel/model/flow-rows.js';
import { HOSTILE, harExchanges, hostileLogin, indexed } from './fixtures.js';

afterEach(cleanup);

/** The values of data-* attributes (getAttribute: happy-dom's dataset leaves out empty values). */
const data = (el: Element | null | undefined, ...names: string[]) => names.map((n) => el?.getAttribute(`data-${n}`) ?? null);

function mount(rows: readonly FlowRow[], initial?: string) {
  const selections: string[] = [];
  function Stateful() {
    const [selected, setSelected] = useState(initial);
    return h(FlowTable, {
      rows,
      selected,
      onSelect: (id: string) => {
        selections.push(id);
        setSelected(id);
      },
    });
  }
  const view = render(h(Stateful, {}));
  const $$ = (selector: string) => [...view.container.querySelectorAll<HTMLElement>(selector)];
  const tr = (id: string) => view.container.querySelector<HTMLElement>(`tr[data-flow-id="${id}"]`);
  const selectedIds = () => $$('tr[data-testid="flow"][aria-selected="true"]').map((r) => r.dataset['flowId']);
  return { view, $$, tr, selections, selectedIds };
}

/** The real rows of several fixture HARs together (ids made unique per file). */
async function mixedRows(now: number): Promise<FlowRow[]> {
  const rows: FlowRow[] = [];
  for (const name of ['sample-login.har', 'edge-cases.har', 'seed-defects.har']) {
    const index = await indexed(harExchanges(name));
    rows.push(...flowRows(index, now).map((r) => ({ ...r, id: `${name}:${r.id}` })));
  }
  return rows;
}

/** `n` rows made from one real row with fresh ids. */
function manyRows(row: FlowRow, n: number): FlowRow[] {
  return Array.from({ length: n }, (_, i) => ({ ...row, id: `f${i}`, subject: `user-${i}` }));
}

describe('FlowTable', async () => {
  const now = 1_700_000_000;
  const rows = await mixedRows(now);

  it('renders one row per flow with the contract attributes, and a header row', () => {
    const { $$ } = mount(rows);
    const trs = $$('tr[data-testid="flow"]');
    expect(trs.map((t) => data(t, 'flow-id', 'issuer', 'subject', 'type', 'server-side', 'state', 'profile', 'client', 'errors', 'warnings'))).toEqual(
      rows.map((r) => [r.id, r.issuer, r.subject, r.type, String(r.serverSide), r.state, r.profile, r.client, String(r.errors), String(r.warnings)]),
    );
    expect($$('th[scope="col"]').map((th) => th.textContent)).toEqual(['Issuer · profile', 'Client', 'Subject', 'Started', 'State', 'Findings']);
    expect($$('table[role="grid"]')).toHaveLength(1);
    expect(trs.every((t) => t.getAttribute('aria-selected') === 'false')).toBe(true);
    expect($$('[data-testid="flow-table"]')[0]?.getAttribute('data-virtual')).toBe('false');
  });

  it('shows issuer, profile name, subject, start time, state and badges as text', () => {
    const { tr } = mount(rows);
    const row = rows.find((r) => r.subMismatch)!;
    const el = tr(row.id)!;
    expect(el.textContent).toContain(row.issuer);
    expect(el.textContent).toContain(row.profileName);
    expect(el.textContent).toContain(row.subject);
    expect(el.textContent).toContain(new Date(row.startedAt).toLocaleString());
    expect(el.textContent).toContain(row.state);
    expect(el.textContent).toMatch(/sub ≠/);
    expect(el.querySelector('.counts .badge-error')?.textContent).toBe(String(row.errors));
    expect(el.querySelector('time')?.getAttribute('datetime')).toBe(new Date(row.startedAt).toISOString());
  });

  it('selects a row on click', () => {
    const { tr, selections, selectedIds } = mount(rows);
    fireEvent.click(tr(rows[2]!.id)!);
    expect(selections).toEqual([rows[2]!.id]);
    expect(selectedIds()).toEqual([rows[2]!.id]);
  });

  it('moves the selection and the focus with the arrow keys, Home and End; Enter selects the focused row', () => {
    const { tr, selections, selectedIds } = mount(rows, rows[0]!.id);
    expect(tr(rows[0]!.id)!.tabIndex).toBe(0);
    expect(tr(rows[1]!.id)!.tabIndex).toBe(-1);
    fireEvent.keyDown(tr(rows[0]!.id)!, { key: 'ArrowDown' });
    fireEvent.keyDown(tr(rows[1]!.id)!, { key: 'ArrowDown' });
    expect(selectedIds()).toEqual([rows[2]!.id]);
    expect(document.activeElement).toBe(tr(rows[2]!.id));
    fireEvent.keyDown(tr(rows[2]!.id)!, { key: 'ArrowUp' });
    expect(selectedIds()).toEqual([rows[1]!.id]);
    fireEvent.keyDown(tr(rows[1]!.id)!, { key: 'End' });
    expect(selectedIds()).toEqual([rows.at(-1)!.id]);
    fireEvent.keyDown(tr(rows.at(-1)!.id)!, { key: 'ArrowDown' });
    expect(selectedIds()).toEqual([rows.at(-1)!.id]);
    fireEvent.keyDown(tr(rows.at(-1)!.id)!, { key: 'Home' });
    expect(selectedIds()).toEqual([rows[0]!.id]);
    expect(document.activeElement).toBe(tr(rows[0]!.id));
    // A row focused by other means (a click on a cell's text, a screen reader) is selected with Enter.
    fireEvent.keyDown(tr(rows[3]!.id)!, { key: 'Enter' });
    expect(selectedIds()).toEqual([rows[3]!.id]);
    expect(selections).toEqual([rows[1]!.id, rows[2]!.id, rows[1]!.id, rows.at(-1)!.id, rows.at(-1)!.id, rows[0]!.id, rows[3]!.id]);
  });

  it('counts every repeat of a held-down arrow key, also before the table re-renders', () => {
    const { tr, selectedIds } = mount(rows, rows[0]!.id);
    const first = tr(rows[0]!.id)!;
    act(() => {
      for (let i = 0; i < 3; i += 1) first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    expect(selectedIds()).toEqual([rows[3]!.id]);
    expect(document.activeElement).toBe(tr(rows[3]!.id));
  });

  it('ignores other keys', () => {
    const { tr, selections } = mount(rows, rows[0]!.id);
    fireEvent.keyDown(tr(rows[0]!.id)!, { key: 'a' });
    fireEvent.keyDown(tr(rows[0]!.id)!, { key: 'ArrowRight' });
    expect(selections).toEqual([]);
  });

  it('shows each row\'s state at the now it was computed for', async () => {
    const index = await indexed(harExchanges('sample-login.har'));
    const endsAt = sessionEndsAt(index.timelineOf.get(index.result.flows[0]!.id))!;
    const { view, $$ } = mount(flowRows(index, endsAt - 1));
    expect($$('tr[data-testid="flow"]').map((t) => t.getAttribute('data-state'))).toEqual(['refreshed']);
    view.rerender(h(FlowTable, { rows: flowRows(index, endsAt), selected: undefined, onSelect: () => undefined }));
    expect($$('tr[data-testid="flow"]').map((t) => t.getAttribute('data-state'))).toEqual(['expired']);
  });

  it('renders hostile subjects as text: no element, no link', async () => {
    const index = await indexed(hostileLogin(now), now);
    const { view, $$ } = mount(flowRows(index, now));
    expect($$('tr[data-testid="flow"]').map((t) => t.getAttribute('data-subject'))).toEqual([HOSTILE.url]);
    expect(view.container.textContent).toContain(HOSTILE.url);
    expect(view.container.querySelectorAll('img, a, script, [href], [src]')).toHaveLength(0);
  });
});

describe('FlowTable with 3,000 flows', async () => {
  const index = await indexed(harExchanges('sample-login.har'));
  const rows = manyRows(flowRows(index, 1_700_000_000)[0]!, 3000);
  const expected = (scrollTop: number) => visibleRange(scrollTop - FLOW_ROW_HEIGHT, FLOW_TABLE_HEIGHT, FLOW_ROW_HEIGHT, rows.length, DEFAULT_OVERSCAN);
  const ids = (r: { start: number; end: number }) => rows.slice(r.start, r.end).map((x) => x.id);

  it('virtualises: only the rows in view plus overscan are in the DOM, spacers keep the height', () => {
    expect(rows.length).toBeGreaterThan(VIRTUALISE_ABOVE);
    const { $$ } = mount(rows);
    const shown = $$('tr[data-testid="flow"]');
    expect(shown.map((t) => t.dataset['flowId'])).toEqual(ids(expected(0)));
    expect(shown.length).toBeLessThan(40);
    expect($$('[data-testid="flow-table"]')[0]?.getAttribute('aria-rowcount')).toBe('3001');
    expect(shown.map((t) => t.getAttribute('aria-rowindex'))).toEqual(shown.map((_, i) => String(i + 2)));
    const after = $$('tr.spacer')[0]!;
    expect(after.style.height).toBe(`${(rows.length - expected(0).end) * FLOW_ROW_HEIGHT}px`);
  });

  it('renders the rows at the new scroll position', () => {
    const { view, $$ } = mount(rows);
    const box = view.container.querySelector<HTMLElement>('.flow-table-box')!;
    box.scrollTop = 1000 * FLOW_ROW_HEIGHT;
    fireEvent.scroll(box);
    const shown = $$('tr[data-testid="flow"]').map((t) => t.dataset['flowId']);
    expect(shown).toEqual(ids(expected(1000 * FLOW_ROW_HEIGHT)));
    expect(shown).toContain('f1000');
    expect(shown).not.toContain('f0');
    expect($$('tr.spacer').map((s) => s.style.height)).toEqual([
      `${expected(1000 * FLOW_ROW_HEIGHT).start * FLOW_ROW_HEIGHT}px`,
      `${(rows.length - expected(1000 * FLOW_ROW_HEIGHT).end) * FLOW_ROW_HEIGHT}px`,
    ]);
  });

  it('scrolls the selection into view when the keys move it out of the window', () => {
    const { view, tr, selectedIds } = mount(rows, 'f0');
    const box = view.container.querySelector<HTMLElement>('.flow-table-box')!;
    fireEvent.keyDown(tr('f0')!, { key: 'End' });
    expect(selectedIds()).toEqual(['f2999']);
    expect(document.activeElement).toBe(tr('f2999'));
    expect(box.scrollTop).toBe(FLOW_ROW_HEIGHT + 3000 * FLOW_ROW_HEIGHT - FLOW_TABLE_HEIGHT);
    fireEvent.keyDown(tr('f2999')!, { key: 'Home' });
    expect(box.scrollTop).toBe(0);
    expect(document.activeElement).toBe(tr('f0'));
    const perView = Math.floor((FLOW_TABLE_HEIGHT - FLOW_ROW_HEIGHT) / FLOW_ROW_HEIGHT);
    for (let i = 0; i < perView + 3; i += 1) fireEvent.keyDown(tr(`f${i}`)!, { key: 'ArrowDown' });
    expect(selectedIds()).toEqual([`f${perView + 3}`]);
    expect(box.scrollTop).toBe(FLOW_ROW_HEIGHT + (perView + 4) * FLOW_ROW_HEIGHT - FLOW_TABLE_HEIGHT);
  });

  it('keeps one row reachable with Tab when the selection is scrolled away', () => {
    const { view, $$ } = mount(rows, 'f0');
    const box = view.container.querySelector<HTMLElement>('.flow-table-box')!;
    box.scrollTop = 2000 * FLOW_ROW_HEIGHT;
    fireEvent.scroll(box);
    expect($$('tr[data-testid="flow"]').filter((t) => t.tabIndex === 0)).toHaveLength(1);
  });
});
