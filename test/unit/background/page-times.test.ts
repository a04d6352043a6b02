/** Issue 10 §3: the times a page reports are clamped to the worker's clock (background/capture/page-times.ts). */
import { describe, expect, it } from 'vitest';
import { clampPageTimes } from '../../../src/background/capture/page-times.js';
import type { Observation } from '../../../src/core/capture/observation.js';

const NOW = 1_800_000_000_000;
const at = (startedAt: number, endedAt?: number): Observation => ({
  source: 'page-hook',
  method: 'GET',
  url: 'https://idp.example.com/token',
  startedAt,
  ...(endedAt === undefined ? {} : { endedAt }),
});

describe('clampPageTimes', () => {
  it.each<[string, Observation, number, number | undefined]>([
    ['a report of the past, unchanged', at(NOW - 5_000, NOW - 4_000), NOW - 5_000, NOW - 4_000],
    ['a start in the future', at(NOW + 60_000), NOW, undefined],
    ['start and end far in the future', at(Date.UTC(2099, 0, 1), Date.UTC(2099, 0, 2)), NOW, NOW],
    ['an end in the future', at(NOW - 5_000, NOW + 5_000), NOW - 5_000, NOW],
    ['an end before the start', at(NOW - 5_000, NOW - 9_000), NOW - 5_000, NOW - 5_000],
    ['an end before a start in the future', at(NOW + 5_000, NOW - 9_000), NOW, NOW],
    ['exactly now', at(NOW, NOW), NOW, NOW],
  ])('%s', (_name, obs, startedAt, endedAt) => {
    const out = clampPageTimes(obs, NOW);
    expect(out.startedAt).toBe(startedAt);
    expect(out.endedAt).toBe(endedAt);
    expect(out.url).toBe(obs.url);
  });

  it('returns the observation itself when nothing changed, and never changes what it was given', () => {
    const past = at(NOW - 1, NOW);
    expect(clampPageTimes(past, NOW)).toBe(past);
    const future = at(NOW + 1, NOW + 2);
    clampPageTimes(future, NOW);
    expect(future).toEqual(at(NOW + 1, NOW + 2));
  });
});
