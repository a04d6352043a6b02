/**
 * Issue 10 §3: the worker's side of the page hook (background/capture/page-observations.ts) judges a page's
 * reports itself: times by its own clock, domains by its own list (the relay no longer knows them).
 */
import { describe, expect, it } from 'vitest';
import type { CaptureContext } from '../../../src/background/capture/context.js';
import { MAX_PAGE_BODY_CHARS, acceptPageObservations } from '../../../src/background/capture/page-observations.js';
import type { Observation } from '../../../src/core/capture/observation.js';
import { PAGE_LIMITS } from '../../../src/capture/observation-guard.js';
import { parseDomains } from '../../../src/shared/domains.js';
import { defaultSettings } from '../../../src/shared/settings.js';

const NOW = 1_800_000_000_000;

function context() {
  const recorded: Observation[][] = [];
  const settings = { ...defaultSettings(), domains: ['idp.example.com'] };
  const ctx: CaptureContext = {
    record: (_tabId, observations) => recorded.push([...observations]),
    domains: () => parseDomains(settings.domains),
    settings: () => settings,
    count: () => undefined,
  };
  return { ctx, recorded };
}

const report = (url: string, extra: Record<string, unknown> = {}) => ({ method: 'GET', url, startedAt: NOW - 1_000, ...extra });

describe('acceptPageObservations (issue 10 §3)', () => {
  it('clamps the times of a report to the clock of its arrival', () => {
    const { ctx, recorded } = context();
    const future = Date.UTC(2099, 0, 1);
    acceptPageObservations(ctx, 3, [report('https://idp.example.com/a', { startedAt: future, endedAt: future + 5 }), report('https://idp.example.com/b', { endedAt: NOW + 60_000 })], NOW);
    expect(recorded.flat().map((o) => [o.url, o.startedAt, o.endedAt])).toEqual([
      ['https://idp.example.com/a', NOW, NOW],
      ['https://idp.example.com/b', NOW - 1_000, NOW],
    ]);
  });

  it('keeps only reports on configured domains, and counts only their bodies against the budget of a message', () => {
    const { ctx, recorded } = context();
    const big = { text: 'x'.repeat(PAGE_LIMITS.bodyText) };
    const offDomain = Array.from({ length: Math.ceil(MAX_PAGE_BODY_CHARS / PAGE_LIMITS.bodyText) + 2 }, (_, i) => report(`https://cdn.example.net/${i}`, { responseBody: big }));
    const payload = [...offDomain, report('https://idp.example.com/token', { responseBody: { text: '{"access_token":"x"}' } })];
    expect(acceptPageObservations(ctx, 3, payload, NOW)).toBe(1);
    expect(recorded.flat().map((o) => o.url)).toEqual(['https://idp.example.com/token']);
  });
});
