import { readFileSync } from 'node:fs';
import { captureEndSeconds } from '../../../../src/core/input/capture-end.js';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/core/analyze.js';
import { importHar } from '../../../../src/core/har/import.js';
import type { Exchange } from '../../../../src/core/model.js';
import { indexAnalysis } from '../../../../src/panel/model/analysis-index.js';
import { atLeast, filterExchanges, filterFindings, filterIndex, hostOf, NO_FILTERS, passes, worst } from '../../../../src/panel/model/filters.js';

function har(name: string, prefix = ''): Exchange[] {
  const read = importHar(readFileSync(`test/fixtures/har/${name}`, 'utf8'));
  if (!read.ok) throw new Error(read.error);
  return read.exchanges.map((e) => ({ ...e, id: `${prefix}${e.id}` }));
}

async function indexed() {
  const exchanges = [...har('sample-login.har'), ...har('seed-defects.har', 'd-')];
  const now = captureEndSeconds(exchanges)!;
  const result = await analyze({ exchanges }, { now });
  const index = indexAnalysis(result, exchanges);
  return { exchanges, result, index, fi: filterIndex(index) };
}

describe('filters', () => {
  it('no filter keeps everything (the same array for requests)', async () => {
    const { exchanges, result, index, fi } = await indexed();
    expect(filterExchanges(exchanges, fi, NO_FILTERS)).toBe(exchanges);
    expect(result.flows.every((f) => passes(fi.flows.get(f.id), NO_FILTERS))).toBe(true);
    expect(index.unlinked.every((a) => passes(fi.artifacts.get(a.id), NO_FILTERS))).toBe(true);
  });

  it('text matches issuer, subject and claim values case-insensitively, and URLs of requests', async () => {
    const { exchanges, result, fi } = await indexed();
    const flow = result.flows.find((f) => f.subject)!;
    const kept = result.flows.filter((f) => passes(fi.flows.get(f.id), { ...NO_FILTERS, text: flow.subject!.toUpperCase() }));
    expect(kept.map((f) => f.id)).toContain(flow.id);
    expect(kept.length).toBeLessThan(result.flows.length);
    const byUrl = filterExchanges(exchanges, fi, { ...NO_FILTERS, text: 'userinfo' });
    expect(byUrl.length).toBeGreaterThan(0);
    expect(byUrl.every((e) => e.url.toLowerCase().includes('userinfo') || e.method.toLowerCase().includes('userinfo'))).toBe(true);
  });

  it('host keeps the requests of that host; kind keeps requests that carried such an artifact', async () => {
    const { exchanges, result, fi } = await indexed();
    const host = hostOf(exchanges[0]!.url);
    expect(fi.hosts).toContain(host);
    expect(filterExchanges(exchanges, fi, { ...NO_FILTERS, host })).toEqual(exchanges.filter((e) => hostOf(e.url) === host));
    const carriers = new Set(result.artifacts.filter((a) => a.kind === 'userinfo').flatMap((a) => a.occurrences.map((o) => o.exchangeId)));
    expect(filterExchanges(exchanges, fi, { ...NO_FILTERS, kind: 'userinfo' }).map((e) => e.id)).toEqual(exchanges.filter((e) => carriers.has(e.id)).map((e) => e.id));
  });

  it('severity keeps flows whose worst finding is at least that bad, and findings of that level or worse', async () => {
    const { result, index, fi } = await indexed();
    const errorsOnly = result.flows.filter((f) => passes(fi.flows.get(f.id), { ...NO_FILTERS, severity: 'error' }));
    expect(errorsOnly.map((f) => f.id)).toEqual(result.flows.filter((f) => (index.findingsByFlow.get(f.id) ?? []).some((x) => x.severity === 'error')).map((f) => f.id));
    expect(filterFindings(result.findings, { ...NO_FILTERS, severity: 'warning' })).toEqual(result.findings.filter((f) => f.severity !== 'info'));
  });

  it('orders severities and finds the worst', () => {
    expect(atLeast('error', 'warning')).toBe(true);
    expect(atLeast('info', 'warning')).toBe(false);
    expect(atLeast('info', '')).toBe(true);
    expect(worst([])).toBeUndefined();
    expect(worst([{ severity: 'info' }, { severity: 'error' }, { severity: 'warning' }] as never)).toBe('error');
    expect(hostOf('not a url')).toBe('');
    expect(hostOf('https://IdP.Example.com:8443/x')).toBe('idp.example.com:8443');
  });
});
