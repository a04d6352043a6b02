import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../src/core/model.js';
import { idtNonce } from '../../../src/core/rules/idt-nonce.js';
import { check, flowOf, jsonArtifact, NOW } from '../helpers/rule-harness.js';
import { FRAGMENT, login, TOKEN_ENDPOINT } from './idt-flow-fixtures.js';
import { seed002IdToken } from './cross-fixtures.js';

type Expect = [Severity, string] | undefined;

describe('idt-nonce: against the authorize request', () => {
  it.each<[string, Record<string, unknown> | undefined, Record<string, unknown>, string, Expect]>([
    ['nonce matches', { nonce: 'n-1' }, { nonce: 'n-1' }, TOKEN_ENDPOINT, undefined],
    ['nonce differs', { nonce: 'n-1' }, { nonce: 'n-2' }, TOKEN_ENDPOINT, ['error', 'nonce "n-2" does not match the authorize request nonce "n-1"']],
    ['nonce differs only in case', { nonce: 'abc' }, { nonce: 'ABC' }, TOKEN_ENDPOINT, ['error', 'does not match']],
    ['nonce missing from the token', { nonce: 'n-1' }, {}, TOKEN_ENDPOINT, ['error', 'has no nonce, but the authorize request sent nonce "n-1"']],
    ['nonce an object', { nonce: 'n-1' }, { nonce: { v: 'n-1' } }, TOKEN_ENDPOINT, ['error', 'nonce {"v":"n-1"} does not match']],
    ['nonce a number', { nonce: '42' }, { nonce: 42 }, TOKEN_ENDPOINT, ['error', 'nonce 42 does not match the authorize request nonce "42"']],
    ['nonce null', { nonce: 'n-1' }, { nonce: null }, TOKEN_ENDPOINT, ['error', 'nonce null does not match']],
    ['no nonce requested, code flow', { response_type: 'code' }, {}, TOKEN_ENDPOINT, undefined],
    ['no nonce requested, token has one', { response_type: 'code' }, { nonce: 'x' }, TOKEN_ENDPOINT, undefined],
    ['empty nonce parameter counts as none', { nonce: '' }, {}, TOKEN_ENDPOINT, undefined],
    ['request nonce not a string', { nonce: ['n-1'] }, {}, TOKEN_ENDPOINT, undefined],
    ['no authorize request captured', undefined, {}, TOKEN_ENDPOINT, undefined],
    ['implicit, nonce matches', { response_type: 'id_token', nonce: 'n-1' }, { nonce: 'n-1' }, FRAGMENT, undefined],
    ['implicit, nonce missing', { response_type: 'id_token', nonce: 'n-1' }, {}, FRAGMENT, ['error', 'sent nonce "n-1"']],
    ['implicit, nonce not requested and missing', { response_type: 'id_token token' }, {}, FRAGMENT, ['error', 'came from the authorization endpoint (implicit or hybrid flow) without a nonce']],
    ['implicit without a captured request, nonce missing', undefined, {}, FRAGMENT, ['error', 'without a nonce; nonce is required there']],
    ['form_post hybrid without a captured request, nonce missing', undefined, {}, 'response.form.id_token', ['error', 'without a nonce']],
    ['implicit without a captured request, nonce an array', undefined, { nonce: [] }, FRAGMENT, ['error', 'nonce [] is not a usable nonce']],
    ['implicit without a captured request, nonce present', undefined, { nonce: 'x' }, FRAGMENT, undefined],
    // An ID token later sent in a URL as id_token_hint was still issued by the token endpoint.
    ['token-endpoint ID token reused as id_token_hint', undefined, {}, 'url.query.id_token_hint', undefined],
  ])('%s', (_name, params, claims, location, expected) => {
    const { idToken, opts } = login(params, claims, location);
    const findings = check(idtNonce, [idToken], opts);
    if (!expected) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'idt-nonce', severity: expected[0], claim: 'nonce' });
    expect(findings[0]!.message).toContain(expected[1]);
  });

  it('accepts the seed 002 ID token after an authorize request with nonce demoNonce', () => {
    const request = jsonArtifact('authorize_request', { client_id: 'oidc-testclient', response_type: 'code', nonce: 'demoNonce' });
    const idToken = seed002IdToken();
    const flow = flowOf([request, idToken]);
    expect(check(idtNonce, [idToken], { artifacts: [request], flows: [flow] })).toEqual([]);
    const other = jsonArtifact('authorize_request', { nonce: 'otherNonce' });
    const [f] = check(idtNonce, [idToken], { artifacts: [other], flows: [flowOf([other, idToken])] });
    expect(f?.message).toBe('nonce "demoNonce" does not match the authorize request nonce "otherNonce"');
  });

  it('compares with the latest authorize request before the ID token', () => {
    const first = jsonArtifact('authorize_request', { nonce: 'old' });
    const second = jsonArtifact('authorize_request', { nonce: 'new' });
    const { idToken } = login(undefined, { nonce: 'new' });
    const later = jsonArtifact('authorize_request', { nonce: 'later' });
    const flow = flowOf([first, second, idToken, later]);
    expect(check(idtNonce, [idToken], { artifacts: [first, second, later], flows: [flow] })).toEqual([]);
  });
});

