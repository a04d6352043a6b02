import { describe, expect, it } from 'vitest';
import type { ClaimDoc, Finding } from '../../../../src/core/index.js';
import { claimJson, claimOfPath, claimRows } from '../../../../src/panel/model/token-claims.js';

const finding = (claim: string | undefined, rule = 'r'): Finding => ({ rule, severity: 'warning', message: 'm', artifacts: ['a1'], source: 's', ...(claim === undefined ? {} : { claim }) });

describe('claimOfPath', () => {
  const names = ['address', 'https://example.com/roles', 'https://example.com', 'roles', 'a.b'];
  it.each([
    ['address', 'address'],
    ['address.country', 'address'],
    ['roles[0]', 'roles'],
    ['https://example.com/roles', 'https://example.com/roles'],
    ['https://example.com/roles[1]', 'https://example.com/roles'],
    ['a.b', 'a.b'],
    ['a.b.c', 'a.b'],
    ['addressee', undefined],
    ['code_verifier', undefined],
    ['', undefined],
  ])('%s belongs to %s', (path, name) => {
    expect(claimOfPath(path, names)).toBe(name);
  });
});

describe('claimJson', () => {
  it.each<[unknown, string]>([
    ['x', '"x"'],
    [12, '12'],
    [null, 'null'],
    [['a', 1], '["a",1]'],
    [{ a: [1] }, '{\n  "a": [\n    1\n  ]\n}'],
    [[{ a: 1 }], '[\n  {\n    "a": 1\n  }\n]'],
    ['<img src=x onerror=alert(1)>', '"<img src=x onerror=alert(1)>"'],
  ])('%j', (value, text) => {
    expect(claimJson(value)).toBe(text);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('claimRows', () => {
  const docs = new Map<string, ClaimDoc>([
    ['exp', { name: 'exp', type: 'numericdate', description: 'Expiry' }],
    ['cert', { name: 'cert', type: 'object', description: 'Certificate', members: [{ name: 'validTo', type: 'numericdate', description: 'end' }, { name: 'serial', type: 'string', description: 'serial' }] }],
  ]);
  const claims = { sub: 'u', exp: 1000, address: { country: 'NO' }, cert: { validTo: 2000, serial: '1' } };

  it('keeps the claim order, attaches docs, times and findings, and lists the rest apart', () => {
    const findings = [finding('address.country', 'a'), finding(undefined, 'b'), finding('exp', 'c'), finding('missing', 'd'), finding('address', 'e')];
    const { rows, other } = claimRows(claims, docs, findings, 1500);
    expect(rows.map((r) => r.name)).toEqual(Object.keys(claims));
    expect(rows.map((r) => r.findings.map((f) => f.rule))).toEqual([[], ['c'], ['a', 'e'], []]);
    expect(other.map((f) => f.rule)).toEqual(['b', 'd']);
    expect(rows[1]!.doc).toBe(docs.get('exp'));
    expect(rows[1]!.times.map((t) => [t.path, t.relative])).toEqual([['exp', 'expired 8 min 20 s ago']]);
    expect(rows[3]!.times.map((t) => [t.path, t.seconds])).toEqual([['cert.validTo', 2000]]);
    expect(rows[0]!.times).toEqual([]);
  });

  it('gives no rows when nothing was decoded, and every finding apart', () => {
    expect(claimRows(undefined, docs, [finding('exp')], 0)).toEqual({ rows: [], other: [finding('exp')] });
  });
});
