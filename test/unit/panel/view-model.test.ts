import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { importHar } from '../../../src/core/har/import.js';
import { claimJson, toPanelView } from '../../../src/panel/store/view-model.js';
import { emptyTabState } from '../../../src/panel/store/empty-state.js';
import { sampleState } from './fixtures.js';

describe('toPanelView', () => {
  it('maps counts, flags and the contract attributes of a hand-made state', () => {
    const view = toPanelView(sampleState());
    expect(view).toMatchObject({ tabId: 7, exchanges: 2, evicted: 3, unsaved: 0, paused: false, preserve: true, analyzed: true });
    expect(toPanelView(sampleState({ unsaved: 4 })).unsaved).toBe(4);
    expect(view.counts).toEqual({ error: 2, warning: 1, info: 1 });
    expect(view.findings.map((f) => f.rule)).toEqual(['x-ui-sub', 'exp-passed', 'at-aud', 'typ-explicit']);
    expect(view.findings[0]).toEqual({
      rule: 'x-ui-sub', severity: 'error', flowId: 'f1', artifacts: 'a1,a2', claim: '', message: 'sub differs <b>',
    });
    expect(view.flows[0]).toMatchObject({ id: 'f1', issuer: 'https://idp.example.com', subject: 'alice', type: 'authorization_code', serverSide: true });
    expect(view.flows[0]?.steps).toEqual([
      { kind: 'authorize_request', observable: true, status: '', sources: 'webRequest', note: '' },
      { kind: 'token', observable: false, status: '', sources: '', note: 'confidential client' },
      { kind: 'userinfo', observable: true, status: '200', sources: 'devtools,page-hook,webRequest', note: '' },
    ]);
    expect(view.flows[1]).toMatchObject({ issuer: '', subject: '', serverSide: false });
    expect(view.artifacts.map((a) => [a.id, a.flowId, a.signature, a.role])).toEqual([
      ['a1', 'f1', 'valid', ''],
      ['a2', 'f1', '', ''],
      ['a3', '', '', 'refresh_token'],
    ]);
    expect(view.exchangeRows).toEqual([
      { id: 'e1', url: 'https://idp.example.com/token', method: 'POST', status: '200', sources: 'page-hook,webRequest' },
      { id: 'e2', url: 'https://idp.example.com/userinfo?x=<b>', method: 'GET', status: '', sources: 'devtools' },
    ]);
  });

  it('says not analysed before the first analysis, and counts nothing', () => {
    const view = toPanelView(sampleState({ analysis: undefined, paused: true }));
    expect(view).toMatchObject({ analyzed: false, paused: true, flows: [], artifacts: [], findings: [] });
    expect(view.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(toPanelView(emptyTabState(3))).toMatchObject({ tabId: 3, exchanges: 0, evicted: 0, analyzed: false });
  });

  it('agrees with a real analysis of the sample login HAR', async () => {
    const har = importHar(readFileSync(new URL('../../fixtures/har/sample-login.har', import.meta.url), 'utf8'));
    if (!har.ok) throw new Error(har.error);
    const analysis = await analyze({ exchanges: har.exchanges }, { now: 1629286057 });
    const view = toPanelView({ ...emptyTabState(1), exchanges: har.exchanges, analysis });
    // Not vacuous: the sample holds a login with tokens and findings.
    expect(view.flows.length).toBeGreaterThan(0);
    expect(view.artifacts.filter((a) => a.claims.length > 0).length).toBeGreaterThan(2);
    expect(view.findings.length).toBeGreaterThan(0);
    expect(view.flows.map((f) => f.id)).toEqual(analysis.flows.map((f) => f.id));
    expect(view.findings).toHaveLength(analysis.findings.length);
    expect(view.counts.error).toBe(analysis.findings.filter((f) => f.severity === 'error').length);
    for (const artifact of view.artifacts) {
      const holder = analysis.flows.find((f) => f.artifacts.includes(artifact.id));
      expect(artifact.flowId).toBe(holder?.id ?? '');
      const claims = analysis.artifacts.find((a) => a.id === artifact.id)?.claims ?? {};
      for (const claim of artifact.claims) expect(JSON.parse(claim.json)).toEqual(claims[claim.name]);
    }
    for (const [i, row] of view.exchangeRows.entries()) {
      const sources = row.sources.split(',');
      expect(sources).toEqual([...sources].sort());
      expect(row.url).toBe(har.exchanges[i]?.url);
    }
  });
});

describe('claimJson', () => {
  it.each([
    ['text', '"text"'],
    ['<img src=x onerror=alert(1)>', '"<img src=x onerror=alert(1)>"'],
    [42, '42'],
    [true, 'true'],
    [null, 'null'],
    [[1, 'a'], '[\n  1,\n  "a"\n]'],
    [{ a: { b: 1 } }, '{\n  "a": {\n    "b": 1\n  }\n}'],
    [undefined, 'undefined'],
  ])('%j', (value, text) => {
    expect(claimJson(value)).toBe(text);
  });

  it('does not throw on values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(claimJson(cyclic)).toBe('[object Object]');
    expect(claimJson(10n)).toBe('10');
  });
});
