import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Artifact, ArtifactKind } from '../../../src/core/model.js';
import { claimsRules } from '../../../src/core/rules/registry-claims.js';
import { jwsRules } from '../../../src/core/rules/registry-jws.js';
import { check, flowOf, jsonArtifact, NOW, tokenArtifact } from '../helpers/rule-harness.js';

const KINDS: ArtifactKind[] = ['id_token', 'access_token', 'refresh_token', 'jwt', 'opaque_token', 'userinfo', 'introspection'];
const NAMES = ['alg', 'typ', 'kid', 'crit', 'jku', 'jwk', 'x5c', 'b64', 'exp', 'nbf', 'iat', 'auth_time', 'updated_at', 'sub', 'aud', 'amr', 'scope', 'toString', '__proto__'];

describe('registries of sections A and B', () => {
  it('hold the rules in catalogue order', () => {
    expect(jwsRules.map((r) => r.id)).toEqual(['jws-parse', 'jws-dup-names', 'alg-present', 'alg-none', 'alg-allowlist', 'alg-confusion', 'key-kid', 'key-embedded', 'typ-explicit']);
    expect(claimsRules.map((r) => r.id)).toEqual(['numericdate', 'exp-passed', 'nbf-future', 'iat-future', 'time-order', 'auth-time', 'claim-types']);
  });

  it('never throw on hostile headers, claims and signature checks', () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(NOW, NOW * 1000, 0, -1, 1e300, 'RS256', 'HS256', 'none', ['b64'], ['x'], Number.POSITIVE_INFINITY),
    );
    const object = fc.dictionary(fc.constantFrom(...NAMES), value, { maxKeys: 8 });
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), object, object, fc.constantFrom('', 'c2ln'), fc.boolean(), fc.anything(), (kind, header, claims, sig, keycloak, signature) => {
        const token: Artifact = tokenArtifact(kind, { sub: 'u' }, { alg: 'RS256' }, { profile: keycloak ? 'keycloak' : 'oidc', claims }, sig);
        token.jwt!.header = header;
        (token as unknown as Record<string, unknown>).signature = signature;
        const request = jsonArtifact('authorize_request', { max_age: claims.exp ?? '10' });
        const flow = flowOf([request, token], { type: keycloak ? 'hybrid' : 'authorization_code' });
        const opts = { flows: [flow], artifacts: [request], discovery: { u: { id_token_signing_alg_values_supported: header.alg } } };
        for (const rule of [...jwsRules, ...claimsRules]) {
          const internal = check(rule, [token], opts).filter((f) => f.message.startsWith('internal error'));
          expect(internal, rule.id).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
