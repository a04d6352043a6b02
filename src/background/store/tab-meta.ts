import type { Period } from '../../core/flows/code-exchange.js';

export type { Period };

/** One period a tab's capture was paused (open while still paused), and the requests it dropped meanwhile. */
export interface Pause extends Period {
  dropped: number;
}

/** Pauses kept per tab, at most (the oldest are forgotten first). */
export const MAX_PAUSES = 20;

/** The periods with one opened at `now`, unless the last is still open. Keeps {@link MAX_PAUSES} at most. */
export function openPeriod(periods: readonly Period[], now: number): Period[] {
  const last = periods.at(-1);
  if (last && last.to === undefined) return [...periods];
  return [...periods, { from: now }].slice(-MAX_PAUSES);
}

/** The periods with the open one (if any) ended at `now`. */
export function closePeriod(periods: readonly Period[], now: number): Period[] {
  return periods.map((p, i) => (i === periods.length - 1 && p.to === undefined ? { ...p, to: now } : p));
}

/** The per-tab record kept next to a tab's exchanges. */
export interface TabMeta {
  /** Observations of a paused tab are dropped (and their requests counted in `dropped`). */
  paused: boolean;
  /** Keep the tab's captures when it closes. */
  preserve: boolean;
  /** Exchanges evicted by the caps since the last clear. */
  evicted: number;
  /** Requests dropped while paused since the last clear. */
  dropped: number;
  /** Exchange ids, oldest first. */
  order: string[];
  /** The pauses since the last clear, oldest first (the last one is open while paused). */
  pauses: Pause[];
  /** When DevTools was open on the tab, oldest first (the last one is open while it is). */
  devtools: Period[];
}

/** A fresh tab: not paused, not preserved, nothing evicted. */
export function emptyMeta(): TabMeta {
  return { paused: false, preserve: false, evicted: 0, dropped: 0, order: [], pauses: [], devtools: [] };
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
    pauses: Array.isArray(v['pauses']) ? v['pauses'].map(readPause).filter((p): p is Pause => p !== undefined).slice(-MAX_PAUSES) : [],
    devtools: Array.isArray(v['devtools']) ? v['devtools'].map(readPause).filter((p): p is Pause => p !== undefined).map(({ from, to }) => (to === undefined ? { from } : { from, to })).slice(-MAX_PAUSES) : [],
  };
}

function readPause(value: unknown): Pause | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const from = v['from'];
  if (typeof from !== 'number' || !Number.isFinite(from)) return undefined;
  const pause: Pause = { from, dropped: count(v['dropped']) };
  if (typeof v['to'] === 'number' && Number.isFinite(v['to'])) pause.to = v['to'];
  return pause;
}
