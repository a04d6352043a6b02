// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_OVERSCAN, DEFAULT_VIEWPORT, VirtualList, visibleRange } from '../../../../src/panel/components/VirtualList.js';

afterEach(cleanup);

describe('visibleRange', () => {
  it.each([
    // scrollTop, viewport, rowHeight, count, overscan, [start, end]
    [0, 100, 20, 1000, 0, [0, 5]],
    [0, 100, 20, 1000, 3, [0, 8]],
    [200, 100, 20, 1000, 3, [7, 18]],
    [210, 100, 20, 1000, 0, [10, 16]],
    [19_900, 200, 20, 1000, 5, [990, 1000]],
    [50_000, 200, 20, 1000, 2, [997, 1000]],
    [-50, 100, 20, 1000, 0, [0, 5]],
    [0, 100, 20, 3, 8, [0, 3]],
    [0, 100, 20, 0, 8, [0, 0]],
    [0, 100, 0, 10, 8, [0, 0]],
  ] as const)('scrollTop %d, viewport %d, row %d, %d rows, overscan %d -> %j', (top, viewport, row, count, overscan, [start, end]) => {
    expect(visibleRange(top, viewport, row, count, overscan)).toEqual({ start, end });
  });
});

interface Item {
  id: string;
  n: number;
}

const items = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: `i${i}`, n: i }));

function mount(list: Item[], height?: number) {
  const view = render(
    h(VirtualList<Item>, {
      items: list,
      rowHeight: 20,
      height,
      keyOf: (item) => item.id,
      render: (item, index) => h('div', { 'data-testid': 'row', 'data-index': index, class: 'row' }, `row ${item.n}`),
      label: 'Things',
    }),
  );
  const box = view.container.querySelector<HTMLElement>('[data-testid="virtual-list"]')!;
  const rows = () => [...view.container.querySelectorAll<HTMLElement>('[data-testid="row"]')].map((r) => Number(r.dataset['index']));
  return { view, box, rows };
}

describe('VirtualList', () => {
  it('renders only the window of 10,000 rows, plus overscan', () => {
    const { box, rows } = mount(items(10_000), 200);
    const expected = visibleRange(0, 200, 20, 10_000, DEFAULT_OVERSCAN);
    expect(rows()).toEqual(Array.from({ length: expected.end - expected.start }, (_, i) => expected.start + i));
    expect(rows().length).toBeLessThan(40);
    expect(box.getAttribute('data-count')).toBe('10000');
    expect(box.style.height).toBe('200px');
    expect((box.firstElementChild as HTMLElement).style.height).toBe(`${10_000 * 20}px`);
    expect(box.getAttribute('aria-label')).toBe('Things');
  });

  it('follows scrolling: the rows in view at the new scroll position, offset to their place', () => {
    const { box, rows } = mount(items(10_000), 200);
    box.scrollTop = 4000;
    fireEvent.scroll(box);
    const expected = visibleRange(4000, 200, 20, 10_000, DEFAULT_OVERSCAN);
    expect(rows()).toEqual(Array.from({ length: expected.end - expected.start }, (_, i) => expected.start + i));
    expect(rows()).toContain(4000 / 20);
    expect([box.getAttribute('data-start'), box.getAttribute('data-end')]).toEqual([String(expected.start), String(expected.end)]);
    const shifted = box.querySelector<HTMLElement>('[data-testid="row"]')!.parentElement!;
    expect(shifted.style.top).toBe(`${expected.start * 20}px`);
  });

  it('renders every row of a short list and shrinks to it', () => {
    const { box, rows } = mount(items(3));
    expect(rows()).toEqual([0, 1, 2]);
    expect(box.style.height).toBe('60px');
  });

  it('uses the default viewport without a height', () => {
    const { rows } = mount(items(5_000));
    expect(rows().at(-1)).toBe(Math.ceil(DEFAULT_VIEWPORT / 20) + DEFAULT_OVERSCAN - 1);
  });

  it('renders nothing for no items', () => {
    const { rows, box } = mount([]);
    expect(rows()).toEqual([]);
    expect(box.style.height).toBe('0px');
  });
});
