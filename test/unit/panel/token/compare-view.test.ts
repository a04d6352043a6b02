// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { relative, type Artifact } from '../../../../src/core/index.js';
import { CompareView } from '../../../../src/panel/components/compare/CompareView.js';
import type { AnalysisIndex } from '../../../../src/panel/model/analysis-index.js';
import { defaultComparePair } from '../../../../src/panel/model/compare.js';
import { analysed, harExchanges } from './engine.js';

afterEach(cleanup);

const NOW = 1_629_287_700; // a minute and a half after the refresh in sample-login.har

async function refreshPair() {
  const index = await analysed({ exchanges: harExchanges('sample-login.har') }, NOW);
  const flow = index.result.flows[0]!;
  const pair = defaultComparePair(flow, index)!;
  const candidates = index.result.artifacts.filter((a) => a.claims && Object.keys(a.claims).length > 0);
  return { index, left: index.byId.get(pair.left)!, right: index.byId.get(pair.right)!, candidates };
}

function mount(left: Artifact, right: Artifact, index: AnalysisIndex, candidates: readonly Artifact[]) {
  const onPick = vi.fn();
  const view = render(h(CompareView, { left, right, index, now: NOW, candidates, onPick }));
  const $ = (s: string) => view.container.querySelector<HTMLElement>(s);
  const rows = () => [...view.container.querySelectorAll<HTMLElement>('[data-testid="compare-row"]')];
  return { view, $, rows, onPick };
}

describe('CompareView', () => {
  it('shows the tokens before and after the refresh side by side with what changed', async () => {
    const { index, left, right, candidates } = await refreshPair();
    const { $, rows } = mount(left, right, index, candidates);
    expect([$('[data-testid="compare"]')?.getAttribute('data-left'), $('[data-testid="compare"]')?.getAttribute('data-right')]).toEqual([left.id, right.id]);
    const a = left.claims!;
    const b = right.claims!;
    const names = [...Object.keys(a), ...Object.keys(b).filter((n) => !(n in a))];
    expect(rows().map((r) => r.getAttribute('data-claim'))).toEqual(names);
    const expected = names.map((n) => (!(n in a) ? 'added' : !(n in b) ? 'removed' : JSON.stringify(a[n]) === JSON.stringify(b[n]) ? 'same' : 'changed'));
    expect(rows().map((r) => r.getAttribute('data-change'))).toEqual(expected);
    expect(expected).toContain('changed');
    expect(expected).toContain('same');

    const exp = rows().find((r) => r.getAttribute('data-claim') === 'exp')!;
    const delta = (b['exp'] as number) - (a['exp'] as number);
    expect(delta).not.toBe(0);
    expect(exp.getAttribute('data-delta')).toBe(String(delta));
    expect(exp.querySelector('[data-side="left"] code')?.textContent).toBe(JSON.stringify(a['exp']));
    expect(exp.querySelector('[data-side="right"] code')?.textContent).toBe(JSON.stringify(b['exp']));
    expect(exp.querySelector('[data-side="right"] .relative')?.textContent).toBe(`expires ${relative(b['exp'] as number, NOW)}`);
    expect($('[data-testid="compare-summary"]')?.textContent).toContain(`${expected.filter((c) => c === 'changed').length} changed`);
  });

  it('hides the unchanged claims with "only changes"', async () => {
    const { index, left, right, candidates } = await refreshPair();
    const { $, rows } = mount(left, right, index, candidates);
    const all = rows().map((r) => r.getAttribute('data-change'));
    const toggle = $('[data-testid="only-changes"]') as HTMLInputElement;
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(true);
    expect(rows().map((r) => r.getAttribute('data-change'))).toEqual(all.filter((c) => c !== 'same'));
    fireEvent.click(toggle);
    expect(rows()).toHaveLength(all.length);
  });

  it('offers the candidates in two selects, the same kind first, and reports a pick', async () => {
    const { index, left, right, candidates } = await refreshPair();
    const { $, onPick } = mount(left, right, index, candidates);
    const leftSelect = $('[data-testid="compare-left"]') as HTMLSelectElement;
    const ids = [...leftSelect.options].map((o) => o.value);
    expect(ids).toEqual([...candidates.filter((c) => c.kind === right.kind), ...candidates.filter((c) => c.kind !== right.kind)].map((c) => c.id));
    expect(leftSelect.value).toBe(left.id);
    expect(($('[data-testid="compare-right"]') as HTMLSelectElement).value).toBe(right.id);
    const other = candidates.find((c) => c.id !== left.id && c.id !== right.id)!;
    leftSelect.value = other.id;
    fireEvent.change(leftSelect);
    expect(onPick).toHaveBeenCalledWith('left', other.id);
    const rightSelect = $('[data-testid="compare-right"]') as HTMLSelectElement;
    rightSelect.value = left.id;
    fireEvent.change(rightSelect);
    expect(onPick).toHaveBeenLastCalledWith('right', left.id);
  });

  it('shows added and removed claims, comparing different kinds', async () => {
    const { index, candidates } = await refreshPair();
    const id = candidates.find((c) => c.kind === 'id_token')!;
    const access = candidates.find((c) => c.kind === 'access_token')!;
    const { rows, $ } = mount(id, access, index, candidates);
    const change = (name: string) => rows().find((r) => r.getAttribute('data-claim') === name)?.getAttribute('data-change');
    const onlyId = Object.keys(id.claims!).find((n) => !(n in access.claims!))!;
    const onlyAccess = Object.keys(access.claims!).find((n) => !(n in id.claims!))!;
    expect([change(onlyId), change(onlyAccess)]).toEqual(['removed', 'added']);
    expect(rows().find((r) => r.getAttribute('data-claim') === onlyAccess)?.querySelector('[data-side="left"]')?.textContent).toBe('');
    expect($('[data-testid="compare-kinds"]')).not.toBeNull();
  });

  it('renders hostile values and names as text', async () => {
    const hostile = { '<img src=x onerror=alert(1)>': 'javascript:alert(1)', name: '<script>alert(2)</script>' };
    const base = { id: 'h1', kind: 'userinfo' as const, at: 0, occurrences: [], profile: 'oidc' };
    const left: Artifact = { ...base, claims: { name: 'x' } };
    const right: Artifact = { ...base, id: 'h2', claims: hostile };
    const index = await analysed({}, NOW);
    const { view, rows } = mount(left, right, index, [left, right]);
    const row = rows().find((r) => r.getAttribute('data-claim') === '<img src=x onerror=alert(1)>')!;
    expect(row.querySelector('[data-side="right"] code')?.textContent).toBe(JSON.stringify('javascript:alert(1)'));
    expect(view.container.textContent).toContain('<script>alert(2)</script>');
    expect(view.container.querySelectorAll('img, script, a, [href], [src], [onerror]').length).toBe(0);
  });
});
