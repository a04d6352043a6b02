import { describe, expect, it } from 'vitest';
import type { HttpContext } from '../../../src/core/model.js';
import { trRequired } from '../../../src/core/rules/tr-required.js';
import { check, flowOf, jsonArtifact } from '../helpers/rule-harness.js';

/** Seed 002's authorization code token response members (tokens shortened). */
const SEED_002 = {
  access_token: 'eyJ.at.sig', expires_in: 300, refresh_expires_in: 1800, refresh_token: 'eyJ.rt.sig', token_type: 'bearer',
  id_token: 'eyJ.idt.sig', 'not-before-policy': 0, session_state: '66801cef-7746-4dd6-a018-43bda5c7002b', scope: 'openid profile',
};

const http = (form: Record<string, string>): HttpContext => ({
  method: 'POST', url: 'https://auth.current.bankid.no/auth/realms/current/protocol/openid-connect/token', status: 200,
  requestHeaders: {}, responseHeaders: { 'content-type': 'application/json' }, requestForm: form,
});
const codeGrant = http({ grant_type: 'authorization_code', code: 'c', code_verifier: 'v' });

function without(...names: string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...SEED_002 };
  for (const n of names) delete copy[n];
  return copy;
}

describe('tr-required', () => {
  it('does not fire for seed 002 (code grant, scope openid profile)', () => {
    expect(check(trRequired, [jsonArtifact('token_response', SEED_002, { http: codeGrant })])).toEqual([]);
  });

  it.each(['access_token', 'token_type', 'expires_in'])('fires an error when %s is missing', (name) => {
    const f = check(trRequired, [jsonArtifact('token_response', without(name), { http: codeGrant })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'tr-required', severity: 'error', claim: name });
    expect(f[0]!.message).toContain(`token response (grant_type "authorization_code") has no ${name}`);
  });

  it.each([
    ['access_token', 'RFC 6749 §5.1 requires it'],
    ['token_type', 'RFC 6749 §5.1 requires it'],
    ['expires_in', 'RFC 6749 §5.1 recommends it and seed 002 lists it as a response element'],
  ])('says accurately why %s is expected', (name, why) => {
    const f = check(trRequired, [jsonArtifact('token_response', without(name), { http: codeGrant })]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain(`has no ${name}; ${why}`);
    expect(f[0]!.message).not.toContain('requires access_token, token_type and expires_in');
  });

  it.each([400, 401, 500, 503])('does not fire for an HTTP %i response without an error member', (status) => {
    const tr = jsonArtifact('token_response', { message: 'Bad Request' }, { http: { ...codeGrant, status } });
    expect(check(trRequired, [tr])).toEqual([]);
  });

  it('reports each missing member separately, also null ones', () => {
    const f = check(trRequired, [jsonArtifact('token_response', { ...without('access_token', 'expires_in'), token_type: null }, { http: codeGrant })]);
    expect(f.map((x) => x.claim)).toEqual(['access_token', 'token_type', 'expires_in']);
  });

  it('requires id_token in the OIDC code flow (scope from the response)', () => {
    const f = check(trRequired, [jsonArtifact('token_response', without('id_token'), { http: codeGrant })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', claim: 'id_token' });
    expect(f[0]!.message).toContain('with scope "openid profile" has no id_token');
  });

  it("requires id_token with the scope taken from the flow's authorize request when the response has none", () => {
    const authz = jsonArtifact('authorize_request', { client_id: 'oidc-testclient', response_type: 'code', scope: 'profile openid' });
    const tr = jsonArtifact('token_response', without('id_token', 'scope'), { http: codeGrant });
    const f = check(trRequired, [tr], { artifacts: [authz], flows: [flowOf([authz, tr])] });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('scope "profile openid"');
  });

  it.each([
    ['plain OAuth code flow (no openid)', { ...without('id_token'), scope: 'profile' }, codeGrant],
    ['"openid" only as part of another scope', { ...without('id_token'), scope: 'openidx profile' }, codeGrant],
    ['client_credentials grant', without('id_token', 'refresh_token'), http({ grant_type: 'client_credentials', scope: 'openid' })],
    ['refresh_token grant', without('id_token'), http({ grant_type: 'refresh_token', refresh_token: 'x', scope: 'openid profile' })],
    ['no scope known anywhere', without('id_token', 'scope'), codeGrant],
    ['no HTTP context (a JSON file)', without('id_token'), undefined],
    ['an error response', { error: 'invalid_grant', error_description: 'Code not valid' }, codeGrant],
  ])('does not fire: %s', (_name, claims, h) => {
    expect(check(trRequired, [jsonArtifact('token_response', claims, h ? { http: h } : {})])).toEqual([]);
  });

  it.each([
    ['no claims at all (unreadable body)', undefined, codeGrant],
    ['scope a number', { ...without('id_token'), scope: 7 }, codeGrant],
    ['scope an array with openid', { ...without('id_token'), scope: ['openid'] }, codeGrant],
    ['grant_type odd', SEED_002, http({ grant_type: 'x'.repeat(10_000) })],
  ])('bad input does not throw and gives no finding: %s', (_name, claims, h) => {
    expect(check(trRequired, [jsonArtifact('token_response', claims as Record<string, unknown> | undefined, { http: h })])).toEqual([]);
  });

  it('bad input: members of the wrong type count as present (their types are not this rule\'s concern)', () => {
    const claims = { ...SEED_002, access_token: 5, token_type: {}, expires_in: '300', id_token: [] };
    expect(check(trRequired, [jsonArtifact('token_response', claims, { http: codeGrant })])).toEqual([]);
  });
});
