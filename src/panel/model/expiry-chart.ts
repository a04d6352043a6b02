/**
 * The geometry of the expiry chart (issue 4, section 2, "Expiry timeline"): from a flow's {@link ExpiryTimeline}
 * and `now`, the time range drawn, one bar per lifetime, the now line and which lifetime ends the session. Pure:
 * numbers in SVG user units, no DOM, no clock. All times are unix seconds.
 */
import type { ExpiryTimeline, Lifetime } from '../../core/model.js';
import { relative } from '../../core/util/time.js';

/** Layout of the chart in SVG user units (the SVG scales to its box). */
export const CHART = {
  width: 760,
  /** Lifetime labels end here (text-anchor end). */
  labelRight: 214,
  plotLeft: 222,
  plotRight: 596,
  /** Countdown texts start here. */
  countdownLeft: 604,
  top: 18,
  rowHeight: 20,
  barHeight: 10,
  /** Room for the time labels under the rows. */
  bottom: 20,
} as const;

/** One row of the chart. */
export interface ChartBar {
  lifetime: Lifetime;
  /** Top of the row. */
  y: number;
  /** Bar start and end (x0 <= x1). */
  x0: number;
  x1: number;
  /** False when neither `issuedAt` nor the flow's start was known: the bar starts at the chart's left edge. */
  startKnown: boolean;
  /** This lifetime is the timeline's `sessionEnd`. */
  sessionEnd: boolean;
  /** `expiresAt` is at or before `now`. */
  expired: boolean;
  /** `expiresAt - now`, recomputed for this `now` (the timeline's own `remaining` is at analysis time). */
  remaining: number;
  /** A moment, not a span (a refused refresh): drawn as a marker. */
  marker: boolean;
}

/** Where `now` falls: inside the drawn range, or so far before or after it that it is pinned to an edge. */
export type NowPosition = 'inside' | 'before' | 'after';

/** Everything {@link ExpiryChart} draws. */
export interface ChartGeometry {
  width: number;
  height: number;
  /** The time range of the plot area. */
  from: number;
  to: number;
  bars: ChartBar[];
  nowX: number;
  nowPosition: NowPosition;
  /** The earliest start and the latest expiry drawn, with their x, for the axis labels. */
  ticks: { at: number; x: number }[];
  /** The lifetime that ends the session, if the timeline names one. */
  sessionEnd: Lifetime | undefined;
}

/** `now` more than this many chart spans away is not drawn to scale (an old HAR viewed years later). */
const FAR = 1;

const same = (a: Lifetime, b: Lifetime) =>
  a.artifact === b.artifact && a.kind === b.kind && a.source === b.source && a.expiresAt === b.expiresAt;

/**
 * The chart of `timeline` at `now`. Bars run from `issuedAt`, else `flowStart` (unix seconds), to `expiresAt`. A
 * `sessionEnd` that is no lifetime of the list (a refused refresh) gets a row of its own, drawn as a marker.
 * Returns undefined when there is nothing to draw. Does not format anything and does not judge the lifetimes.
 */
export function expiryChart(timeline: ExpiryTimeline, now: number, flowStart?: number): ChartGeometry | undefined {
  const lifetimes = timeline.lifetimes.filter((l) => Number.isFinite(l.expiresAt));
  const end = timeline.sessionEnd;
  const extra = end && Number.isFinite(end.expiresAt) && !lifetimes.some((l) => same(l, end)) ? end : undefined;
  const rows = extra ? [...lifetimes, extra] : lifetimes;
  if (rows.length === 0) return undefined;
  const startOf = (l: Lifetime) => (l === extra ? l.expiresAt : (l.issuedAt ?? flowStart));
  const starts = rows.map(startOf).filter((s): s is number => s !== undefined && Number.isFinite(s));
  const expiries = rows.map((l) => l.expiresAt);
  let lo = Math.min(...starts, ...expiries);
  let hi = Math.max(...expiries);
  const span = Math.max(hi - lo, 60);
  let nowPosition: NowPosition = 'inside';
  if (now < lo - FAR * span) nowPosition = 'before';
  else if (now > hi + FAR * span) nowPosition = 'after';
  else {
    lo = Math.min(lo, now);
    hi = Math.max(hi, now);
  }
  const pad = Math.max((hi - lo) * 0.03, 1);
  const from = lo - pad;
  const to = hi + pad;
  const x = (t: number) => CHART.plotLeft + ((t - from) / (to - from)) * (CHART.plotRight - CHART.plotLeft);
  const bars = rows.map((l, i): ChartBar => {
    const start = startOf(l);
    const a = x(start ?? lo);
    const b = x(l.expiresAt);
    return {
      lifetime: l,
      y: CHART.top + i * CHART.rowHeight,
      x0: Math.min(a, b),
      x1: Math.max(a, b),
      startKnown: start !== undefined,
      sessionEnd: end !== undefined && same(l, end),
      expired: l.expiresAt <= now,
      remaining: l.expiresAt - now,
      marker: l === extra,
    };
  });
  const nowX = nowPosition === 'before' ? CHART.plotLeft : nowPosition === 'after' ? CHART.plotRight : x(now);
  return {
    width: CHART.width,
    height: CHART.top + rows.length * CHART.rowHeight + CHART.bottom,
    from,
    to,
    bars,
    nowX,
    nowPosition,
    ticks: [
      { at: Math.min(...starts, ...expiries), x: x(Math.min(...starts, ...expiries)) },
      { at: Math.max(...expiries), x: x(Math.max(...expiries)) },
    ],
    sessionEnd: end,
  };
}

/** "ends in 4 min 10 s" while `expiresAt` is ahead of `now`, "ended 2 min ago" once it is past, "ends now" at it. */
export function countdownText(expiresAt: number, now: number): string {
  if (expiresAt === now) return 'ends now';
  return expiresAt > now ? `ends ${relative(expiresAt, now)}` : `ended ${relative(expiresAt, now)}`;
}
