import { describe, expect, it } from 'vitest';
import type { ExpiryTimeline, Lifetime } from '../../../../src/core/model.js';
import { CHART, countdownText, expiryChart } from '../../../../src/panel/model/expiry-chart.js';
import { harExchanges, indexed, onlyFlow } from './fixtures.js';

function life(kind: Lifetime['kind'], expiresAt: number, issuedAt?: number, artifact = kind): Lifetime {
  const l: Lifetime = { artifact, kind, source: 'exp', label: `${kind} (exp)`, expiresAt, remaining: expiresAt };
  if (issuedAt !== undefined) l.issuedAt = issuedAt;
  return l;
}

function timeline(lifetimes: Lifetime[], sessionEnd?: Lifetime): ExpiryTimeline {
  const t: ExpiryTimeline = { flow: 'f', now: 0, lifetimes };
  if (lifetimes.length > 0) t.firstExpiry = lifetimes.reduce((m, l) => (l.expiresAt < m.expiresAt ? l : m));
  if (sessionEnd) t.sessionEnd = sessionEnd;
  return t;
}

const inPlot = (x: number) => x >= CHART.plotLeft - 1e-9 && x <= CHART.plotRight + 1e-9;

describe('countdownText', () => {
  it.each([
    [1250, 1000, 'ends in 4 min 10 s'],
    [1000, 1120, 'ended 2 min ago'],
    [1000, 1000, 'ends now'],
    [1005, 1000, 'ends in 5 s'],
  ])('expires %d at %d: %s', (expiresAt, now, text) => expect(countdownText(expiresAt, now)).toBe(text));
});

describe('expiryChart geometry', () => {
  const at = life('access_token', 1300, 1000);
  const rt = life('refresh_token', 2800, 1000);
  const idt = life('id_token', 1300, 1000);

  it('gives nothing to draw for an empty timeline', () => {
    expect(expiryChart(timeline([]), 1000)).toBeUndefined();
  });

  it('draws one bar per lifetime, from issuedAt to expiresAt, inside the plot, in timeline order', () => {
    const t = timeline([at, rt, idt], rt);
    const c = expiryChart(t, 1100)!;
    expect(c.bars.map((b) => b.lifetime)).toEqual([at, rt, idt]);
    for (const b of c.bars) {
      expect(inPlot(b.x0) && inPlot(b.x1)).toBe(true);
      expect(b.x0).toBeLessThanOrEqual(b.x1);
    }
    expect(c.bars[0]!.x0).toBeCloseTo(c.bars[1]!.x0);
    expect(c.bars[0]!.x1).toBeLessThan(c.bars[1]!.x1);
    expect(c.bars.map((b) => b.y)).toEqual([0, 1, 2].map((i) => CHART.top + i * CHART.rowHeight));
    expect(c.height).toBe(CHART.top + 3 * CHART.rowHeight + CHART.bottom);
    expect(c.from).toBeLessThan(1000);
    expect(c.to).toBeGreaterThan(2800);
  });

  it('marks the session end, and expired lifetimes with the time left recomputed at now', () => {
    const t = timeline([at, rt, idt], { ...rt });
    const c = expiryChart(t, 1500)!;
    expect(c.bars.map((b) => b.sessionEnd)).toEqual([false, true, false]);
    expect(c.bars.map((b) => b.expired)).toEqual([true, false, true]);
    expect(c.bars.map((b) => b.remaining)).toEqual([1300 - 1500, 2800 - 1500, 1300 - 1500]);
    expect(c.sessionEnd).toEqual(rt);
  });

  it('moves the now line with now, inside the range', () => {
    const t = timeline([at, rt], rt);
    const xs = [1000, 1300, 2000, 2800].map((now) => expiryChart(t, now)!.nowX);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(4);
    for (const now of [1000, 2800]) expect(expiryChart(t, now)!.nowPosition).toBe('inside');
  });

  it('widens the range to a nearby now, and pins a far one to the edge', () => {
    const t = timeline([at], at);
    const near = expiryChart(t, 1400)!;
    expect(near.nowPosition).toBe('inside');
    expect(near.to).toBeGreaterThan(1400);
    const later = expiryChart(t, 1300 + 10 * 86400)!;
    expect([later.nowPosition, later.nowX]).toEqual(['after', CHART.plotRight]);
    expect(later.to).toBeLessThan(1400);
    const earlier = expiryChart(t, 0)!;
    expect([earlier.nowPosition, earlier.nowX]).toEqual(['before', CHART.plotLeft]);
  });

  it('starts a bar without issuedAt at the flow start, else at the left edge (start unknown)', () => {
    const bare = life('access_token', 1300);
    const withStart = expiryChart(timeline([bare, rt]), 1100, 900)!;
    expect(withStart.bars[0]!.startKnown).toBe(true);
    expect(withStart.bars[0]!.x0).toBeLessThan(withStart.bars[1]!.x0);
    const without = expiryChart(timeline([bare, rt]), 1100)!;
    expect(without.bars[0]!.startKnown).toBe(false);
    expect(without.bars[0]!.x0).toBeCloseTo(without.bars[1]!.x0);
  });

  it('adds a refused refresh that ends the session as a marker row', () => {
    const refused: Lifetime = { artifact: 'tr2', kind: 'refresh_token', source: 'refresh_error', label: 'refresh refused (invalid_grant)', expiresAt: 2000, remaining: 0 };
    const c = expiryChart(timeline([at, rt], refused), 2100)!;
    expect(c.bars).toHaveLength(3);
    expect(c.bars[2]).toMatchObject({ marker: true, sessionEnd: true, expired: true });
    expect(c.bars[2]!.x0).toBe(c.bars[2]!.x1);
  });

  it('recognises the session end by value (the timeline may have been cloned)', () => {
    const t = structuredClone(timeline([at, rt], rt));
    expect(expiryChart(t, 1100)!.bars.filter((b) => b.sessionEnd)).toHaveLength(1);
  });

  it('on the sample login: every lifetime of the flow, the engine session end flagged once', async () => {
    const index = await indexed(harExchanges('sample-login.har'));
    const t = index.timelineOf.get(onlyFlow(index).id)!;
    const c = expiryChart(t, t.sessionEnd!.expiresAt - 60)!;
    expect(c.bars.map((b) => b.lifetime.artifact)).toEqual(t.lifetimes.map((l) => l.artifact));
    expect(c.bars.filter((b) => b.sessionEnd).map((b) => b.lifetime)).toEqual([t.sessionEnd]);
    expect(c.bars.filter((b) => !b.expired).every((b) => b.lifetime.expiresAt > t.sessionEnd!.expiresAt - 60)).toBe(true);
  });
});
