import { describe, expect, it } from 'vitest';
import { idtAzp } from '../../../src/core/rules/idt-azp.js';
import { check, NOW, tokenArtifact } from '../helpers/rule-harness.js';
import { seed002IdToken } from './cross-fixtures.js';

const base = { iss: 'https://op.example', sub: 'u1', exp: NOW + 300, iat: NOW };

describe('idt-azp', () => {
  it.each<[string, Record<string, unknown>, string | undefined, string | undefined]>([
    ['azp equals the client id', { aud: 'c1', azp: 'c1' }, 'c1', undefined],
    ['no azp, one audience', { aud: 'c1' }, 'c1', undefined],
    ['no azp, audience array of one', { aud: ['c1'] }, 'c1', undefined],
    ['no azp, the same audience twice', { aud: ['c1', 'c1'] }, 'c1', undefined],
    ['azp names another client', { aud: 'c1', azp: 'Postman' }, 'c1', 'azp "Postman" is not the client_id "c1"'],
    // OIDC Core errata set 2: no azp is expected with several audiences.
    ['several audiences, no azp', { aud: ['c1', 'api'] }, 'c1', undefined],
    ['several audiences, no azp, client unknown', { aud: ['c1', 'api'] }, undefined, undefined],
    ['several audiences, azp names another client', { aud: ['c1', 'api'], azp: 'api' }, 'c1', 'azp "api" is not the client_id "c1"'],
    ['several audiences with the right azp', { aud: ['c1', 'api'], azp: 'c1' }, 'c1', undefined],
    ['azp a number', { aud: 'c1', azp: 5 }, 'c1', 'azp 5 is not a string; expected the client_id "c1"'],
    ['azp an object, client unknown', { aud: 'c1', azp: { id: 'c1' } }, undefined, 'azp {"id":"c1"} is not a string; expected the client_id'],
    ['azp null', { aud: 'c1', azp: null }, 'c1', 'azp null is not a string'],
    ['azp different, client unknown', { aud: 'c1', azp: 'other' }, undefined, undefined],
    ['aud a number, no azp', { aud: 3 }, 'c1', undefined],
    ['aud missing, no azp', {}, 'c1', undefined],
  ])('%s', (_name, claims, clientId, fragment) => {
    const findings = check(idtAzp, [tokenArtifact('id_token', { ...base, ...claims })], clientId ? { clientId } : {});
    if (fragment === undefined) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'idt-azp', severity: 'warning', claim: 'azp' });
    expect(findings[0]!.message).toContain(fragment);
  });

  it('accepts the seed 002 ID token for its client and warns for another', () => {
    expect(check(idtAzp, [seed002IdToken()], { clientId: 'oidc-testclient' })).toEqual([]);
    const [f] = check(idtAzp, [seed002IdToken()], { clientId: 'Postman' });
    expect(f?.message).toBe('azp "oidc-testclient" is not the client_id "Postman"');
  });
});
