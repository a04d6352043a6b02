import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../../src/core/model.js';
import { parseJsonLenient } from '../../../src/core/util/json-lenient.js';
import { inBasics } from '../../../src/core/rules/in-basics.js';
import { check, jsonArtifact } from '../helpers/rule-harness.js';

/** Seed 003's 200 answer (its sample lacks the opening brace; this is the repaired body). */
const SEED_003_ACTIVE = {
  sub: 'sample_web_stage', nbf: 1633262176, scope: 'internal_application_mgt_view', iss: 'https://qa-ids.uaepass.ae:443/oauth2/token',
  client_claims: { sub: 'sample_web_stage', acr: '', domain: 'urn:safelayer:eidas:domain:oauth:client', amr: '', distinguished_name: 'Sample Web Application', name: 'Sample Web Application' },
  active: true, token_type: 'Bearer', exp: 1633265776, iat: 1633262176, client_id: 'sample_web_stage', username: 'admin@carbon.super',
};

function answer(claims: Record<string, unknown> | undefined, status?: number, extra: Partial<Artifact> = {}): Artifact {
  return jsonArtifact('introspection', claims, {
    http: { method: 'POST', url: 'https://stg-id.uaepass.ae/idshub/introspect', ...(status === undefined ? {} : { status }), requestHeaders: {}, responseHeaders: {}, requestForm: { token: 'abc' } },
    ...extra,
  });
}

/** Seed 003's inactive answer: HTTP 400 with the invalid JSON `{"active":false,}`, repaired as the engine does. */
function seed003Inactive(): Artifact {
  const parsed = parseJsonLenient('{"active":false,}');
  return answer(parsed.value as Record<string, unknown>, 400, { jsonError: parsed.error ?? 'invalid', raw: '{"active":false,}' });
}

describe('in-basics', () => {
  it('seed 003 inactive answer (HTTP 400, {"active":false,}) is one warning, and the invalid JSON is not reported here', () => {
    const f = check(inBasics, [seed003Inactive()]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'in-basics', severity: 'warning' });
    expect(f[0]!.message).toContain('introspection answered HTTP 400 with active:false; an inactive token is answered with 200 and {"active":false}, RFC 7662 §2.2');
    expect(f[0]!.message).not.toMatch(/JSON is|invalid JSON/i);
  });

  it('a 401 with invalid_token is an inactive answer in disguise', () => {
    const f = check(inBasics, [answer({ error: 'invalid_token' }, 401)]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning' });
    expect(f[0]!.message).toContain('HTTP 401 with error "invalid_token"');
  });

  it.each([
    ['active missing', { scope: 'x' }, 200, 'has no active member'],
    ['active missing, no status known (file)', { sub: 'u' }, undefined, 'has no active member'],
    ['active a string', { active: 'true' }, 200, 'active "true" is not a boolean'],
    ['active a number', { active: 1 }, 200, 'active 1 is not a boolean'],
    ['active null', { active: null }, 200, 'active null is not a boolean'],
    ['active an object, on a 400', { active: { value: false } }, 400, 'active {"value":false} is not a boolean'],
  ])('fires an error: %s', (_name, claims, status, fragment) => {
    const f = check(inBasics, [answer(claims, status)]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'in-basics', severity: 'error', claim: 'active' });
    expect(f[0]!.message).toContain(fragment);
  });

  it.each([
    ['seed 003 active answer', SEED_003_ACTIVE, 200],
    ['{"active":false} with 200', { active: false }, 200],
    ['active:false with other members (x-in-inactive-only reports it)', { active: false, sub: 'u' }, 200],
    ['401 invalid_client: failed client authentication is answered with 401', { error: 'invalid_client' }, 401],
    ['400 invalid_request: missing token parameter', { error: 'invalid_request' }, 400],
    ['500 with active:false is not the 4xx case', { active: false }, 500],
    ['a 4xx without active nor error', {}, 403],
  ])('does not fire: %s', (_name, claims, status) => {
    expect(check(inBasics, [answer(claims, status)])).toEqual([]);
  });

  it.each([
    ['no claims (body unreadable, json-parse reports it)', undefined, 400],
    ['error a number', { error: 400 }, 400],
    ['huge nested members', { active: true, ext: { a: [{ b: 'x'.repeat(100_000) }] } }, 200],
  ])('bad input: no finding, no throw: %s', (_name, claims, status) => {
    expect(check(inBasics, [answer(claims, status)])).toEqual([]);
  });

  it('bad input: a non-numeric status is ignored', () => {
    const a = answer({ active: false });
    (a.http as unknown as Record<string, unknown>).status = '400';
    expect(check(inBasics, [a])).toEqual([]);
  });
});
