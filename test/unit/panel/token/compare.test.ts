import { describe, expect, it } from 'vitest';
import type { Artifact, Flow } from '../../../../src/core/index.js';
import { compareClaims, defaultComparePair, jsonEqual } from '../../../../src/panel/model/compare.js';
import { analysed, harExchanges } from './engine.js';

const artifact = (id: string, claims: Record<string, unknown> | undefined, kind: Artifact['kind'] = 'id_token', role?: string): Artifact => ({
  id,
  kind,
  at: 0,
  occurrences: [],
  profile: 'oidc',
  ...(claims ? { claims } : {}),
  ...(role ? { role } : {}),
});

describe('jsonEqual', () => {
  it.each<[unknown, unknown, boolean]>([
    [1, 1, true],
    ['1', 1, false],
    [null, null, true],
    [null, {}, false],
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], [2, 1], false],
    [[], {}, false],
    [{ a: { b: 1 } }, { a: { b: 2 } }, false],
  ])('%j vs %j: %s', (a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal);
    expect(jsonEqual(b, a)).toBe(equal);
  });
});

describe('compareClaims', () => {
  it("lists a's names then b's new ones, with the change and the time difference", () => {
    const a = artifact('a', { sub: 'u', exp: 1000, iat: 700, roles: ['x'], gone: true, updated_at: 1_629_280_620_000 });
    const b = artifact('b', { iat: 1000, sub: 'u', exp: 1300, roles: ['x', 'y'], extra: { n: 1 }, updated_at: 1_629_280_680 });
    const rows = compareClaims(a, b);
    expect(rows.map((r) => [r.name, r.change, r.delta])).toEqual([
      ['sub', 'same', undefined],
      ['exp', 'changed', 300],
      ['iat', 'changed', 300],
      ['roles', 'changed', undefined],
      ['gone', 'removed', undefined],
      ['updated_at', 'changed', 60],
      ['extra', 'added', undefined],
    ]);
    const extra = rows.find((r) => r.name === 'extra')!;
    expect([extra.leftJson, extra.rightJson, extra.right]).toEqual([undefined, '{\n  "n": 1\n}', { n: 1 }]);
    const gone = rows.find((r) => r.name === 'gone')!;
    expect([gone.left, gone.leftJson, 'right' in gone, 'rightJson' in gone]).toEqual([true, 'true', false, false]);
  });

  it('takes a time delta only when both sides are numbers, and uses the profile docs for other time claims', () => {
    const rows = compareClaims(artifact('a', { exp: 'soon', expires_in: 5 }, 'introspection'), artifact('b', { exp: 10, expires_in: 9 }, 'introspection'));
    expect(rows.map((r) => [r.name, r.change, r.time, r.delta])).toEqual([
      ['exp', 'changed', true, undefined],
      ['expires_in', 'changed', false, undefined],
    ]);
  });

  it('gives no rows when neither side has claims', () => {
    expect(compareClaims(artifact('a', undefined), artifact('b', {}))).toEqual([]);
  });
});

describe('defaultComparePair', () => {
  it('picks the tokens of one kind before and after the refresh in the BankID sample login', async () => {
    const index = await analysed({ exchanges: harExchanges('sample-login.har') }, 1_700_000_000);
    const flow = index.result.flows.find((f) => f.steps.some((s) => s.kind === 'refresh'))!;
    expect(flow).toBeDefined();
    const pair = defaultComparePair(flow, index)!;
    const left = index.byId.get(pair.left)!;
    const right = index.byId.get(pair.right)!;
    const jwts = flow.artifacts.map((id) => index.byId.get(id)!).filter((a) => a.jwt);
    expect(right).toBe(jwts.at(-1));
    expect(left).toBe(jwts.filter((a) => a.kind === right.kind).at(-2));
    // Before and after the refresh: the refresh token response carried the right one.
    const refreshStep = flow.steps.find((s) => s.kind === 'refresh')!;
    expect(left.at).toBeLessThan(refreshStep.at);
    expect(right.at).toBeGreaterThanOrEqual(refreshStep.at);
  });

  const flow = (artifacts: string[]): Flow => ({ id: 'f', profile: 'oidc', type: 'unknown', startedAt: 0, steps: [], artifacts, serverSideExchange: false, notes: [] });
  const indexOf = (list: Artifact[]) => ({ byId: new Map(list.map((a) => [a.id, a])) }) as unknown as Parameters<typeof defaultComparePair>[1];

  it.each<[string, Artifact[], { left: string; right: string } | undefined]>([
    ['one token of each kind', [artifact('i', { a: 1 }), artifact('t', { a: 1 }, 'access_token')], undefined],
    ['two ID tokens around an access token', [artifact('i1', { a: 1 }), artifact('t', { a: 1 }, 'access_token'), artifact('i2', { a: 2 })], { left: 'i1', right: 'i2' }],
    ['the latest kind wins', [artifact('t1', { a: 1 }, 'access_token'), artifact('i1', { a: 1 }), artifact('t2', { a: 1 }, 'access_token'), artifact('i2', { a: 1 })], { left: 'i1', right: 'i2' }],
    ['opaque tokens have nothing to compare', [artifact('o1', undefined, 'opaque_token'), artifact('o2', undefined, 'opaque_token')], undefined],
    ['responses are not tokens', [artifact('u1', { a: 1 }, 'userinfo'), artifact('u2', { a: 1 }, 'userinfo')], undefined],
    ['JWTs of different roles differ', [artifact('j1', { a: 1 }, 'jwt', 'logout_token'), artifact('j2', { a: 1 }, 'jwt', 'client_assertion')], undefined],
    ['an empty flow', [], undefined],
  ])('%s', (_name, list, expected) => {
    expect(defaultComparePair(flow(list.map((a) => a.id)), indexOf(list))).toEqual(expected);
  });
});
