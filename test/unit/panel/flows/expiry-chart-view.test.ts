// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { isoSeconds, relative } from '../../../../src/core/index.js';
import type { ExpiryTimeline } from '../../../../src/core/model.js';
import { ExpiryChart } from '../../../../src/panel/components/flows/ExpiryChart.js';
import { countdownText } from '../../../../src/panel/model/expiry-chart.js';
import { HOSTILE, harExchanges, indexed, onlyFlow } from './fixtures.js';

afterEach(cleanup);

const data = (el: Element | null | undefined, ...names: string[]) => names.map((n) => el?.getAttribute(`data-${n}`) ?? null);

describe('ExpiryChart on the sample login', async () => {
  const index = await indexed(harExchanges('sample-login.har'));
  const flow = onlyFlow(index);
  const timeline = index.timelineOf.get(flow.id)!;
  const end = timeline.sessionEnd!;

  function mount(now: number) {
    const view = render(h(ExpiryChart, { timeline, now, flowStartedAt: flow.startedAt }));
    const $ = (s: string) => view.container.querySelector<HTMLElement>(s);
    const $$ = (s: string) => [...view.container.querySelectorAll<HTMLElement>(s)];
    return { view, $, $$ };
  }

  it('is an SVG image with a title and an accessible name', () => {
    const { $ } = mount(end.expiresAt - 250);
    const svg = $('svg[data-testid="expiry-chart"]')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(new RegExp(`^Expiry timeline: ${timeline.lifetimes.length} lifetimes`));
    expect(svg.querySelector('title')?.textContent).toBe(svg.getAttribute('aria-label'));
  });

  it('draws one group per lifetime with its attributes, label and countdown', () => {
    const now = end.expiresAt - 250;
    const { $$ } = mount(now);
    const groups = $$('[data-testid="lifetime"]');
    expect(groups.map((g) => data(g, 'kind', 'artifact', 'source', 'expires-at', 'expired'))).toEqual(
      timeline.lifetimes.map((l) => [l.kind, l.artifact, l.source, String(l.expiresAt), String(l.expiresAt <= now)]),
    );
    expect(groups.map((g) => g.querySelector('[data-testid="countdown"]')?.textContent)).toEqual(timeline.lifetimes.map((l) => countdownText(l.expiresAt, now)));
    expect(groups.map((g) => g.querySelector('.lifetime-label')?.textContent?.replace(/^▸ /, ''))).toEqual(timeline.lifetimes.map((l) => l.label));
    const sessionEnd = groups.filter((g) => g.getAttribute('data-session-end') === 'true');
    expect(sessionEnd.map((g) => data(g, 'artifact', 'source', 'expires-at'))).toEqual([[end.artifact, end.source, String(end.expiresAt)]]);
    expect(sessionEnd[0]?.querySelector('[data-testid="countdown"]')?.textContent).toBe('ends in 4 min 10 s');
  });

  it('updates the countdowns and the now line when now changes', () => {
    const { view, $, $$ } = mount(end.expiresAt - 250);
    const before = $$('[data-testid="countdown"]').map((c) => c.textContent);
    const lineBefore = $('[data-testid="now-line"] line')?.getAttribute('x1');
    view.rerender(h(ExpiryChart, { timeline, now: end.expiresAt + 120, flowStartedAt: flow.startedAt }));
    const after = $$('[data-testid="countdown"]').map((c) => c.textContent);
    expect(after).not.toEqual(before);
    expect(after).toEqual(timeline.lifetimes.map((l) => countdownText(l.expiresAt, end.expiresAt + 120)));
    expect($('[data-testid="lifetime"][data-session-end="true"] [data-testid="countdown"]')?.textContent).toBe('ended 2 min ago');
    expect($$('[data-testid="lifetime"]').every((g) => g.getAttribute('data-expired') === 'true')).toBe(true);
    expect(Number($('[data-testid="now-line"] line')?.getAttribute('x1'))).toBeGreaterThan(Number(lineBefore));
  });

  it('says in the caption which expiry ends the session, in UTC and local time', () => {
    const now = end.expiresAt - 250;
    const { $ } = mount(now);
    const caption = $('figcaption[data-testid="session-end"]')!;
    expect(data(caption, 'artifact', 'expires-at')).toEqual([end.artifact, String(end.expiresAt)]);
    expect(caption.textContent).toContain(end.label);
    expect(caption.textContent).toContain(isoSeconds(end.expiresAt));
    expect(caption.textContent).toContain(new Date(end.expiresAt * 1000).toLocaleString());
    expect(caption.textContent).toContain(relative(end.expiresAt, now));
    expect(caption.textContent).toMatch(/ends when .* expires:/);
  });

  it('says the session ended once it has', () => {
    const { $ } = mount(end.expiresAt + 1);
    expect($('figcaption[data-testid="session-end"]')?.textContent).toMatch(/ended when .* expired:/);
  });

  it('pins now to the edge when the capture is years old', () => {
    const { $ } = mount(end.expiresAt + 3 * 365 * 86400);
    expect($('[data-testid="now-line"]')?.getAttribute('data-position')).toBe('after');
    expect($('[data-testid="now-line"] text')?.textContent).toMatch(/^now → \d+ days later$/);
  });
});

