import { describe, expect, it } from 'vitest';
import { pkce } from '../../../src/core/rules/pkce.js';
import { check, jsonArtifact } from '../helpers/rule-harness.js';

/** RFC 7636 Appendix B's verifier: 43 unreserved characters. */
const RFC_VERIFIER = 'dBjftJeZ4CVP-mJ92K9SiIqyF2hH-Ppw3RHwWqD-pDg';

function tokenResponse(form: Record<string, unknown> | undefined) {
  return jsonArtifact('token_response', { access_token: 'x', token_type: 'Bearer', expires_in: 300 }, {
    http: { method: 'POST', url: 'https://as.example/token', status: 200, requestHeaders: {}, responseHeaders: {}, ...(form ? { requestForm: form as Record<string, string> } : {}) },
  });
}

const authorize = (claims: Record<string, unknown>) => jsonArtifact('authorize_request', { client_id: 'c1', state: 's', ...claims });

describe('pkce: code_verifier', () => {
  it.each([
    ['seed 002 "your-code-verifier" is too short', 'your-code-verifier', 'code_verifier is 18 characters long, not 43 to 128'],
    ['129 characters', 'a'.repeat(129), 'is 129 characters long'],
    ['bad characters', `${'a'.repeat(42)}+/`, 'contains characters outside [A-Za-z0-9-._~]: "+", "/"'],
    ['too short and bad characters', 'a b', 'is 3 characters long, not 43 to 128 and contains characters outside [A-Za-z0-9-._~]: " "'],
    ['empty', '', 'is 0 characters long'],
  ])('fires an error: %s', (_name, verifier, fragment) => {
    const f = check(pkce, [tokenResponse({ grant_type: 'authorization_code', code: 'c', code_verifier: verifier })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'pkce', severity: 'error', claim: 'code_verifier' });
    expect(f[0]!.message).toContain(fragment);
  });

  it('never shows the verifier itself', () => {
    const f = check(pkce, [tokenResponse({ code_verifier: 'secret-verifier' })]);
    expect(f[0]!.message).not.toContain('secret-verifier');
  });

  it.each([
    ['RFC 7636 Appendix B verifier', { grant_type: 'authorization_code', code_verifier: RFC_VERIFIER }],
    ['128 characters of every allowed kind', { code_verifier: `${'Az09-._~'.repeat(16)}` }],
    ['no code_verifier (no PKCE in the token request)', { grant_type: 'authorization_code', code: 'c' }],
    ['no request form at all', undefined],
  ])('does not fire: %s', (_name, form) => {
    expect(check(pkce, [tokenResponse(form)])).toEqual([]);
  });

  it.each([
    ['code_verifier a number', { code_verifier: 12 }],
    ['code_verifier an array', { code_verifier: ['a'] }],
  ])('bad input: %s gives no finding and does not throw', (_name, form) => {
    expect(check(pkce, [tokenResponse(form)])).toEqual([]);
  });
});

describe('pkce: authorize request', () => {
  it.each([
    ['no code_challenge', { response_type: 'code' }, 'code_challenge', 'PKCE not used: the authorize request for response_type "code" has no code_challenge'],
    ['hybrid response type without challenge', { response_type: 'code id_token' }, 'code_challenge', 'PKCE not used'],
    ['empty code_challenge', { response_type: 'code', code_challenge: '' }, 'code_challenge', 'PKCE not used'],
    ['method missing (means plain)', { response_type: 'code', code_challenge: RFC_VERIFIER }, 'code_challenge_method', 'code_challenge_method is missing, which means plain; use S256'],
    ['method plain', { response_type: 'code', code_challenge: RFC_VERIFIER, code_challenge_method: 'plain' }, 'code_challenge_method', 'code_challenge_method "plain" sends the verifier itself as the challenge; use S256'],
    ['method in wrong case', { response_type: 'code', code_challenge: 'x', code_challenge_method: 's256' }, 'code_challenge_method', 'code_challenge_method "s256" is not a PKCE method'],
  ])('fires a warning: %s', (_name, claims, claim, fragment) => {
    const f = check(pkce, [authorize(claims)]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'pkce', severity: 'warning', claim });
    expect(f[0]!.message).toContain(fragment);
  });

  it.each([
    ['S256', { response_type: 'code', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' }],
    ['implicit flow (no code)', { response_type: 'id_token token' }],
    ['"code" only as part of another value', { response_type: 'codex' }],
    ['no response_type', {}],
  ])('does not fire: %s', (_name, claims) => {
    expect(check(pkce, [authorize(claims)])).toEqual([]);
  });

  it.each([
    ['response_type a number', { response_type: 7 }, 0],
    ['response_type an array', { response_type: ['code'] }, 0],
    ['code_challenge_method a number', { response_type: 'code', code_challenge: 'x', code_challenge_method: 256 }, 1],
    ['code_challenge an object', { response_type: 'code', code_challenge: {}, code_challenge_method: 'S256' }, 0],
  ])('bad input: %s does not throw', (_name, claims, count) => {
    const f = check(pkce, [authorize(claims)]);
    expect(f).toHaveLength(count);
    expect(f.every((x) => !x.message.startsWith('internal error'))).toBe(true);
  });

  it('bad input: an authorize request without claims', () => {
    expect(check(pkce, [jsonArtifact('authorize_request', undefined)])).toEqual([]);
  });
});
