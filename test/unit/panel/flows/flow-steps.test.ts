import { describe, expect, it } from 'vitest';
import type { Flow } from '../../../../src/core/model.js';
import { durationText, flowStepRows, offsetText, STEP_LABELS } from '../../../../src/panel/model/flow-steps.js';
import { harExchanges, indexed, onlyFlow } from './fixtures.js';

describe('durationText and offsetText', () => {
  it.each([
    [0, '0 ms'],
    [230, '230 ms'],
    [1200, '1.2 s'],
    [5000, '5 s'],
    [59_999, '1 min'],
    [125_000, '2 min 5 s'],
    [3_780_000, '1 h 3 min'],
    [7_200_000, '2 h'],
    [3 * 86_400_000, '3 days'],
    [-1500, '1.5 s'],
  ])('durationText(%d) = %s', (ms, text) => expect(durationText(ms)).toBe(text));

  it.each([
    [0, '+0.0 s'],
    [1234, '+1.2 s'],
    [250, '+0.3 s'],
    [-300, '−0.3 s'],
    [125_000, '+2 min 5 s'],
    [-61_000, '−1 min 1 s'],
  ])('offsetText(%d) = %s', (ms, text) => expect(offsetText(ms)).toBe(text));
});

describe('flowStepRows on the sample login', async () => {
  const index = await indexed(harExchanges('sample-login.har'));
  const flow = onlyFlow(index);
  const rows = flowStepRows(flow, index);

  it('has one row per engine step, in time order, with the label of its kind', () => {
    expect(rows).toHaveLength(flow.steps.length);
    const sorted = [...flow.steps].sort((a, b) => a.at - b.at);
    expect(rows.map((r) => r.kind)).toEqual(sorted.map((s) => s.kind));
    expect(rows.map((r) => r.label)).toEqual(sorted.map((s) => STEP_LABELS[s.kind]));
    expect(rows.map((r) => r.kind)).toContain('refresh');
  });

  it('takes status, sources, offset, duration, host and path from the step and its exchange', () => {
    for (const [i, step] of [...flow.steps].sort((a, b) => a.at - b.at).entries()) {
      const row = rows[i]!;
      const exchange = step.exchangeId ? index.exchangeById.get(step.exchangeId) : undefined;
      expect(row.status).toBe(step.status === undefined ? '' : String(step.status));
      expect(row.sources).toBe([...new Set(step.sources ?? [])].sort().join(','));
      expect(row.offsetMs).toBe(step.at - flow.startedAt);
      expect(row.exchangeId).toBe(step.exchangeId ?? '');
      if (exchange && step.kind !== 'authorize_response') {
        const url = new URL(exchange.url);
        expect([row.host, row.path]).toEqual([url.host, url.pathname]);
        expect(row.durationMs).toBe(exchange.endedAt === undefined ? undefined : exchange.endedAt - exchange.startedAt);
      }
    }
    expect(rows.some((r) => r.durationMs !== undefined && r.durationMs > 0)).toBe(true);
  });

  it('places the authorization response where the redirect delivered it, without the redirect\'s duration', () => {
    const row = rows.find((r) => r.kind === 'authorize_response')!;
    const artifact = index.byId.get(row.artifactId)!;
    const delivered = new URL(artifact.occurrences[0]!.url!);
    expect([row.host, row.path]).toEqual([delivered.host, delivered.pathname]);
    expect(row.host).not.toBe(new URL(flow.issuer!).host);
    expect(row.durationMs).toBeUndefined();
  });

  it('never keeps the query (codes and tokens travel there)', () => {
    for (const r of rows) expect(r.path).not.toMatch(/[?#]/);
  });
});

describe('flowStepRows edge cases', () => {
  it('keeps the engine order for steps at the same time and shows the server-side step as not observable', async () => {
    const index = await indexed(harExchanges('edge-cases.har'));
    const flow = index.result.flows.find((f) => f.serverSideExchange)!;
    const rows = flowStepRows(flow, index);
    const hidden = rows.filter((r) => !r.observable);
    expect(hidden.map((r) => r.kind)).toEqual(flow.steps.filter((s) => !s.observable).map((s) => s.kind));
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((r) => r.exchangeId === '' && r.sources === '')).toBe(true);
  });

  it('sorts by time, survives unknown exchanges and bad URLs', async () => {
    const index = await indexed([]);
    const flow: Flow = {
      id: 'f',
      profile: 'oidc',
      type: 'unknown',
      startedAt: 10_000,
      steps: [
        { kind: 'userinfo', at: 12_000, observable: true, exchangeId: 'missing', status: 500 },
        { kind: 'authorize_request', at: 10_000, observable: true },
        { kind: 'token', at: 11_000, observable: false, note: 'server side' },
      ],
      artifacts: [],
      serverSideExchange: true,
      notes: [],
    };
    expect(flowStepRows(flow, index).map((r) => [r.kind, r.offsetMs, r.status, r.host, r.note])).toEqual([
      ['authorize_request', 0, '', '', ''],
      ['token', 1000, '', '', 'server side'],
      ['userinfo', 2000, '500', '', ''],
    ]);
  });
});
