import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../../src/core/model.js';
import type { Profile } from '../../../src/core/profiles/types.js';
import { profileCross } from '../../../src/core/rules/profile-cross.js';
import { expectNone, expectOne, jsonArtifact, tokenArtifact } from '../helpers/rule-harness.js';
import { runFlow } from './cross-fixtures.js';
import { SEED_000_ACCESS_TOKEN as SEED_000_AT } from '../../fixtures/seed-claims.js';

const BIRID: Profile = {
  id: 'birid-test',
  name: 'BirID (test)',
  keycloak: true,
  crossChecks: [
    { userinfo: 'id', token: 'access_token', claim: 'sub', source: '000 Userinfo, row id' },
    { userinfo: 'username', token: 'access_token', claim: 'preferred_username' },
  ],
};
const opts = { profiles: [BIRID] };
const inBirid = { profile: 'birid-test' };


const at = (claims: Record<string, unknown> = SEED_000_AT, extra: Partial<Artifact> = inBirid) => tokenArtifact('access_token', claims, undefined, extra);
const ui = (claims: Record<string, unknown> | undefined, extra: Partial<Artifact> = inBirid) => jsonArtifact('userinfo', claims, extra);

describe('profile-cross', () => {
  it('does not fire when the BirID userinfo matches the access token', () => {
    expectNone(runFlow(profileCross, [at(), ui({ id: SEED_000_AT.sub, username: '994705105514', firstName: 'A' })], {}, opts));
  });

  it('fires with the default severity warning, naming member, claim, values and source', () => {
    const token = at();
    const info = ui({ id: 'b0000000-0000-0000-0000-000000000000', username: '994705105514' });
    const f = expectOne(
      runFlow(profileCross, [token, info], {}, opts),
      'profile-cross',
      'warning',
      `userinfo id "b0000000-0000-0000-0000-000000000000" differs from the access token sub "${SEED_000_AT.sub}"`,
      [info.id, token.id],
    );
    expect(f.message).toContain('(000 Userinfo, row id)');
    expect(f.claim).toBe('id');
  });

  it('reports each entry, with its own severity', () => {
    const profiles: Profile[] = [{ ...BIRID, crossChecks: [{ userinfo: 'id', token: 'access_token', claim: 'sub', severity: 'error' }, { userinfo: 'username', token: 'access_token', claim: 'preferred_username', severity: 'info' }] }];
    const findings = runFlow(profileCross, [at(), ui({ id: 'x', username: 'y' })], {}, { profiles });
    expect(findings.map((f) => [f.severity, f.claim])).toEqual([
      ['error', 'id'],
      ['info', 'username'],
    ]);
    expect(findings[1]!.message).toContain('userinfo username "y" differs from the access token preferred_username "994705105514"');
  });

  it('applies the profile of the tokens when the userinfo host has no profile', () => {
    expectOne(runFlow(profileCross, [at(), ui({ id: 'x' }, { profile: 'oidc' })], {}, opts), 'profile-cross', 'warning', 'userinfo id "x"');
  });

  it('compares with the access token sent as bearer in the userinfo exchange', () => {
    const used = at(SEED_000_AT, { ...inBirid, occurrences: [{ location: 'response.json.access_token', at: 0 }, { location: 'request.header.authorization', exchangeId: 'e2', at: 1 }] });
    const later = at({ ...SEED_000_AT, sub: 'someone-else' });
    const info = ui({ id: SEED_000_AT.sub }, { ...inBirid, occurrences: [{ location: 'response.body', exchangeId: 'e2', at: 1 }] });
    expectNone(runFlow(profileCross, [used, later, info], {}, opts));
    // Without the exchange link, the access token issued last before the userinfo is used.
    expectOne(runFlow(profileCross, [at(), later, ui({ id: SEED_000_AT.sub })], {}, opts), 'profile-cross', 'warning', '"someone-else"');
  });

  it('compares with the ID token when the entry says so', () => {
    const profiles: Profile[] = [{ id: 'p', name: 'p', crossChecks: [{ userinfo: 'pid', token: 'id_token', claim: 'bankid_altsub' }] }];
    const idt = tokenArtifact('id_token', { sub: 'u', bankid_altsub: '9578-6000-4-634582' }, undefined, { profile: 'p' });
    expectOne(runFlow(profileCross, [idt, jsonArtifact('userinfo', { pid: '9578-6000-4-30799' }, { profile: 'p' })], {}, { profiles }), 'profile-cross', 'warning', 'differs from the ID token bankid_altsub "9578-6000-4-634582"');
  });

  it.each([
    ['profiles without crossChecks', () => [at(SEED_000_AT, {}), ui({ id: 'x' }, {})]],
    ['member missing', () => [at(), ui({ username: '994705105514' })]],
    ['member null', () => [at(), ui({ id: null, username: '994705105514' })]],
    ['claim missing on the token', () => [at({ sub: 'a' }), ui({ username: 'x' })]],
    ['no access token', () => [ui({ id: 'x', username: 'y' })]],
    ['userinfo without claims', () => [at(), ui(undefined)]],
  ])('no finding: %s', (_name, make) => {
    expectNone(runFlow(profileCross, make(), {}, opts));
  });

  it('malformed entries of a user profile are skipped, not thrown on', () => {
    const profiles = [{ id: 'bad', name: 'bad', crossChecks: [null, 7, { userinfo: 1, token: 'access_token', claim: 'sub' }, { userinfo: 'id', token: 'refresh_token', claim: 'sub' }, { userinfo: 'constructor', token: 'access_token', claim: 'constructor' }] } as unknown as Profile];
    expectNone(runFlow(profileCross, [at(SEED_000_AT, { profile: 'bad' }), ui({ id: 'x' }, { profile: 'bad' })], {}, { profiles }));
    const notArray = [{ id: 'bad2', name: 'bad2', crossChecks: 'id=sub' } as unknown as Profile];
    expectNone(runFlow(profileCross, [at(SEED_000_AT, { profile: 'bad2' }), ui({ id: 'x' }, { profile: 'bad2' })], {}, { profiles: notArray }));
  });

  it('names inherited from Object.prototype are not members', () => {
    const profiles: Profile[] = [{ id: 'p', name: 'p', crossChecks: [{ userinfo: 'constructor', token: 'access_token', claim: 'sub' }, { userinfo: 'id', token: 'access_token', claim: 'toString' }] }];
    expectNone(runFlow(profileCross, [at(SEED_000_AT, { profile: 'p' }), ui({ id: 'x' }, { profile: 'p' })], {}, { profiles }));
  });

  it('hostile values are compared as JSON without throwing', () => {
    expectOne(runFlow(profileCross, [at(), ui({ id: { nested: [SEED_000_AT.sub] } })], {}, opts), 'profile-cross', 'warning', 'userinfo id {"nested":');
  });
});