describe('ExpiryChart edge cases', () => {
  const base: ExpiryTimeline = { flow: 'f1', now: 0, lifetimes: [] };

  it('shows a short text instead of an empty chart', () => {
    const view = render(h(ExpiryChart, { timeline: base, now: 1000 }));
    expect(view.container.querySelector('[data-testid="expiry-chart"]')).toBeNull();
    expect(view.container.querySelector('[data-testid="expiry-chart-empty"]')?.textContent).toMatch(/No token lifetime/);
  });

  it('draws a refused refresh as the session end, and renders its hostile error code as text', () => {
    const label = `refresh refused (${HOSTILE.markup})`;
    const timeline: ExpiryTimeline = {
      ...base,
      lifetimes: [{ artifact: 'a1', kind: 'access_token', source: 'exp', label: 'access token (exp)', issuedAt: 900, expiresAt: 1200, remaining: 0 }],
      sessionEnd: { artifact: 'tr2', kind: 'refresh_token', source: 'refresh_error', label, expiresAt: 1000, remaining: 0 },
    };
    const view = render(h(ExpiryChart, { timeline, now: 1100 }));
    const groups = [...view.container.querySelectorAll<HTMLElement>('[data-testid="lifetime"]')];
    expect(groups.map((g) => data(g, 'artifact', 'source', 'session-end', 'expired'))).toEqual([
      ['a1', 'exp', 'false', 'false'],
      ['tr2', 'refresh_error', 'true', 'true'],
    ]);
    expect(label.length).toBeGreaterThan(36);
    expect(groups[1]?.querySelector('.lifetime-label')?.textContent).toBe(`▸ ${label.slice(0, 35)}…`);
    expect(groups[1]?.querySelector('title')?.textContent).toBe(`${label}: ${isoSeconds(1000)}`);
    expect(view.container.querySelector('[data-testid="session-end"]')?.textContent).toMatch(/refused a refresh/);
    expect(view.container.querySelectorAll('img, a, script, [href], [src], [onerror]')).toHaveLength(0);
  });

  it('says so when no expiry ends the session (offline refresh token)', () => {
    const timeline: ExpiryTimeline = {
      ...base,
      lifetimes: [{ artifact: 'a1', kind: 'access_token', source: 'expires_in', label: 'access token (expires_in)', issuedAt: 900, expiresAt: 1200, remaining: 0 }],
    };
    const view = render(h(ExpiryChart, { timeline, now: 1000 }));
    expect(view.container.querySelector('[data-testid="session-end"]')?.textContent).toMatch(/No known expiry ends this session/);
    expect(view.container.querySelector('[data-session-end="true"]')).toBeNull();
  });
});
