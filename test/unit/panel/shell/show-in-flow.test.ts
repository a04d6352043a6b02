// @vitest-environment happy-dom
/**
 * Issue 4 review: a text filter that keeps a finding by its rule id or message keeps its flow too, so "Show in
 * flow" from the Findings view lands on that flow instead of "No flow passes the filters".
 */
import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/core/index.js';
import { App } from '../../../../src/panel/App.js';
import { createFakeConnection } from '../../../../src/panel/harness/fake-connection.js';
import { captureEnd, harExchanges } from '../flows/fixtures.js';

afterEach(cleanup);

describe('Show in flow under a text filter', async () => {
  const exchanges = harExchanges('sample-login.har');
  const now = captureEnd(exchanges);
  const analysis = await analyze({ exchanges }, { now });
  const finding = analysis.findings.find((f) => f.rule === 'x-ui-sub')!;
  const flowId = analysis.flows.find((f) => f.artifacts.includes(finding.artifacts[0]!))!.id;

  for (const text of [finding.rule, finding.message.slice(0, 24)]) {
    it(`filtering by "${text}" keeps the finding and its flow, and Show in flow opens it`, () => {
      const connection = createFakeConnection();
      const view = render(
        h(App, { connection, tabId: 1, nowSeconds: signal(now), offlineOptions: async () => ({ skew: 60, clientIds: [] }), download: () => undefined, copy: async () => undefined }),
      );
      act(() => connection.setState({ tabId: 1, exchanges, analysis, analyzedAt: now, paused: false, preserve: false, evicted: 0, bytes: 0 }));
      act(() => {
        fireEvent.input(view.getByTestId('filter-text'), { target: { value: text } });
      });
      act(() => {
        fireEvent.click(view.getByTestId('view-findings'));
      });
      const row = view.container.querySelector<HTMLElement>(`[data-testid="findings"] [data-testid="finding"][data-rule="${finding.rule}"]`)!;
      expect(row).not.toBeNull();
      act(() => {
        fireEvent.click(row.querySelector('button')!);
      });
      expect(view.getByTestId('view').getAttribute('data-view')).toBe('flows');
      expect(view.container.querySelector(`[data-testid="flow"][data-flow-id="${flowId}"]`)).not.toBeNull();
      expect(view.getByTestId('flow-detail').getAttribute('data-flow-id')).toBe(flowId);
      expect(view.getByTestId('sub-mismatch')).not.toBeNull();
    });
  }
});