describe('idt-nonce: refreshed ID tokens (Core §12.2)', () => {
  const refresh = () => jsonArtifact('token_response', { id_token: 'x' }, { http: { method: 'POST', url: 'https://op.example/token', requestHeaders: {}, responseHeaders: {}, requestForm: { grant_type: 'refresh_token' } } });

  it('may omit the nonce', () => {
    const tr = refresh();
    const { idToken, opts } = login({ nonce: 'n-1' }, {}, TOKEN_ENDPOINT, [tr], { parent: tr.id });
    expect(check(idtNonce, [idToken], opts)).toEqual([]);
  });

  it('leaves a changed nonce to x-refresh-idt (no idt-nonce error)', () => {
    const tr = refresh();
    const { idToken, opts } = login({ nonce: 'n-1' }, { nonce: 'n-9' }, TOKEN_ENDPOINT, [tr], { parent: tr.id });
    expect(check(idtNonce, [idToken], opts)).toEqual([]);
  });

  it('treats an authorization_code token response as the original, not a refresh', () => {
    const tr = jsonArtifact('token_response', {}, { http: { method: 'POST', url: 'https://op.example/token', requestHeaders: {}, responseHeaders: {}, requestForm: { grant_type: 'authorization_code' } } });
    const { idToken, opts } = login({ nonce: 'n-1' }, {}, TOKEN_ENDPOINT, [tr], { occurrences: [{ location: TOKEN_ENDPOINT, at: NOW * 1000, parent: tr.id }] });
    expect(check(idtNonce, [idToken], opts)[0]?.message).toContain('has no nonce');
  });
});

describe('idt-nonce: reuse across logins', () => {
  it('warns when another flow sent the same nonce', () => {
    const a = login({ nonce: 'same' }, { nonce: 'same' });
    const b = login({ nonce: 'same' }, { nonce: 'same' });
    const opts = { artifacts: [a.request!, b.request!], flows: [a.flow, b.flow] };
    const findings = check(idtNonce, [a.idToken], opts);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'idt-nonce', severity: 'warning', claim: 'nonce' });
    expect(findings[0]!.message).toContain('the same nonce was used for several logins');
    expect(findings[0]!.message).toContain(b.flow.id);
  });

  it('names at most 3 other flows, then "and N more"', () => {
    const logins = Array.from({ length: 6 }, () => login({ nonce: 'same' }, { nonce: 'same' }));
    const [a, ...others] = logins;
    const opts = { artifacts: logins.map((l) => l.request!), flows: logins.map((l) => l.flow) };
    const findings = check(idtNonce, [a!.idToken], opts);
    expect(findings).toHaveLength(1);
    const ids = others.map((l) => l.flow.id);
    expect(findings[0]!.message).toContain(`was also sent in 5 other flows (${ids.slice(0, 3).join(', ')} and 2 more)`);
    expect(findings[0]!.message).not.toContain(ids[3]!);
  });

  it('lists up to 3 other flows in full', () => {
    const logins = Array.from({ length: 4 }, () => login({ nonce: 'same' }, { nonce: 'same' }));
    const opts = { artifacts: logins.map((l) => l.request!), flows: logins.map((l) => l.flow) };
    const [f] = check(idtNonce, [logins[0]!.idToken], opts);
    expect(f!.message).toContain(`(${logins.slice(1).map((l) => l.flow.id).join(', ')})`);
    expect(f!.message).not.toContain('more');
  });

  it('does not warn about two authorize requests of the same flow', () => {
    const first = jsonArtifact('authorize_request', { nonce: 'same' });
    const { idToken, request, flow } = login({ nonce: 'same' }, { nonce: 'same' }, TOKEN_ENDPOINT, [first]);
    expect(check(idtNonce, [idToken], { artifacts: [first, request!], flows: [flow] })).toEqual([]);
  });

  it('does not warn for different nonces in different flows', () => {
    const a = login({ nonce: 'n-a' }, { nonce: 'n-a' });
    const b = login({ nonce: 'n-b' }, { nonce: 'n-b' });
    expect(check(idtNonce, [a.idToken], { artifacts: [a.request!, b.request!], flows: [a.flow, b.flow] })).toEqual([]);
  });

  it('reports a mismatch and the reuse together', () => {
    const a = login({ nonce: 'same' }, { nonce: 'other' });
    const b = login({ nonce: 'same' }, {});
    const findings = check(idtNonce, [a.idToken], { artifacts: [a.request!, b.request!], flows: [a.flow, b.flow] });
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning']);
  });
});

describe('idt-nonce: bad input', () => {
  it('does nothing without claims', () => {
    const { idToken, opts } = login({ nonce: 'n-1' }, {});
    delete idToken.claims;
    expect(check(idtNonce, [idToken], opts)).toEqual([]);
  });

  it('copes with an authorize request without parameters and a flow naming unknown artifacts', () => {
    const request = jsonArtifact('authorize_request', undefined);
    const { idToken } = login(undefined, {}, FRAGMENT);
    const flow = flowOf([request, idToken]);
    flow.artifacts.unshift('gone');
    const findings = check(idtNonce, [idToken], { artifacts: [request], flows: [flow] });
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('without a nonce')]);
  });
});
