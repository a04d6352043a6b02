import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../../src/core/model.js';
import { xRefreshIdt } from '../../../src/core/rules/x-refresh-idt.js';
import { expectNone, expectOne, NOW, tokenArtifact } from '../helpers/rule-harness.js';
import { runFlow, seed002, tokenResponse } from './cross-fixtures.js';

const BASE = { iss: 'https://op.example', sub: 'u1', aud: ['c1', 'api'], auth_time: NOW - 100, iat: NOW, nonce: 'n1' };

/** An original code exchange then a refresh whose ID token has `changes` applied. */
function refreshed(changes: Record<string, unknown>, original: Record<string, unknown> = {}, refreshAt = NOW + 600): { artifacts: Artifact[]; first: Artifact; fresh: Artifact } {
  const first = tokenArtifact('id_token', { ...BASE, ...original });
  const fresh = tokenArtifact('id_token', { ...BASE, ...original, iat: NOW + 600, ...changes }, undefined, { at: refreshAt * 1000 });
  const r1 = tokenResponse({}, [first], { grant_type: 'authorization_code' });
  const r2 = tokenResponse({}, [fresh], { grant_type: 'refresh_token' }, { at: refreshAt * 1000 });
  return { artifacts: [r1, first, r2, fresh], first, fresh };
}

