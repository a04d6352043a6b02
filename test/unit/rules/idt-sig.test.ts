import { describe, expect, it } from 'vitest';
import type { Severity, SignatureCheck } from '../../../src/core/model.js';
import type { Profile } from '../../../src/core/profiles/types.js';
import { idtSig } from '../../../src/core/rules/idt-sig.js';
import { check, NOW, tokenArtifact } from '../helpers/rule-harness.js';
import { FRAGMENT, ID_BASE, TOKEN_ENDPOINT } from './idt-flow-fixtures.js';
import { seed002IdToken } from './cross-fixtures.js';

const KEY_SOURCE = 'jwks_uri of https://op.example';

function idToken(signature: SignatureCheck | undefined, location: string) {
  return tokenArtifact('id_token', ID_BASE, undefined, { occurrences: [{ location, at: NOW * 1000 }], ...(signature ? { signature } : {}) });
}

describe('idt-sig', () => {
  it.each<[string, SignatureCheck | undefined, string, [Severity, string] | undefined]>([
    ['valid', { status: 'valid', alg: 'RS256', kid: 'k1' }, FRAGMENT, undefined],
    ['not checked', { status: 'not-checked' }, FRAGMENT, undefined],
    ['unverifiable (HS*, alg-confusion reports it)', { status: 'unverifiable', alg: 'HS256' }, FRAGMENT, undefined],
    ['no signature check at all', undefined, FRAGMENT, undefined],
    ['invalid, from the authorization endpoint', { status: 'invalid', alg: 'RS256', kid: 'k1', keySource: KEY_SOURCE }, FRAGMENT, ['error', `the signature does not verify with the key "k1" (RS256) from ${KEY_SOURCE}`]],
    ['invalid, via form_post', { status: 'invalid' }, 'response.form.id_token', ['error', 'the signature does not verify']],
    ['invalid, from the token endpoint', { status: 'invalid', alg: 'RS256', kid: 'k1' }, TOKEN_ENDPOINT, ['info', 'came directly from the token endpoint, so the client may rely on TLS instead']],
    ['invalid, with a reason', { status: 'invalid', reason: 'signature bytes altered' }, FRAGMENT, ['error', '(signature bytes altered)']],
    ['no key, unknown kid', { status: 'no-key', kid: 'old', unknownKid: true }, FRAGMENT, ['error', 'no key was found to verify the signature: the kid "old" is not in the JWKS, also after a refetch']],
    ['no key, ambiguous', { status: 'no-key', ambiguous: true }, FRAGMENT, ['error', 'the JWKS has several keys and the header no kid']],
    ['no key, reason only', { status: 'no-key', reason: 'no JWKS known for the issuer' }, FRAGMENT, ['error', 'no key was found to verify the signature: no JWKS known for the issuer']],
    ['no key, from the token endpoint', { status: 'no-key', reason: 'no JWKS known for the issuer' }, TOKEN_ENDPOINT, ['info', 'no JWKS known for the issuer; the ID token came directly from the token endpoint']],
    ['no key, no detail', { status: 'no-key' }, FRAGMENT, ['error', 'no key was found to verify the signature']],
    ['no key, odd field types', { status: 'no-key', kid: 7, reason: 3, ambiguous: 'yes' } as unknown as SignatureCheck, FRAGMENT, ['error', 'no key was found to verify the signature']],
    ['no key, JWKS fetch failed', { status: 'no-key', reason: 'fetching https://op.example/jwks failed: timeout' }, FRAGMENT, ['warning', 'the signature could not be checked: no key was found: fetching https://op.example/jwks failed: timeout']],
    ['no key, fetch refused', { status: 'no-key', reason: 'not fetched: the host is private' }, FRAGMENT, ['warning', 'the signature could not be checked']],
    ['no key, fetch failed, from the token endpoint', { status: 'no-key', reason: 'fetching https://op.example/jwks failed: 503' }, TOKEN_ENDPOINT, ['info', 'the signature could not be checked']],
    ['no key, unknown kid and the refetch failed', { status: 'no-key', kid: 'old', unknownKid: true, reason: 'no key with kid "old" in x (the refetch failed: fetching y failed: 500)' }, FRAGMENT, ['error', 'no key was found to verify the signature']],
    ['no key, ambiguous with a failure text', { status: 'no-key', ambiguous: true, reason: 'failed' }, FRAGMENT, ['error', 'several keys']],
    ['invalid, reason says failed', { status: 'invalid', reason: 'verification failed' }, FRAGMENT, ['error', 'the signature does not verify']],
    ['unknown status', { status: 'broken' } as unknown as SignatureCheck, FRAGMENT, undefined],
  ])('%s', (_name, signature, location, expected) => {
    const findings = check(idtSig, [idToken(signature, location)]);
    if (!expected) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'idt-sig', severity: expected[0] });
    expect(findings[0]!.message).toContain(expected[1]);
  });

  it('reports the seed 002 ID token as info when its signature fails (token endpoint)', () => {
    const [f] = check(idtSig, [seed002IdToken({ signature: { status: 'invalid', alg: 'RS256', kid: '7VFZIZvRPNcYRQFTpD80uIhIiUPxYCdhKhR6nv2CBrg' } })]);
    expect(f).toMatchObject({ rule: 'idt-sig', severity: 'info' });
    expect(f?.message).toContain('the key "7VFZIZvRPNcYRQFTpD80uIhIiUPxYCdhKhR6nv2CBrg" (RS256)');
  });

  it('applies a profile override to the error case but keeps the token-endpoint info', () => {
    const lenient: Profile = { id: 'lenient', name: 'test', severity: { 'idt-sig': 'warning' } };
    const front = { ...idToken({ status: 'invalid' }, FRAGMENT), profile: 'lenient' };
    const back = { ...idToken({ status: 'invalid' }, TOKEN_ENDPOINT), profile: 'lenient' };
    expect(check(idtSig, [front, back], { profiles: [lenient] }).map((f) => f.severity)).toEqual(['warning', 'info']);
  });
});
