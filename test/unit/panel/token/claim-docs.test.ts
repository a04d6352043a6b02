import { describe, expect, it } from 'vitest';
import type { ArtifactKind, Profile } from '../../../../src/core/index.js';
import { BUILTIN_PROFILES } from '../../../../src/core/index.js';
import { claimDocs } from '../../../../src/core/profiles/claim-docs.js';

const profile = (id: string) => BUILTIN_PROFILES.find((p) => p.id === id)!;

describe('claimDocs', () => {
  it.each<[string, ArtifactKind, string, string]>([
    // [profile, kind, claim, profile whose own list documents it]
    ['birid', 'access_token', 'preferred_username', 'birid'],
    ['birid', 'userinfo', 'pin', 'birid'],
    ['birid', 'id_token', 'nonce', 'oidc'],
    ['birid', 'refresh_token', 'session_state', 'keycloak'],
    ['uaepass', 'introspection', 'client_claims', 'uaepass'],
    ['uaepass', 'token_response', 'expires_in', 'oidc'],
    ['bankid-no', 'id_token', 'updated_at', 'bankid-no'],
  ])('%s %s documents %s as the %s profile does', (id, kind, claim, owner) => {
    const expected = profile(owner).claims?.[kind as 'id_token']?.find((d) => d.name === claim);
    expect(expected).toBeDefined();
    expect(claimDocs(id, kind).get(claim)).toEqual(expected);
  });

  it('lets the child override a parent claim of the same name', () => {
    const own = profile('birid').claims!.access_token!.find((d) => d.name === 'sub')!;
    const parent = profile('oidc').claims!.access_token!.find((d) => d.name === 'sub')!;
    expect(own.description).not.toBe(parent.description);
    expect(claimDocs('birid', 'access_token').get('sub')).toBe(own);
  });

  it('keeps nested members reachable', () => {
    const members = claimDocs('uaepass', 'introspection').get('client_claims')?.members ?? [];
    expect(members.map((m) => m.name)).toContain('distinguished_name');
  });

  it.each<[string, ArtifactKind]>([
    ['nope', 'id_token'],
    ['oidc', 'opaque_token'],
    ['oidc', 'authorize_request'],
    ['oidc', 'discovery'],
    ['uaepass', 'jwt'],
  ])('%s %s: nothing documented, an empty map', (id, kind) => {
    expect(claimDocs(id, kind).size).toBe(0);
  });

  it("applies a user profile's jwt list to every JWT kind, the kind's own entry winning", () => {
    const user: Profile[] = [
      {
        id: 'mine',
        name: 'Mine',
        extends: 'oidc',
        claims: { jwt: [{ name: 'tenant', type: 'string', description: 'Tenant id' }, { name: 'sub', type: 'string', description: 'generic sub' }] } as Profile['claims'],
      },
    ];
    for (const kind of ['id_token', 'access_token', 'refresh_token', 'jwt'] as const) {
      expect(claimDocs('mine', kind, user).get('tenant')?.description).toBe('Tenant id');
    }
    expect(claimDocs('mine', 'id_token', user).get('sub')?.description).toBe(profile('oidc').claims!.id_token!.find((d) => d.name === 'sub')!.description);
    expect(claimDocs('mine', 'refresh_token', user).get('sub')?.description).toBe('generic sub');
    expect(claimDocs('mine', 'userinfo', user).has('tenant')).toBe(false);
  });

  it('skips malformed entries of a user profile instead of throwing', () => {
    const user = [{ id: 'bad', name: 'Bad', claims: { userinfo: [null, 3, { name: 'ok', type: 'string', description: 'fine' }] } }] as unknown as Profile[];
    expect([...claimDocs('bad', 'userinfo', user).keys()]).toEqual(['ok']);
  });
});
