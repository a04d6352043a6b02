/**
 * Virtualisation for long lists of fixed-height rows: only the rows in view (plus an overscan) are in the DOM.
 * {@link VirtualList} is the generic list; {@link useVirtualWindow} is the same window logic for containers that
 * are not a plain list (the flow table's body).
 */
import { Fragment, type AriaRole, type ComponentChildren } from 'preact';
import { useCallback, useRef, useState } from 'preact/hooks';

/** Height of the scroll box when the caller gives none, in pixels. */
export const DEFAULT_VIEWPORT = 440;
/** Rows rendered above and below the visible ones, so fast scrolling does not show blanks. */
export const DEFAULT_OVERSCAN = 8;

/** The half-open range `[start, end)` of row indexes to render. */
export interface RowRange {
  start: number;
  end: number;
}

/**
 * The rows to render for a scroll position: those intersecting `[scrollTop, scrollTop + viewport)` plus
 * `overscan` on each side, clamped to `[0, count)`. Pure; does not look at the DOM.
 */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = DEFAULT_OVERSCAN): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const last = Math.ceil((top + Math.max(viewport, rowHeight)) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/** Options of {@link useVirtualWindow}. */
export interface VirtualWindowOptions {
  count: number;
  rowHeight: number;
  /** Height of the scroll box in pixels; {@link DEFAULT_VIEWPORT} when absent. */
  height?: number | undefined;
  overscan?: number;
  /** Pixels in the scroll box above the first row (a sticky table header). */
  offset?: number;
}

/** What {@link useVirtualWindow} gives: attach `ref` and `onScroll` to the scroll box. */
export interface VirtualWindow<E extends HTMLElement> extends RowRange {
  ref: { current: E | null };
  onScroll(): void;
  /** The scroll box's height in pixels. */
  viewport: number;
  /** All rows' height in pixels. */
  total: number;
  /** Scrolls the least needed to bring row `index` fully into view (no-op when it is). */
  scrollToIndex(index: number): void;
}

/**
 * The window of rows of a scroll box of fixed height. Reads the box's `scrollTop` on scroll; does not measure
 * row or box heights (rows must be exactly `rowHeight` pixels high; the CSS keeps them so).
 */
export function useVirtualWindow<E extends HTMLElement>({ count, rowHeight, height, overscan = DEFAULT_OVERSCAN, offset = 0 }: VirtualWindowOptions): VirtualWindow<E> {
  const ref = useRef<E>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = height ?? DEFAULT_VIEWPORT;
  const onScroll = useCallback(() => setScrollTop(ref.current?.scrollTop ?? 0), []);
  const scrollToIndex = useCallback(
    (index: number) => {
      const box = ref.current;
      if (!box) return;
      const top = offset + index * rowHeight;
      // The sticky header covers `offset` pixels at the top of the box.
      if (top - offset < box.scrollTop) box.scrollTop = top - offset;
      else if (top + rowHeight > box.scrollTop + viewport) box.scrollTop = top + rowHeight - viewport;
      setScrollTop(box.scrollTop);
    },
    [offset, rowHeight, viewport],
  );
  const range = visibleRange(scrollTop - offset, viewport, rowHeight, count, overscan);
  return { ...range, ref, onScroll, viewport, total: count * rowHeight, scrollToIndex };
}

/** Props of {@link VirtualList}. */
export interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row's height in pixels; the rendered rows must have exactly this height. */
  rowHeight: number;
  /** Height of the scroll box in pixels (it shrinks to the rows when they are fewer); {@link DEFAULT_VIEWPORT} when absent. */
  height?: number;
  /** Renders one row; `index` is the item's index in `items`. */
  render(item: T, index: number): ComponentChildren;
  /** A stable key per item. */
  keyOf(item: T, index: number): string | number;
  overscan?: number;
  /** Accessible name of the scroll box. */
  label?: string;
  /** ARIA role of the scroll box (for example `grid` when the rows are `row`s). */
  role?: AriaRole;
  class?: string;
}

/**
 * A scroll box that renders only the items in view (plus an overscan) of a list of fixed-height rows. The box is
 * `height` pixels high (less when all rows fit); rows are positioned by one offset, not each. The box carries
 * `data-testid="virtual-list"`, `data-count` (all items) and `data-start` / `data-end` (the rendered range).
 * Does not sort, filter or select anything, and does not handle keys.
 */
export function VirtualList<T>({ items, rowHeight, height, render, keyOf, overscan, label, role, class: className }: VirtualListProps<T>) {
  const win = useVirtualWindow<HTMLDivElement>({ count: items.length, rowHeight, height, overscan });
  const shown: ComponentChildren[] = [];
  for (let i = win.start; i < win.end; i += 1) {
    const item = items[i] as T;
    shown.push(<Fragment key={keyOf(item, i)}>{render(item, i)}</Fragment>);
  }
  return (
    <div
      ref={win.ref}
      class={`virtual-list${className ? ` ${className}` : ''}`}
      role={role}
      aria-label={label}
      aria-rowcount={role === 'grid' || role === 'table' ? items.length : undefined}
      data-testid="virtual-list"
      data-count={items.length}
      data-start={win.start}
      data-end={win.end}
      style={{ height: `${Math.min(win.viewport, win.total)}px`, overflowY: 'auto', position: 'relative' }}
      onScroll={win.onScroll}
    >
      <div style={{ height: `${win.total}px`, position: 'relative' }}>
        <div style={{ position: 'absolute', top: `${win.start * rowHeight}px`, left: 0, right: 0 }}>{shown}</div>
      </div>
    </div>
  );
}