describe('x-refresh-idt', () => {
  it('does not fire on seed 002 (same iss, sub, aud, auth_time, nonce; newer iat)', () => {
    expectNone(runFlow(xRefreshIdt, seed002().artifacts));
  });

  it('does not fire for a proper refresh, with aud in another order', () => {
    expectNone(runFlow(xRefreshIdt, refreshed({ aud: ['api', 'c1', 'api'] }).artifacts));
    expectNone(runFlow(xRefreshIdt, refreshed({ nonce: undefined }).artifacts));
  });

  it.each([
    ['iss', { iss: 'https://other.example' }, 'error', `the refreshed ID token's iss "https://other.example" differs from the previous ID token's iss "https://op.example"`],
    ['sub', { sub: 'u2' }, 'error', `sub "u2" differs from the previous ID token's sub "u1"`],
    ['aud', { aud: 'c1' }, 'error', `aud "c1" differs from the previous ID token's aud ["c1","api"]`],
    ['auth_time', { auth_time: NOW + 500 }, 'error', 'it must keep the time of the original authentication'],
    ['nonce', { nonce: 'n2' }, 'info', `nonce "n2" differs from the previous ID token's nonce "n1"`],
    ['iat', { iat: NOW }, 'error', `iat ${NOW} is not newer than the previous ID token's iat ${NOW}, though the two responses are 600 s apart (more than the 60 s skew)`],
    ['iat', { iat: NOW - 1 }, 'error', `iat ${NOW - 1} is older than the previous ID token's iat ${NOW}`],
  ])('fires for %s', (claim, changes, severity, fragment) => {
    const { artifacts, first, fresh } = refreshed(changes);
    const f = expectOne(runFlow(xRefreshIdt, artifacts), 'x-refresh-idt', severity as 'error', fragment, [fresh.id, first.id]);
    expect(f.claim).toBe(claim);
  });

  it('reports one finding per claim', () => {
    const findings = runFlow(xRefreshIdt, refreshed({ iss: 'https://x', sub: 'x', iat: NOW - 5 }).artifacts);
    expect(findings.map((f) => f.claim)).toEqual(['iss', 'sub', 'iat']);
  });

  it('compares with the ID token issued last before the refresh', () => {
    const a = tokenArtifact('id_token', { ...BASE, sub: 'old' });
    const b = tokenArtifact('id_token', { ...BASE, iat: NOW + 10 });
    const c = tokenArtifact('id_token', { ...BASE, iat: NOW + 20 });
    const r1 = tokenResponse({}, [a], { grant_type: 'authorization_code' });
    const r2 = tokenResponse({}, [b], { grant_type: 'refresh_token' });
    const r3 = tokenResponse({}, [c], { grant_type: 'refresh_token' });
    // b vs a: sub differs; c vs b: fine.
    expectOne(runFlow(xRefreshIdt, [r1, a, r2, b, r3, c]), 'x-refresh-idt', 'error', 'sub "u1" differs from the previous ID token\'s sub "old"');
  });

  it('does not compare an ID token the refresh response only repeated with itself', () => {
    const first = tokenArtifact('id_token', BASE);
    const r1 = tokenResponse({}, [first], { grant_type: 'authorization_code' });
    const r2 = tokenResponse({}, [], { grant_type: 'refresh_token' }, { at: (NOW + 3000) * 1000 });
    r2.children = [first.id];
    expectNone(runFlow(xRefreshIdt, [r1, first, r2]));
  });

  it('does not compare a repeated ID token with an even older one', () => {
    const old = tokenArtifact('id_token', { ...BASE, sub: 'old' });
    const first = tokenArtifact('id_token', { ...BASE, iat: NOW + 10 });
    const r0 = tokenResponse({}, [old], { grant_type: 'authorization_code' });
    const r1 = tokenResponse({}, [first], { grant_type: 'refresh_token' }, { at: (NOW + 10) * 1000 });
    const r2 = tokenResponse({}, [], { grant_type: 'refresh_token' }, { at: (NOW + 3000) * 1000 });
    r2.children = [first.id];
    // Only r1 vs r0 (sub differs); r2 repeats r1's token.
    expectOne(runFlow(xRefreshIdt, [r0, old, r1, first, r2]), 'x-refresh-idt', 'error', 'sub "u1" differs');
  });

  it.each([
    [NOW + 60, false],
    [NOW + 61, true],
    [NOW + 5, false],
  ])('an equal iat is an error only when the responses are more than the skew apart (refresh at %i: %s)', (at, fires) => {
    expect(runFlow(xRefreshIdt, refreshed({ iat: NOW }, {}, at).artifacts)).toHaveLength(fires ? 1 : 0);
  });

  it('an equal iat with unknown response times is not reported', () => {
    const { artifacts } = refreshed({ iat: NOW });
    for (const a of artifacts) a.at = Number.NaN;
    expectNone(runFlow(xRefreshIdt, artifacts));
  });

  it.each([
    ['no previous ID token', () => { const t = tokenArtifact('id_token', BASE); return [tokenResponse({}, [t], { grant_type: 'refresh_token' }), t]; }],
    ['refresh without ID token', () => { const t = tokenArtifact('id_token', BASE); return [tokenResponse({}, [t], { grant_type: 'authorization_code' }), t, tokenResponse({}, [], { grant_type: 'refresh_token' })]; }],
    ['not a refresh grant', () => { const a = tokenArtifact('id_token', BASE); const b = tokenArtifact('id_token', { ...BASE, sub: 'x' }); return [tokenResponse({}, [a], { grant_type: 'authorization_code' }), a, tokenResponse({}, [b], { grant_type: 'authorization_code' }), b]; }],
    ['claims missing on the new token', () => refreshed({ iss: undefined, sub: undefined, aud: undefined, auth_time: undefined, iat: undefined, nonce: undefined }).artifacts],
    ['claims null on the new token', () => refreshed({ iss: null, sub: null, auth_time: null, nonce: null }).artifacts],
    ['aud without any string', () => refreshed({ aud: [1, 2] }).artifacts],
  ])('no finding: %s', (_name, make) => {
    expectNone(runFlow(xRefreshIdt, make()));
  });

  it('hostile claim types do not throw', () => {
    const findings = runFlow(xRefreshIdt, refreshed({ sub: { id: 'u1' }, auth_time: String(NOW - 100), iat: 'later' }).artifacts);
    expect(findings.map((f) => [f.claim, f.severity])).toEqual([
      ['sub', 'error'],
      ['auth_time', 'error'],
    ]);
  });
});
