// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowTimeline } from '../../../../src/panel/components/flows/FlowTimeline.js';
import { SubMismatchBanner } from '../../../../src/panel/components/flows/SubMismatchBanner.js';
import { flowRows } from '../../../../src/panel/model/flow-rows.js';
import { durationText, offsetText, STEP_LABELS } from '../../../../src/panel/model/flow-steps.js';
import { HOSTILE, harExchanges, hostileLogin, indexed, onlyFlow } from './fixtures.js';

afterEach(cleanup);

const data = (el: Element | null | undefined, ...names: string[]) => names.map((n) => el?.getAttribute(`data-${n}`) ?? null);
const NO_ACTIVE_CONTENT = 'img, a, script, iframe, [href], [src], [onerror]';

describe('FlowTimeline on the sample login', async () => {
  const index = await indexed(harExchanges('sample-login.har'));
  const flow = onlyFlow(index);
  const steps = [...flow.steps].sort((a, b) => a.at - b.at);

  it('lists the engine steps in time order with the contract attributes', () => {
    const view = render(h(FlowTimeline, { flow, index }));
    const lis = [...view.container.querySelectorAll<HTMLElement>('[data-testid="step"]')];
    expect(lis.map((li) => data(li, 'kind', 'observable', 'status', 'sources', 'exchange-id'))).toEqual(
      steps.map((s) => [s.kind, String(s.observable), s.status === undefined ? '' : String(s.status), [...new Set(s.sources ?? [])].sort().join(','), s.exchangeId ?? '']),
    );
    expect(lis.map((li) => li.querySelector('.step-kind')?.textContent)).toEqual(steps.map((s) => STEP_LABELS[s.kind]));
    expect(view.container.querySelector('[data-testid="flow-timeline"]')?.getAttribute('data-flow-id')).toBe(flow.id);
  });

  it('shows offset, duration, host and path, and the sources that saw each step, as text', () => {
    const view = render(h(FlowTimeline, { flow, index }));
    const lis = [...view.container.querySelectorAll<HTMLElement>('[data-testid="step"]')];
    for (const [i, step] of steps.entries()) {
      const li = lis[i]!;
      expect(li.querySelector('.step-offset')?.textContent).toBe(offsetText(step.at - flow.startedAt));
      const exchange = step.exchangeId ? index.exchangeById.get(step.exchangeId) : undefined;
      if (exchange && step.kind !== 'authorize_response') {
        const url = new URL(exchange.url);
        expect(li.querySelector('.step-url')?.textContent).toBe(`${url.host}${url.pathname}`);
        if (exchange.endedAt !== undefined) expect(li.querySelector('.step-duration')?.textContent).toBe(durationText(exchange.endedAt - exchange.startedAt));
      }
      if (step.sources?.length) expect(li.querySelector('.step-sources')?.textContent).toBe(`seen by ${[...new Set(step.sources)].sort().join(', ')}`);
    }
    const refresh = lis.find((li) => li.getAttribute('data-kind') === 'refresh')!;
    expect(refresh.textContent).toMatch(/^\+\d+ min( \d+ s)?Refresh/);
    expect(view.container.querySelectorAll(NO_ACTIVE_CONTENT)).toHaveLength(0);
    expect(view.container.querySelector('[data-testid="server-side-note"]')).toBeNull();
  });
});

describe('FlowTimeline with a server-side code exchange (edge-cases.har)', async () => {
  const index = await indexed(harExchanges('edge-cases.har'));
  const flow = index.result.flows.find((f) => f.serverSideExchange)!;

  it('shows the exchange done on the server as a step not observable in the browser, and the flow notes', () => {
    const view = render(h(FlowTimeline, { flow, index }));
    const lis = [...view.container.querySelectorAll<HTMLElement>('[data-testid="step"]')];
    const hidden = lis.filter((li) => li.getAttribute('data-observable') === 'false');
    expect(hidden.map((li) => li.getAttribute('data-kind'))).toEqual(flow.steps.filter((s) => !s.observable).map((s) => s.kind));
    expect(hidden.length).toBeGreaterThan(0);
    for (const li of hidden) {
      expect(li.textContent).toMatch(/not observable in the browser/);
      expect(data(li, 'sources', 'exchange-id')).toEqual(['', '']);
      expect(li.querySelector('.step-offset')?.textContent).toBe('');
    }
    expect(lis.filter((li) => li.getAttribute('data-observable') === 'true').every((li) => !/not observable/.test(li.textContent ?? ''))).toBe(true);
    expect(view.container.querySelector('[data-testid="server-side-note"]')?.textContent).toMatch(/not observable in the browser/);
    expect([...view.container.querySelectorAll('[data-testid="flow-note"]')].map((n) => n.textContent)).toEqual(flow.notes);
  });
});

describe('SubMismatchBanner', () => {
  it('names both subjects of the sample login and the rule, as an alert over the flow', async () => {
    const index = await indexed(harExchanges('sample-login.har'));
    const row = flowRows(index, 0)[0]!;
    const m = row.subMismatch!;
    const view = render(h(SubMismatchBanner, { row }));
    const banner = view.container.querySelector<HTMLElement>('[data-testid="sub-mismatch"]')!;
    expect(banner.getAttribute('role')).toBe('alert');
    expect(data(banner, 'flow-id', 'rule', 'severity', 'artifacts', 'claim')).toEqual([row.id, 'x-ui-sub', m.severity, m.artifacts.join(','), 'sub']);
    expect(banner.querySelector('[data-testid="id-token-sub"]')?.textContent).toBe(m.idTokenSub);
    expect(banner.querySelector('[data-testid="userinfo-sub"]')?.textContent).toBe(m.userinfoSub);
    expect(banner.textContent).toContain(`ID token sub ${m.idTokenSub} vs userinfo sub ${m.userinfoSub}`);
    expect(banner.textContent).toContain('x-ui-sub');
  });

  it('renders nothing for a flow without a mismatch', async () => {
    const exchanges = harExchanges('sample-login.har').filter((e) => !e.url.endsWith('/userinfo'));
    const index = await indexed(exchanges);
    const row = flowRows(index, 0)[0]!;
    expect(row.subMismatch).toBeUndefined();
    const view = render(h(SubMismatchBanner, { row }));
    expect(view.container.innerHTML).toBe('');
  });

  it('shows subjects carrying markup and a javascript: URL as text: no element, no link', async () => {
    const now = 1_700_000_000;
    const index = await indexed(hostileLogin(now), now);
    const row = flowRows(index, now)[0]!;
    const view = render(h(SubMismatchBanner, { row }));
    const banner = view.container.querySelector<HTMLElement>('[data-testid="sub-mismatch"]')!;
    expect(banner.querySelector('[data-testid="id-token-sub"]')?.textContent).toBe(HOSTILE.url);
    expect(banner.querySelector('[data-testid="userinfo-sub"]')?.textContent).toBe(HOSTILE.markup);
    expect(view.container.querySelectorAll(NO_ACTIVE_CONTENT)).toHaveLength(0);
    expect(view.container.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

