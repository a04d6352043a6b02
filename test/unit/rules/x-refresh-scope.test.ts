import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../../src/core/model.js';
import { xRefreshScope } from '../../../src/core/rules/x-refresh-scope.js';
import { expectNone, expectOne, jsonArtifact } from '../helpers/rule-harness.js';
import { runFlow, seed002, tokenResponse } from './cross-fixtures.js';

const first = (scope: unknown, form: Record<string, string> = {}) => tokenResponse(scope === undefined ? {} : { scope }, [], { grant_type: 'authorization_code', ...form });
const refresh = (scope: unknown, formScope?: string) =>
  tokenResponse(scope === undefined ? {} : { scope }, [], { grant_type: 'refresh_token', ...(formScope === undefined ? {} : { scope: formScope }) });

describe('x-refresh-scope', () => {
  it('does not fire on seed 002 (openid profile throughout)', () => {
    expectNone(runFlow(xRefreshScope, seed002().artifacts));
  });

  it('does not fire for the same or a narrower scope, in any order', () => {
    expectNone(runFlow(xRefreshScope, [first('openid profile email'), refresh('email openid', 'openid  email')]));
  });

  it('fires when the refreshed scope adds a scope, naming it', () => {
    const r1 = first('openid profile');
    const r2 = refresh('openid profile email offline_access');
    const f = expectOne(runFlow(xRefreshScope, [r1, r2]), 'x-refresh-scope', 'error', 'the refreshed scope "openid profile email offline_access" adds "email offline_access", not in the original scope "openid profile" of the first token response', [r2.id, r1.id]);
    expect(f.claim).toBe('scope');
  });

  it('fires when the refresh request asks for more', () => {
    expectOne(runFlow(xRefreshScope, [first('openid'), refresh(undefined, 'openid admin')]), 'x-refresh-scope', 'error', 'the refresh request asks for scope "openid admin", adding "admin"');
  });

  it('reports request and response separately', () => {
    expect(runFlow(xRefreshScope, [first('openid'), refresh('openid admin', 'openid admin')])).toHaveLength(2);
  });

  it('compares case-sensitively', () => {
    expectOne(runFlow(xRefreshScope, [first('openid profile'), refresh('openid Profile')]), 'x-refresh-scope', 'error', 'adds "Profile"');
  });

  it('falls back to the first token request scope, then to the authorization request scope', () => {
    expectOne(runFlow(xRefreshScope, [first(undefined, { scope: 'openid' }), refresh('openid email')]), 'x-refresh-scope', 'error', 'of the first token request');
    const authz = jsonArtifact('authorize_request', { scope: 'openid', client_id: 'c' });
    const r2 = refresh('openid email');
    expectOne(runFlow(xRefreshScope, [authz, r2]), 'x-refresh-scope', 'error', 'of the authorization request', [r2.id, authz.id]);
  });

  it('judges a refresh with a resource indicator against the scope asked for, not the first per-resource response (RFC 8707)', () => {
    const authz = jsonArtifact('authorize_request', { scope: 'openid email offline_access api:read', client_id: 'spa' });
    const withResource = (scope: string) =>
      tokenResponse({ scope }, [], { grant_type: 'refresh_token', resource: 'https://api.example/' });
    expectNone(runFlow(xRefreshScope, [authz, first('openid email'), withResource('api:read')]));
    expectOne(runFlow(xRefreshScope, [authz, first('openid email'), withResource('api:read api:write')]), 'x-refresh-scope', 'error', 'adds "api:write"');
  });

  it('issue 9: no finding with a resource indicator when the authorization request was not captured (the grant is unknown)', () => {
    const withResource = (scope: string | undefined, formScope?: string) =>
      tokenResponse(scope === undefined ? {} : { scope }, [], { grant_type: 'refresh_token', resource: 'https://api.example/', ...(formScope === undefined ? {} : { scope: formScope }) });
    expectNone(runFlow(xRefreshScope, [first('openid email offline_access'), withResource('api:read')]));
    expectNone(runFlow(xRefreshScope, [first('openid email offline_access'), withResource(undefined, 'api:read')]));
    // Without a resource indicator the first response is the grant, authorization request or not.
    expectOne(runFlow(xRefreshScope, [first('openid email'), refresh('openid api:read')]), 'x-refresh-scope', 'error', 'adds "api:read"');
  });

  it('keeps comparing with the first response when no resource indicator is used', () => {
    const authz = jsonArtifact('authorize_request', { scope: 'openid email api:read', client_id: 'spa' });
    expectOne(runFlow(xRefreshScope, [authz, first('openid email'), refresh('openid api:read')]), 'x-refresh-scope', 'error', 'adds "api:read"');
  });

  it('compares every refresh with the original grant, not with the previous refresh', () => {
    expectNone(runFlow(xRefreshScope, [first('openid profile'), refresh('openid'), refresh('openid profile')]));
  });

  it.each([
    ['no original scope', () => [refresh('openid admin')]],
    ['only refreshes', () => [refresh('openid'), refresh('openid admin')]],
    ['original scope not a string', () => [first(['openid']), refresh('openid admin')]],
    ['original scope empty', () => [first(''), refresh('openid admin')]],
    ['refreshed scope not a string', () => [first('openid'), refresh({ scope: 'admin' })]],
    ['refreshed scope omitted', () => [first('openid'), refresh(undefined)]],
    ['original only after the refresh', () => [refresh('openid admin'), first('openid')]],
  ])('no finding: %s', (_name, make: () => Artifact[]) => {
    expectNone(runFlow(xRefreshScope, make()));
  });
  describe('request side: the union of the original scopes, offline_access ignored', () => {
    it('does not fire when the refresh asks for a scope the authorization request asked for but the first response did not list', () => {
      const authz = jsonArtifact('authorize_request', { scope: 'openid profile email offline_access', client_id: 'c' });
      expectNone(runFlow(xRefreshScope, [authz, first('openid profile'), refresh(undefined, 'openid email')]));
    });

    it('does not fire when the scope came in the first token request form only', () => {
      const authz = jsonArtifact('authorize_request', { scope: 'openid', client_id: 'c' });
      expectNone(runFlow(xRefreshScope, [authz, first('openid', { scope: 'openid api.read' }), refresh(undefined, 'openid api.read')]));
    });

    it.each([
      ['asked in the refresh only', 'openid profile', 'openid profile offline_access'],
      ['asked everywhere', 'openid profile offline_access', 'openid offline_access'],
    ])('ignores offline_access: %s', (_name, original, asked) => {
      const authz = jsonArtifact('authorize_request', { scope: original, client_id: 'c' });
      expectNone(runFlow(xRefreshScope, [authz, first(undefined), refresh(undefined, asked)]));
    });

    it('still fires for a scope none of them had, naming every source', () => {
      const authz = jsonArtifact('authorize_request', { scope: 'openid offline_access', client_id: 'c' });
      const r1 = first('openid profile', { scope: 'openid' });
      const r2 = refresh(undefined, 'openid admin offline_access');
      expectOne(runFlow(xRefreshScope, [authz, r1, r2]), 'x-refresh-scope', 'error',
        'the refresh request asks for scope "openid admin offline_access", adding "admin" to the original scope "openid profile" of the authorization request, the first token request and the first token response',
        [r2.id, authz.id, r1.id]);
    });

    it('keeps the response-side check against the first grant', () => {
      const authz = jsonArtifact('authorize_request', { scope: 'openid email', client_id: 'c' });
      expectOne(runFlow(xRefreshScope, [authz, first('openid'), refresh('openid email')]), 'x-refresh-scope', 'error', 'the refreshed scope "openid email" adds "email"');
    });

    it('no finding when the original names only offline_access', () => {
      const authz = jsonArtifact('authorize_request', { scope: 'offline_access', client_id: 'c' });
      expectNone(runFlow(xRefreshScope, [authz, refresh(undefined, 'openid')]));
    });
  });
});
