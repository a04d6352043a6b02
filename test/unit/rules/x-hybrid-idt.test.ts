import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../../src/core/model.js';
import { xHybridIdt } from '../../../src/core/rules/x-hybrid-idt.js';
import { expectNone, expectOne, jsonArtifact, tokenArtifact } from '../helpers/rule-harness.js';
import { runFlow, tokenResponse } from './cross-fixtures.js';

const BASE = { iss: 'https://op.example', sub: 'u1', aud: 'c1' };

function front(claims: Record<string, unknown>, location = 'url.fragment.id_token'): Artifact {
  return tokenArtifact('id_token', { ...BASE, ...claims }, undefined, { occurrences: [{ location, at: 0 }] });
}

function back(claims: Record<string, unknown>, grant = 'authorization_code'): Artifact[] {
  const idt = tokenArtifact('id_token', { ...BASE, ...claims });
  return [tokenResponse({}, [idt], { grant_type: grant }), idt];
}

const hybrid = { type: 'hybrid' as const };

describe('x-hybrid-idt', () => {
  it('does not fire when both ID tokens agree', () => {
    expectNone(runFlow(xHybridIdt, [front({}), ...back({})], hybrid));
  });

  it('fires once per differing claim', () => {
    const f1 = front({});
    const [resp, b1] = back({ iss: 'https://evil.example', sub: 'u2' });
    const findings = runFlow(xHybridIdt, [f1, resp!, b1!], hybrid);
    expect(findings.map((f) => [f.rule, f.severity, f.claim])).toEqual([
      ['x-hybrid-idt', 'error', 'iss'],
      ['x-hybrid-idt', 'error', 'sub'],
    ]);
    expect(findings[0]!.message).toContain(`token endpoint's ID token iss "https://evil.example" differs from the authorization endpoint's ID token iss "https://op.example"`);
    expect(findings[1]!.artifacts).toEqual([b1!.id, f1.id]);
  });

  it.each(['url.query.id_token', 'response.form.id_token'])('recognises a front-channel ID token in %s', (location) => {
    expectOne(runFlow(xHybridIdt, [front({}, location), ...back({ sub: 'u2' })], hybrid), 'x-hybrid-idt', 'error', 'sub "u2"');
  });

  it('a token-endpoint ID token later sent as id_token_hint in a URL is still compared (it is not front-channel)', () => {
    const f1 = front({});
    const [resp, b1] = back({ sub: 'u2' });
    b1!.occurrences.push({ location: 'url.query.id_token_hint', at: 1 });
    expectOne(runFlow(xHybridIdt, [f1, resp!, b1!], hybrid), 'x-hybrid-idt', 'error', 'sub "u2"');
  });

  it('only runs in hybrid flows', () => {
    expectNone(runFlow(xHybridIdt, [front({}), ...back({ sub: 'u2' })], { type: 'implicit' }));
    expectNone(runFlow(xHybridIdt, [front({}), ...back({ sub: 'u2' })], { type: 'authorization_code' }));
  });

  it('leaves refreshed ID tokens to x-refresh-idt', () => {
    expectNone(runFlow(xHybridIdt, [front({}), ...back({}), ...back({ sub: 'u2' }, 'refresh_token')], hybrid));
  });

  it('pairs each token-endpoint ID token with the front-channel one issued last before it', () => {
    const a = front({ sub: 'a' });
    const b = front({ sub: 'b' });
    expectNone(runFlow(xHybridIdt, [a, ...back({ sub: 'a' }), b, ...back({ sub: 'b' })], hybrid));
    expect(runFlow(xHybridIdt, [a, ...back({ sub: 'b' }), b, ...back({ sub: 'a' })], hybrid)).toHaveLength(2);
  });

  it('an ID token seen at both endpoints is not compared with itself', () => {
    const both = tokenArtifact('id_token', BASE, undefined, {
      occurrences: [{ location: 'url.fragment.id_token', at: 0 }, { location: 'response.json.id_token', at: 0 }],
    });
    expectNone(runFlow(xHybridIdt, [both], hybrid));
  });

  it.each([
    ['no front-channel ID token', () => back({})],
    ['no token-endpoint ID token', () => [front({})]],
    ['sub missing on one side', () => [front({ sub: undefined }), ...back({ sub: 'u2' })]],
    ['sub null on one side', () => [front({}), ...back({ sub: null })]],
    ['undecodable token', () => [front({}), jsonArtifact('id_token', undefined, { occurrences: [{ location: 'response.json.id_token', at: 0 }] })]],
  ])('no finding: %s', (_name, make) => {
    expectNone(runFlow(xHybridIdt, make(), hybrid));
  });

  it('hostile claim types do not throw', () => {
    expectOne(runFlow(xHybridIdt, [front({ sub: 1 }), ...back({ sub: '1' })], hybrid), 'x-hybrid-idt', 'error', 'sub "1" differs from the authorization endpoint\'s ID token sub 1');
  });
});
