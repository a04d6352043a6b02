/** The per-tab record kept next to a tab's exchanges. */
export interface TabMeta {
  /** Observations of a paused tab are dropped (and counted in `dropped`). */
  paused: boolean;
  /** Keep the tab's captures when it closes. */
  preserve: boolean;
  /** Exchanges evicted by the caps since the last clear. */
  evicted: number;
  /** Observations dropped while paused since the last clear. */
  dropped: number;
  /** Exchange ids, oldest first. */
  order: string[];
}

/** A fresh tab: not paused, not preserved, nothing evicted. */
export function emptyMeta(): TabMeta {
  return { paused: false, preserve: false, evicted: 0, dropped: 0, order: [] };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/** A valid meta from whatever the area held (older shapes, garbage): missing or bad members get defaults. */
export function readMeta(value: unknown): TabMeta {
  if (typeof value !== 'object' || value === null) return emptyMeta();
  const v = value as Record<string, unknown>;
  return {
    paused: v['paused'] === true,
    preserve: v['preserve'] === true,
    evicted: count(v['evicted']),
    dropped: count(v['dropped']),
    order: Array.isArray(v['order']) ? [...new Set(v['order'].filter((id): id is string => typeof id === 'string'))] : [],
  };
}
